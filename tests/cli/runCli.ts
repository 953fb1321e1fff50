// Runs the CLI in a fresh Node process (through tsx), for the CLI and balance tests.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');

export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts `statecraft <args>` from the repository root; resolves with its output and how it ended. */
function run(
  args: string[],
  input: string,
  started: (child: ChildProcessWithoutNullStreams) => () => void = () => () => {},
): Promise<Ran & { signal: NodeJS.Signals | null }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const stop = started(child);
    child.on('error', fail);
    child.on('close', (code, signal) => {
      stop();
      done({ code, stdout, stderr, signal });
    });
    child.stdin.end(input);
  });
}

/** Runs `statecraft <args>` from the repository root, feeding `input` on stdin. */
export async function cli(args: string[], input = ''): Promise<Ran> {
  const { code, stdout, stderr } = await run(args, input);
  return { code, stdout, stderr };
}

/** Runs `statecraft <args>`, sends `signal` once `ready()` holds (polled), and waits for the process to end. */
export function cliInterrupted(args: string[], signal: NodeJS.Signals, ready: () => boolean): Promise<Ran & { signal: NodeJS.Signals | null }> {
  return run(args, '', (child) => {
    const poll = setInterval(() => {
      if (!ready()) return;
      clearInterval(poll);
      child.kill(signal);
    }, 50);
    return () => clearInterval(poll);
  });
}
