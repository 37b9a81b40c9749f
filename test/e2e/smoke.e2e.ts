// Proves the e2e harness end to end with a throw-away sample extension (written below into a
// temp folder): package -> install into code-server -> Chromium shows its squiggle and hover ->
// the runner extension runs an API-level mocha suite inside the extension host -> results file.
// The real suites replace the sample extension with Accel Advisor's own .vsix.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  buildRunnerVsix,
  type BrowserSession,
  type CodeServer,
  countSquiggles,
  ensureInstalled,
  formatResults,
  hoverText,
  installExtension,
  launchBrowser,
  makeTempDir,
  openFile,
  openWorkbench,
  packageExtension,
  problemCounts,
  problemsPanelBadge,
  runCommand,
  runnerEnv,
  screenshot,
  startCodeServer,
  waitFor,
  waitForResults,
  waitUntil,
} from './harness';

const SAMPLE_PACKAGE = {
  name: 'accel-e2e-sample',
  displayName: 'Accel e2e sample',
  description: 'Throw-away extension used only by smoke.e2e.ts',
  version: '0.0.1',
  publisher: 'accel-advisor-tests',
  license: 'MIT',
  engines: { vscode: '^1.90.0' },
  activationEvents: ['onLanguage:python', 'onCommand:accelE2eSample.hello'],
  main: './extension.js',
  contributes: { commands: [{ command: 'accelE2eSample.hello', title: 'Accel E2E Sample: Say Hello' }] },
};

const SAMPLE_EXTENSION = `
const vscode = require('vscode');
function activate(context) {
  const diagnostics = vscode.languages.createDiagnosticCollection('accel-e2e-sample');
  const refresh = (doc) => {
    if (doc.languageId !== 'python') return;
    const found = [];
    doc.getText().split(/\\r?\\n/).forEach((line, i) => {
      const col = line.indexOf('cuda');
      if (col >= 0) {
        const d = new vscode.Diagnostic(new vscode.Range(i, col, i, col + 4), 'Sample: cuda found', vscode.DiagnosticSeverity.Warning);
        d.source = 'accel-e2e-sample';
        found.push(d);
      }
    });
    diagnostics.set(doc.uri, found);
  };
  vscode.workspace.textDocuments.forEach(refresh);
  context.subscriptions.push(
    diagnostics,
    vscode.workspace.onDidOpenTextDocument(refresh),
    vscode.workspace.onDidChangeTextDocument((e) => refresh(e.document)),
    vscode.languages.registerHoverProvider({ language: 'python' }, {
      provideHover(doc, pos) {
        const range = doc.getWordRangeAtPosition(pos);
        if (range && doc.getText(range) === 'cuda') {
          return new vscode.Hover(new vscode.MarkdownString('**Sample hover**: cuda costs $1.23/h'), range);
        }
      },
    }),
    vscode.commands.registerCommand('accelE2eSample.hello', () => {
      vscode.window.showInformationMessage('Hello from the e2e sample');
    }),
  );
}
module.exports = { activate, deactivate() {} };
`;

// Runs inside the extension host (CommonJS, `require('vscode')` works there).
const API_SUITE = `
const assert = require('assert');
const path = require('path');
const vscode = require('vscode');

describe('sample extension, API level', function () {
  const folder = () => vscode.workspace.workspaceFolders[0].uri;
  const file = () => vscode.Uri.joinPath(folder(), 'train.py');

  it('sees the environment given to code-server', function () {
    assert.equal(process.env.ACCEL_E2E_SMOKE_MARKER, 'passed-through');
  });

  it('reports a diagnostic for cuda through vscode.languages.getDiagnostics()', async function () {
    await vscode.workspace.openTextDocument(file());
    let diags = [];
    for (let i = 0; i < 100 && diags.length === 0; i++) {
      diags = vscode.languages.getDiagnostics(file());
      if (diags.length === 0) await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(diags.length, 2, JSON.stringify(diags));
    assert.equal(diags[0].message, 'Sample: cuda found');
    assert.equal(diags[0].severity, vscode.DiagnosticSeverity.Warning);
  });

  it('answers vscode.executeHoverProvider', async function () {
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', file(), new vscode.Position(2, 11));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\\n');
    assert.match(text, /cuda costs \\$1\\.23\\/h/);
  });
});
`;

