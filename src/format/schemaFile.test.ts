// The published JSON Schema on disk matches the zod schema it is generated from.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../engine/schema.js';

const file = new URL('../../scenarios/scenario.schema.json', import.meta.url);

describe('scenarios/scenario.schema.json', () => {
  it('is up to date with src/engine/schema.ts (run "npm run schema" when this fails)', () => {
    expect(readFileSync(file, 'utf8')).toBe(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
  });

  it('is a draft-07 schema that requires the format version', () => {
    const schema = JSON.parse(readFileSync(file, 'utf8')) as { $schema: string; required: string[] };
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.required).toContain('formatVersion');
  });
});
