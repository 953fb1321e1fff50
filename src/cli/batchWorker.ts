// A batch worker thread: compiles the scenario once, then plays the ranges of runs the main thread sends.
import { parentPort, workerData } from 'node:worker_threads';
import { playRuns, type WorkerInput, type WorkerReply, type WorkerTask } from './batchRun.js';
import { compileScenario, type Scenario, type ScenarioFile } from '../engine/index.js';

const port = parentPort;
if (!port) throw new Error('batchWorker.ts runs only as a worker thread');
const input = workerData as WorkerInput;
const send = (m: WorkerReply) => port.postMessage(m);

let sc: Scenario | null = null;
try {
  // The main thread has validated this very text, so the worker only compiles it (and loads no validator).
  const r = compileScenario(JSON.parse(input.scenarioText) as ScenarioFile);
  if (r.ok) sc = r.scenario;
  else send({ type: 'error', message: `${input.file}: does not compile: ${r.diagnostics[0]?.message ?? ''}` });
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
