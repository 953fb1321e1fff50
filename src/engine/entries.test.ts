import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

// The files (relative to the repository) that bundling an entry pulls in.
async function inputsOf(entry: string): Promise<string[]> {
  const r = await build({ entryPoints: [entry], bundle: true, write: false, metafile: true, platform: 'browser', format: 'esm', logLevel: 'silent' });
  return Object.keys(r.metafile.inputs);
}

const VALIDATOR = /node_modules\/zod\/|src\/engine\/schema\.ts$|src\/engine\/replayFile\.ts$/;

describe('the engine entries', () => {
  it('the runtime entry loads the turn loop but no schema or validator', async () => {
    const inputs = await inputsOf('src/engine/index.ts');
    expect(inputs).toContain('src/engine/step.ts');
    expect(inputs.filter((f) => VALIDATOR.test(f))).toEqual([]);
  });

  it('the compiler entry loads the schema, the replay file parser and zod', async () => {
    const inputs = await inputsOf('src/engine/compiler.ts');
    expect(inputs).toContain('src/engine/schema.ts');
    expect(inputs).toContain('src/engine/replayFile.ts');
    expect(inputs.some((f) => f.includes('node_modules/zod/'))).toBe(true);
  });
});
