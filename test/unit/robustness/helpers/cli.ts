import { PassThrough } from 'node:stream';
import { main } from '../../../../src/cli/main';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs the command line in this process with captured stdout/stderr (optionally claiming to be a terminal). */
export async function runCli(argv: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv; tty?: boolean }): Promise<CliRun> {
  const stdout = new PassThrough() as PassThrough & { isTTY?: boolean };
  const stderr = new PassThrough() as PassThrough & { isTTY?: boolean };
  if (opts.tty) {
    stdout.isTTY = true;
    stderr.isTTY = true;
  }
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  const code = await main(argv, { stdout, stderr, cwd: opts.cwd, env: opts.env ?? {} });
  return { code, out, err };
}
