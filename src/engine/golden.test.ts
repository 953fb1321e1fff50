// Golden replays: reference games recorded by scripts/update-golden.ts. Any change in engine behaviour or in a
// scenario file makes one of these fail; review the change, then re-run the script deliberately.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GOLDEN_CASES, goldenFile, loadCaseScenario, playCase, type GoldenCase } from '../../scripts/update-golden.js';
import { recordReplay, type Replay } from './replay.js';
import { verifyReplay } from './replay.js';
import { parseReplay } from './replayFile.js';

const ADVICE =
  'If this change in behaviour is intended, review it, then re-run `npx tsx scripts/update-golden.ts` deliberately and commit the updated tests/golden files; if it is not, you have found a regression.';

function fail(c: GoldenCase, what: string): never {
  throw new Error(`golden replay tests/golden/${c.name}.replay.json: ${what}\n${ADVICE}`);
}

function loadGolden(c: GoldenCase): Replay {
  const path = goldenFile(c.name);
  if (!existsSync(path)) fail(c, 'the file is missing; the update script writes it.');
  const parsed = parseReplay(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.ok) fail(c, `cannot be read: ${parsed.message}.`);
  return parsed.replay;
}

describe('golden replays', () => {
  it("has at least the tutorial's cases, including one with a scripted human seat", () => {
    const tutorial = GOLDEN_CASES.filter((c) => c.scenario === 'tutorial');
    expect(tutorial.map((c) => c.seed)).toEqual(expect.arrayContaining(['golden-1', 'golden-2', 'golden-3']));
    expect(tutorial.some((c) => c.script && Object.values(c.seats ?? {}).includes('human'))).toBe(true);
    expect(new Set(GOLDEN_CASES.map((c) => c.name)).size).toBe(GOLDEN_CASES.length);
  });

  for (const c of GOLDEN_CASES) {
    describe(c.name, () => {
      it(`verifies against the current engine and scenarios/${c.scenario}.json`, () => {
        const golden = loadGolden(c);
        const check = verifyReplay(loadCaseScenario(c), golden);
        if (!check.ok) fail(c, `no longer verifies${check.turn === null ? '' : ` at turn ${check.turn}`}: ${check.message}.`);
      });

      it('is still what the case records when played afresh, the AI making the same choices', () => {
        const golden = loadGolden(c);
        const sc = loadCaseScenario(c);
        const now = recordReplay(sc, playCase(sc, c));
        if (now.seed !== golden.seed || JSON.stringify(now.seats) !== JSON.stringify(golden.seats))
          fail(c, 'its seed or seats differ from the case in scripts/update-golden.ts.');
        for (let i = 0; i < Math.max(now.turns.length, golden.turns.length); i++) {
          const a = golden.turns[i];
          const b = now.turns[i];
          if (JSON.stringify(a?.choices) !== JSON.stringify(b?.choices)) {
            fail(
              c,
              `turn ${a?.turn ?? b?.turn}: recorded choices ${JSON.stringify(a?.choices ?? null)}, played now ${JSON.stringify(b?.choices ?? null)} (the AI or the script decides differently).`,
            );
          }
        }
        if (now.finalHash !== golden.finalHash || now.ending !== golden.ending)
          fail(c, `played afresh it ends ${now.ending} (${now.finalHash.slice(0, 12)}), recorded ${golden.ending} (${golden.finalHash.slice(0, 12)}).`);
      });
    });
  }

  it('has no golden file that is not in the list of cases', () => {
    const dir = fileURLToPath(new URL('../../tests/golden/', import.meta.url));
    const names = new Set(GOLDEN_CASES.map((c) => `${c.name}.replay.json`));
    const stale = readdirSync(dir).filter((f) => f.endsWith('.replay.json') && !names.has(f));
    expect(stale, 'delete these files or add their cases to scripts/update-golden.ts').toEqual([]);
  });
});
