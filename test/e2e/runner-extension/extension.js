// Test-only extension: runs a folder of compiled mocha tests inside the extension host.
// See README.md. Plain CommonJS, no build step except the bundled mocha (mocha.js) that
// test/e2e/build-runner.mjs adds to the .vsix.
'use strict';

const fs = require('fs');
const path = require('path');

const TAG = '[accel-e2e-runner]';

function activate(context) {
  const suiteDir = process.env.ACCEL_E2E_SUITE;
  const resultsFile = process.env.ACCEL_E2E_RESULTS;
  if (!suiteDir || !resultsFile) {
    console.log(`${TAG} ACCEL_E2E_SUITE / ACCEL_E2E_RESULTS not set: idle`);
    return;
  }
  // Do not hold up activation (and so the rest of the workbench) while the suite runs.
  setTimeout(() => {
    runSuite(suiteDir, resultsFile, context).catch((err) => {
      writeResults(resultsFile, {
        passes: 0,
        failures: 1,
        pending: 0,
        error: errorText(err),
        tests: [{ title: 'accel-e2e-runner', fullTitle: 'accel-e2e-runner', state: 'failed', error: errorText(err) }],
      });
    });
  }, 0);
}

function deactivate() {}

function errorText(err) {
  if (!err) return 'unknown error';
  const text = err.stack || err.message || String(err);
  return text.length > 8000 ? `${text.slice(0, 8000)}…` : text;
}

function writeResults(file, obj) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(obj, null, 2)}\n`);
  fs.renameSync(tmp, file); // atomic: the outer test never reads half a file
}

function findTests(dir) {
  const out = [];
  const walk = (d) => {
    for (const ent of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, ent.name);
      if (ent.isDirectory()) {
        if (ent.name !== 'node_modules') walk(p);
      } else if (/\.c?js$/.test(ent.name)) {
        out.push(p);
      }
    }
  };
  walk(dir);
  return out;
}

function loadMocha() {
  const fromEnv = process.env.ACCEL_E2E_MOCHA;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const m = fromEnv ? require(fromEnv) : require('./mocha.js');
  return m && m.default ? m.default : m;
}

async function runSuite(suiteDir, resultsFile, context) {
  const logFile = `${resultsFile}.log`;
  fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
  try {
    fs.rmSync(resultsFile, { force: true });
  } catch {
    /* ignore */
  }
  const log = (line) => {
    try {
      fs.appendFileSync(logFile, `${new Date().toISOString()} ${line}\n`);
    } catch {
      /* ignore */
    }
  };
  log(`${TAG} pid ${process.pid}, suite ${suiteDir}`);

  const vscode = require('vscode');
  const Mocha = loadMocha();
  const timeout = Number(process.env.ACCEL_E2E_TIMEOUT) || 60000;
  const mocha = new Mocha({ ui: 'bdd', reporter: 'base', color: false, timeout });
  if (process.env.ACCEL_E2E_GREP) mocha.grep(process.env.ACCEL_E2E_GREP);

  const files = fs.statSync(suiteDir).isDirectory() ? findTests(suiteDir) : [suiteDir];
  if (files.length === 0) throw new Error(`no .js test files under ${suiteDir}`);
  for (const f of files) mocha.addFile(f);
  log(`${TAG} files: ${files.join(', ')}`);

  const started = Date.now();
  const tests = [];
  const record = (test, state, err) => {
    const entry = {
      title: test.title,
      fullTitle: typeof test.fullTitle === 'function' ? test.fullTitle() : test.title,
      file: test.file,
      state,
      durationMs: test.duration,
    };
    if (err) entry.error = errorText(err);
    tests.push(entry);
    log(`${TAG} ${state}: ${entry.fullTitle}${err ? ` -- ${err.message}` : ''}`);
  };

  // loadFilesAsync falls back to import() for ES modules; CommonJS files are require()d, which is
  // what lets `require('vscode')` inside a test resolve to the extension API.
  await mocha.loadFilesAsync();
  const failures = await new Promise((resolve) => {
    const runner = mocha.run((n) => resolve(n));
    runner.on('pass', (t) => record(t, 'passed'));
    runner.on('fail', (t, err) => record(t, 'failed', err));
    runner.on('pending', (t) => record(t, 'pending'));
  });

  const results = {
    passes: tests.filter((t) => t.state === 'passed').length,
    failures: tests.filter((t) => t.state === 'failed').length,
    pending: tests.filter((t) => t.state === 'pending').length,
    mochaFailures: failures,
    durationMs: Date.now() - started,
    vscodeVersion: vscode.version,
    extensionHostPid: process.pid,
    tests,
  };
  writeResults(resultsFile, results);
  log(`${TAG} done: ${results.passes} passed, ${results.failures} failed`);
}

module.exports = { activate, deactivate };
