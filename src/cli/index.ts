#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';
import { main } from './main';

// A scan is a few seconds of many short functions run by every worker thread, each compiling its
// own: V8 optimising only what stays hot longer (8× its default budget before a function is
// optimised) spent ~10 % less CPU on a 20,000-file scan (bench/results). Set before any worker
// starts; the command line only (the editor's extension host is VS Code's process, left alone).
setFlagsFromString(`--interrupt-budget=${1_000_000}`);

main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env }).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`accel-advisor: internal error: ${(err as Error).stack ?? err}\n`);
    process.exitCode = 2;
  },
);
