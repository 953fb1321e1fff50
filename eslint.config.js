import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const impure = 'src/engine and src/format are pure and deterministic (docs/architecture.md, Layers).';
const boundary =
  'outside src/engine, import the engine through an entry: engine/index.js (runtime) or engine/compiler.js (files, schema, analysis); see docs/architecture.md.';
const impureImports = [
  { group: ['node:*', 'fs', 'path', 'os', 'crypto', 'worker_threads', 'child_process'], message: impure },
  { group: ['phaser', 'phaser/*', '**/ui/**', '**/cli/**'], message: impure },
];
const engineInternals = { group: ['**/engine/**', '!**/engine/index.js', '!**/engine/compiler.js'], message: boundary };
const bannedMath = [
  'exp',
  'expm1',
  'log',
  'log1p',
  'log2',
  'log10',
  'pow',
  'sin',
  'cos',
  'tan',
  'asin',
  'acos',
  'atan',
  'atan2',
  'sinh',
  'cosh',
  'tanh',
  'cbrt',
  'hypot',
  'random',
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'screenshots/**', '.bench/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Type-aware rules read both TypeScript projects: the browser one (DOM) and the Node one (tests, CLI, bench, scripts).
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { project: ['./tsconfig.json', './tsconfig.node.json', './tsconfig.uitest.json'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // A switch over a union names every member: a default does not count as handling one (it ends in unreachable()).
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { allowDefaultCaseForExhaustiveSwitch: true, considerDefaultExhaustiveForUnions: false, requireDefaultForNonUnion: false },
      ],
    },
  },
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
      'no-restricted-imports': ['error', { patterns: impureImports }],
      'no-restricted-globals': [
        'error',
        { name: 'Date', message: impure },
        { name: 'Intl', message: impure },
        { name: 'window', message: impure },
        { name: 'document', message: impure },
        { name: 'performance', message: impure },
        { name: 'process', message: impure },
        { name: 'localStorage', message: impure },
      ],
      'no-restricted-properties': [
        'error',
        ...bannedMath.map((property) => ({ object: 'Math', property, message: impure })),
        { property: 'localeCompare', message: impure },
        { property: 'toLocaleString', message: impure },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "BinaryExpression[operator='**']", message: impure },
        { selector: "AssignmentExpression[operator='**=']", message: impure },
      ],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    ignores: ['**/*.test.ts', 'src/cli/terminal.ts', 'src/cli/progress.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='write'][callee.object.property.name=/^std(out|err)$/]",
          message: 'print through src/cli/terminal.ts (out, err), which shows control characters escaped instead of writing them raw.',
        },
      ],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...impureImports,
            {
              group: ['**/format/**', '**/analysis/**'],
              message: 'the engine is the bottom layer: it imports nothing outside src/engine (docs/architecture.md, Layers).',
            },
          ],
        },
      ],
    },
  },
  {
    // Outside the engine, only its two entries are imported; tests may reach inside.
    files: ['src/ui/**/*.ts', 'src/cli/**/*.ts', 'src/server/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [engineInternals] }] },
  },
  {
    files: ['src/format/**/*.ts', 'src/analysis/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...impureImports, engineInternals] }] },
  },
);
