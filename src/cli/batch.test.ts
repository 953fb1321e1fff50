// The batch worker's script: bundled in one piece, engine only, and able to play runs in a worker thread.
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { WorkerInput, WorkerReply } from './batchRun.js';
import { workerScript } from './batch.js';

describe('the batch worker script', () => {
  it('bundles into one script without the validator, which workers do not need', async () => {
    const script = await workerScript();
    expect(script).not.toBeNull();
    expect(script!).not.toMatch(/zod|momoa/i);
    expect(script!.length).toBeLessThan(300_000);
  });

  it('starts as a worker and plays the runs it is sent', async () => {
    const script = (await workerScript())!;
    const workerData: WorkerInput = { scenarioText: readFileSync('scenarios/tutorial.json', 'utf8'), file: 'tutorial.json', seed: 'w', fuzz: null };
    const w = new Worker(script, { eval: true, workerData });
    const replies: WorkerReply[] = [];
    await new Promise<void>((resolve, reject) => {
      w.on('error', reject);
      w.on('message', (m: WorkerReply) => {
        replies.push(m);
        if (m.type === 'ready') w.postMessage({ type: 'runs', from: 1, to: 4 });
        else resolve();
      });
    });
    await w.terminate();
    const last = replies.at(-1)!;
    expect(replies[0]!.type).toBe('ready');
    expect(last.type === 'result' && last.runs.map((r) => r.seed)).toEqual(['w-1', 'w-2', 'w-3']);
  });
});
