import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const impure = 'src/engine and src/format are pure and deterministic (DESIGN.md, Determinism).';
const bannedMath = ['exp', 'expm1', 'log', 'log1p', 'log2', 'log10', 'pow', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'atan2', 'sinh', 'cosh', 'tanh', 'cbrt', 'hypot', 'random'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'screenshots/**', '.bench/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['src/engine/**/*.ts', 'src/format/**/*.ts', 'src/analysis/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['node:*', 'fs', 'path', 'os', 'crypto', 'worker_threads', 'child_process'], message: impure },
          { group: ['phaser', 'phaser/*', '**/ui/**', '**/cli/**'], message: impure },
        ],
      }],
      'no-restricted-globals': ['error',
        { name: 'Date', message: impure }, { name: 'Intl', message: impure },
        { name: 'window', message: impure }, { name: 'document', message: impure },
        { name: 'performance', message: impure }, { name: 'process', message: impure },
        { name: 'localStorage', message: impure },
      ],
      'no-restricted-properties': ['error',
        ...bannedMath.map((property) => ({ object: 'Math', property, message: impure })),
        { property: 'localeCompare', message: impure },
        { property: 'toLocaleString', message: impure },
      ],
      'no-restricted-syntax': ['error',
        { selector: "BinaryExpression[operator='**']", message: impure },
        { selector: "AssignmentExpression[operator='**=']", message: impure },
      ],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    ignores: ['**/*.test.ts', 'src/cli/terminal.ts', 'src/cli/progress.ts'],
    rules: {
      'no-restricted-syntax': ['error', {
        selector: "CallExpression[callee.property.name='write'][callee.object.property.name=/^std(out|err)$/]",
        message: 'print through src/cli/terminal.ts (out, err), which shows control characters escaped instead of writing them raw.',
      }],
    },
  },
);
