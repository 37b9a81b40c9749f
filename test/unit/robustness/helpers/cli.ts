import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
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

/** The built command line (`npm run build`, which `npm test` runs first): scans of over 100 files use its worker pool. */
export const BUILT_CLI = path.resolve(__dirname, '../../../../dist/cli.js');

/**
 * A temporary folder holding `copies` copies (copy0/, copy1/ …) of some files of the sample
 * workspace, enough files for the built command line to hand them to its worker pool.
 */
export async function sampleCopies(prefix: string, files: readonly string[], copies: number): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  const sample = path.resolve(__dirname, '../../../../samples/gpu-workspace');
  for (let i = 0; i < copies; i++) {
    for (const f of files) {
      const target = path.join(dir, `copy${i}`, f);
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.copyFile(path.join(sample, f), target);
    }
  }
  return dir;
}
