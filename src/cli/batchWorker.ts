// A batch worker thread: compiles the scenario once, then plays the ranges of runs the main thread sends.
import { parentPort, workerData } from 'node:worker_threads';
import type { Scenario } from '../engine/index.js';
import { playRuns, type WorkerInput, type WorkerReply, type WorkerTask } from './batchRun.js';
import { loadScenarioText } from './io.js';

const port = parentPort;
if (!port) throw new Error('batchWorker.ts runs only as a worker thread');
const input = workerData as WorkerInput;
const send = (m: WorkerReply) => port.postMessage(m);

let sc: Scenario | null = null;
try {
  const r = loadScenarioText(input.scenarioText, input.file);
  if (r.ok) sc = r.scenario;
  else send({ type: 'error', message: `${input.file}: not a valid scenario: ${r.errors[0] ?? ''}` });
} catch (e) {
  send({ type: 'error', message: (e as Error).message, stack: (e as Error).stack });
}

if (sc) {
  const scenario = sc;
  port.on('message', (task: WorkerTask) => {
    if (task.type === 'stop') {
      port.close();
      return;
    }
    try {
      send({ type: 'result', from: task.from, runs: playRuns(scenario, input.seed, task.from, task.to, input.fuzz) });
    } catch (e) {
      send({ type: 'error', message: (e as Error).message, stack: (e as Error).stack });
    }
  });
  send({ type: 'ready' });
}