const TRAIN_PY = `import torch

device = "cuda"
x = torch.zeros(3).cuda()
print(x)
`;

describe('e2e harness smoke test (code-server + Chromium + runner extension)', function () {
  let tmp: string;
  let workspace: string;
  let server: CodeServer | undefined;
  let session: BrowserSession | undefined;
  let resultsFile: string;

  before(async function () {
    await ensureInstalled();
    tmp = makeTempDir('accel-e2e-smoke-');
    workspace = path.join(tmp, 'workspace');
    fs.mkdirSync(workspace);
    fs.writeFileSync(path.join(workspace, 'train.py'), TRAIN_PY);

    const sampleDir = path.join(tmp, 'sample-extension');
    fs.mkdirSync(sampleDir);
    fs.writeFileSync(path.join(sampleDir, 'package.json'), JSON.stringify(SAMPLE_PACKAGE, null, 2));
    fs.writeFileSync(path.join(sampleDir, 'extension.js'), SAMPLE_EXTENSION);
    fs.writeFileSync(path.join(sampleDir, 'README.md'), '# Accel e2e sample\n\nThrow-away extension for the harness smoke test.\n');

    const suiteDir = path.join(tmp, 'api-suite');
    fs.mkdirSync(suiteDir);
    fs.writeFileSync(path.join(suiteDir, 'sample.test.js'), API_SUITE);
    resultsFile = path.join(tmp, 'results', 'api-results.json');

    // One after the other: 2 cores.
    const sampleVsix = await packageExtension(sampleDir, path.join(tmp, 'accel-e2e-sample.vsix'));
    const runnerVsix = await buildRunnerVsix();
    const extensionsDir = path.join(tmp, 'extensions');
    const userDataDir = path.join(tmp, 'user-data');
    await installExtension([sampleVsix, runnerVsix], extensionsDir, userDataDir);

    server = await startCodeServer({
      workspace,
      extensionsDir,
      userDataDir,
      env: { ...runnerEnv(suiteDir, resultsFile), ACCEL_E2E_SMOKE_MARKER: 'passed-through' },
    });
    session = await launchBrowser();
    await openWorkbench(session.page, server, workspace);
  });

  after(async function () {
    // Stop everything we started, by pid, also when a test or before() failed.
    await session?.close();
    await server?.stop();
    if (tmp && process.env.ACCEL_E2E_KEEP !== '1') fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('shows the sample squiggle in the editor and counts it in the status bar', async function () {
    const page = session!.page;
    await openFile(page, 'train.py');
    await waitFor(page, '.squiggly-warning', { timeoutMs: 90_000, what: 'the sample warning squiggle' });
    assert.equal(await countSquiggles(page, 'warning'), 2);
    const counts = await waitUntil(async () => {
      const c = await problemCounts(page);
      return c.warnings === 2 ? c : undefined;
    }, 'status bar to count 2 warnings', 30_000);
    assert.equal(counts.errors, 0);
    assert.equal(await problemsPanelBadge(page), 2);
    await screenshot(page, 'smoke-problems');
  });

  it('shows the sample hover card', async function () {
    const text = await hoverText(session!.page, 'cuda', { expect: 'cuda costs $1.23/h' });
    assert.match(text, /Sample hover: cuda costs \$1\.23\/h/);
    await screenshot(session!.page, 'smoke-hover');
  });

  it('runs a command from the command palette', async function () {
    const page = session!.page;
    await runCommand(page, 'Accel E2E Sample: Say Hello');
    await waitFor(page, '.notifications-toasts .notification-toast:has-text("Hello from the e2e sample")', {
      what: 'the notification from the sample command',
    });
  });

  it('runs the API-level suite inside the extension host', async function () {
    const results = await waitForResults(resultsFile, 180_000);
    assert.equal(results.failures, 0, formatResults(results));
    assert.equal(results.passes, 3, formatResults(results));
    await screenshot(session!.page, 'smoke-workbench');
  });
});
