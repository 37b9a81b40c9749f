// API-level end-to-end suite: runs INSIDE the extension host of a real VS Code, on a copy of
// samples/gpu-workspace opened as the workspace folder. Compiled to CommonJS by ./compile.ts and
// run either by the test-runner extension under code-server (../accel.e2e.ts) or by
// @vscode/test-electron (../electron/run.ts). Nothing here may depend on which one runs it.
//
// Environment (both runners set it):
//   ACCEL_E2E_CLI_REPORT  `accel-advisor scan <workspace> --format json` of the same workspace:
//                         the scan's totals and the hover's price must equal the CLI's.
//   ACCEL_E2E_OUT         a folder for exported reports (default: the OS temp folder).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'accel-advisor.accel-advisor';
const SOURCE = 'Accel Advisor';

/** Exact findings (rule id @ 1-based line) for two fixture files, as the CLI reports them. */
const EXPECTED: Record<string, string[]> = {
  'training/train.py': [
    'python/nccl-backend@26',
    'python/torch-cuda-api@27',
    'python/torch-cuda-api@33',
    'python/cuda-device-string@34',
    'python/tensor-cuda-method@36',
    'python/cuda-device-string@43',
    'python/torch-cuda-api@49',
  ],
  'infra/terraform/main.tf': [
    'terraform/instance-type@16',
    'terraform/nvidia-ami-type@29',
    'terraform/instance-type@30',
    'terraform/instance-type@49',
    'terraform/instance-type@56',
    'terraform/lambda-x86-architecture@70',
  ],
};

interface CliFinding {
  ruleId: string;
  file: string;
  line: number;
  instanceType?: string;
  cost?: { count: number; monthlyUsd: number | null; suggestedMonthlyUsd: number | null };
}
interface CliReport {
  findings: CliFinding[];
  summary: { filesScanned: number; lockInScore: number; monthlyUsd: number; suggestedMonthlyUsd: number; monthlySavingsUsd: number; bySeverity: Record<string, number> };
}

function cliReport(): CliReport | undefined {
  const file = process.env.ACCEL_E2E_CLI_REPORT;
  return file ? (JSON.parse(fs.readFileSync(file, 'utf8')) as CliReport) : undefined;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function poll<T>(fn: () => T | undefined | Promise<T | undefined>, ms = 30_000): Promise<T | undefined> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined || Date.now() > end) return v;
    await sleep(100);
  }
}

function folder(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'the suite needs a workspace folder (a copy of samples/gpu-workspace)');
  return f.uri;
}
const fileUri = (rel: string) => vscode.Uri.joinPath(folder(), ...rel.split('/'));

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}
function ruleOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code);
}
function keys(diags: vscode.Diagnostic[]): string[] {
  return diags.map((d) => `${ruleOf(d)}@${d.range.start.line + 1}`).sort(byLine);
}
function byLine(a: string, b: string): number {
  const la = Number(a.split('@')[1]);
  const lb = Number(b.split('@')[1]);
  return la - lb || a.localeCompare(b);
}

/** Waits until the diagnostics of `uri` equal `expected` (then asserts, for a useful message). */
async function expectDiagnostics(uri: vscode.Uri, expected: string[], ms = 60_000): Promise<vscode.Diagnostic[]> {
  const want = [...expected].sort(byLine);
  await poll(() => (JSON.stringify(keys(ours(uri))) === JSON.stringify(want) ? true : undefined), ms);
  const got = ours(uri);
  assert.deepEqual(keys(got), want, `diagnostics of ${vscode.workspace.asRelativePath(uri)}`);
  return got;
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n')
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1'); // markdown escapes: p4d\.24xlarge -> p4d.24xlarge
}

const usd2 = (n: number) => `$${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const usd0 = (n: number) => `$${Math.round(n).toLocaleString('en-US')}`;

function positionOf(doc: vscode.TextDocument, text: string): vscode.Position {
  const at = doc.getText().indexOf(text);
  assert.ok(at >= 0, `${text} not in ${doc.fileName}`);
  return doc.positionAt(at);
}

describe('Accel Advisor extension, API level', function () {
  this.timeout(120_000);
  const TRAIN = 'training/train.py';
  const MAIN_TF = 'infra/terraform/main.tf';
  let trainDoc: vscode.TextDocument;
  let mainTf: vscode.TextDocument;

  before(async function () {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
    await ext.activate();
    assert.equal(ext.isActive, true);
    trainDoc = await vscode.workspace.openTextDocument(fileUri(TRAIN));
    mainTf = await vscode.workspace.openTextDocument(fileUri(MAIN_TF));
    // Shown in an editor as a user would have them (code lenses and hovers need no editor, but
    // this is what the editor-driven paths see).
    await vscode.window.showTextDocument(trainDoc, { preview: false });
    await vscode.window.showTextDocument(mainTf, { preview: false });
  });

  it('registers its commands', async function () {
    const all = await vscode.commands.getCommands(true);
    for (const c of ['scanWorkspace', 'openReport', 'exportReport', 'refreshPricing', 'showLog', 'openRuleDocs']) {
      assert.ok(all.includes(`accelAdvisor.${c}`), `command accelAdvisor.${c}`);
    }
  });

  it('reports the exact diagnostics of training/train.py (rule ids, lines, source, code)', async function () {
    const diags = await expectDiagnostics(trainDoc.uri, EXPECTED[TRAIN]);
    for (const d of diags) {
      assert.equal(d.source, SOURCE);
      assert.ok(typeof d.code === 'object' && d.code !== null, 'code is { value, target }');
      assert.match(String(d.code.value), /^python\/[a-z0-9-]+$/);
      assert.ok(d.message.length > 0);
    }
    // Severities as the CLI reports them (lines 33 and 34 are infos).
    const infos = diags.filter((d) => d.severity === vscode.DiagnosticSeverity.Information).map((d) => d.range.start.line + 1);
    assert.deepEqual(infos.sort((a, b) => a - b), [33, 34]);
    const cli = cliReport();
    if (cli) {
      const fromCli = cli.findings.filter((f) => f.file === TRAIN).map((f) => `${f.ruleId}@${f.line}`).sort(byLine);
      assert.deepEqual(keys(diags), fromCli, 'editor and CLI agree on training/train.py');
    }
  });

  it('reports the exact diagnostics of infra/terraform/main.tf', async function () {
    const diags = await expectDiagnostics(mainTf.uri, EXPECTED[MAIN_TF]);
    for (const d of diags) {
      assert.equal(d.source, SOURCE);
      assert.ok(typeof d.code === 'object' && d.code !== null);
      assert.equal(d.code.value, ruleOf(d));
      assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    }
    const p4d = diags.find((d) => d.range.start.line === 15)!;
    assert.equal(mainTf.getText(p4d.range).replace(/"/g, ''), 'p4d.24xlarge');
  });

  it('hovers p4d.24xlarge with its price and the trn1.32xlarge counterpart', async function () {
    const pos = positionOf(mainTf, 'p4d.24xlarge"').translate(0, 3);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', mainTf.uri, pos);
    const text = hoverText(hovers ?? []);
    assert.match(text, /p4d\.24xlarge/);
    assert.match(text, /trn1\.32xlarge/, 'the counterpart');
    assert.match(text, /\$\d[\d,]*\.\d{2,4}\/h/, 'an hourly price');
    assert.match(text, /Per month \(730 h\)/);
    const cli = cliReport();
    if (cli) {
      const f = cli.findings.find((x) => x.file === MAIN_TF && x.line === 16 && x.instanceType === 'p4d.24xlarge');
      assert.ok(f?.cost?.monthlyUsd, 'the CLI prices p4d.24xlarge');
      const each = f.cost.monthlyUsd / f.cost.count;
      assert.ok(text.includes(usd2(each)), `hover shows the CLI's monthly price ${usd2(each)}:\n${text}`);
      const then = f.cost.suggestedMonthlyUsd! / f.cost.count;
      assert.ok(text.includes(usd2(then)), `hover shows the counterpart's monthly price ${usd2(then)}`);
    }
  });

  it('gives no hover on a word that is not an instance type', async function () {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', mainTf.uri, positionOf(mainTf, 'resource').translate(0, 2));
    assert.doesNotMatch(hoverText(hovers ?? []), /Per month/);
  });

  it('shows a code lens with the monthly cost above the p4d.24xlarge resource', async function () {
    const lenses = await poll(async () => {
      const l = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', mainTf.uri);
      return l && l.some((x) => x.command?.title.includes('p4d.24xlarge')) ? l : undefined;
    });
    assert.ok(lenses, 'no code lens for p4d.24xlarge');
    const lens = lenses.find((x) => x.command?.title.includes('p4d.24xlarge'))!;
    assert.match(lens.command!.title, /^2 × p4d\.24xlarge \$[\d,]+\/mo · trn1\.32xlarge \$[\d,]+\/mo \(save \$[\d,]+\)$/);
    assert.equal(lens.command!.command, 'accelAdvisor.openReport');
    const cli = cliReport();
    if (cli) {
      const f = cli.findings.find((x) => x.file === MAIN_TF && x.line === 16)!;
      assert.ok(lens.command!.title.includes(`p4d.24xlarge ${usd0(f.cost!.monthlyUsd!)}/mo`), `${lens.command!.title} vs CLI ${usd0(f.cost!.monthlyUsd!)}`);
    }
  });

  it('shows a code lens with the monthly cost in a notebook cell, on the cell\'s own line', async function () {
    const nb = await vscode.workspace.openNotebookDocument(
      'jupyter-notebook',
      new vscode.NotebookData([
        new vscode.NotebookCellData(vscode.NotebookCellKind.Code, 'import torch\nx = torch.zeros(1).cuda()\n', 'python'),
        new vscode.NotebookCellData(
          vscode.NotebookCellKind.Code,
          'from sagemaker.pytorch import PyTorch\nest = PyTorch(entry_point="train.py", role="r", instance_type="ml.p4d.24xlarge", instance_count=2, framework_version="2.1", py_version="py310")\n',
          'python',
        ),
      ]),
    );
    try {
      await vscode.window.showNotebookDocument(nb);
      const cell = nb.cellAt(1).document;
      const lenses = await poll(async () => {
        const l = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', cell.uri);
        return l && l.some((x) => x.command?.title.includes('ml.p4d.24xlarge')) ? l : undefined;
      });
      assert.ok(lenses, 'no code lens for ml.p4d.24xlarge in the notebook cell');
      const lens = lenses.find((x) => x.command?.title.includes('ml.p4d.24xlarge'))!;
      assert.match(lens.command!.title, /^2 × ml\.p4d\.24xlarge \$[\d,]+\/mo · ml\.trn1\.32xlarge \$[\d,]+\/mo \(save \$[\d,]+\)$/);
      assert.equal(lens.range.start.line, 1, 'on the line of the cell that holds the instance type');
      const first = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', nb.cellAt(0).document.uri);
      assert.deepEqual(first ?? [], [], 'the other cell has no instance type, so no lens');
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  /**
   * Writes `files` into a new folder `dir` of the workspace, opens `open` and waits until the hover
   * on `token` prices it in `before`; then replaces `before` by `after` in `edited` in the editor,
   * saves, and waits for the hover to follow. Closes and deletes what it made, also on failure:
   * the workspace scan below must find what the CLI found.
   */
  async function expectRegionFollowsSave(o: { dir: string; files: Record<string, string>; open: string; token: string; edited: string; before: string; after: string }) {
    const dir = fileUri(o.dir);
    const uri = (rel: string) => vscode.Uri.joinPath(dir, ...rel.split('/'));
    for (const [rel, text] of Object.entries(o.files)) await vscode.workspace.fs.writeFile(uri(rel), Buffer.from(text));
    try {
      const doc = await vscode.workspace.openTextDocument(uri(o.open));
      await vscode.window.showTextDocument(doc, { preview: false });
      const hover = async () => hoverText((await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, o.token).translate(0, 3))) ?? []);
      // 60 s: the first CDK file loads the TypeScript compiler.
      const inRegion = (region: string) => poll(async () => ((await hover()).includes(`Linux, ${region},`) ? true : undefined), 60_000);
      assert.ok(await inRegion(o.before), `priced in ${o.before} from ${o.edited}:\n${await hover()}`);
      // Edit the other file in the editor and save it: the open file, itself unchanged, follows.
      const edited = await vscode.workspace.openTextDocument(uri(o.edited));
      const at = edited.getText().indexOf(o.before);
      const edit = new vscode.WorkspaceEdit();
      edit.replace(edited.uri, new vscode.Range(edited.positionAt(at), edited.positionAt(at + o.before.length)), o.after);
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.ok(await edited.save());
      assert.ok(await inRegion(o.after), `priced in ${o.after} after the save:\n${await hover()}`);
    } finally {
      for (const d of vscode.workspace.textDocuments.filter((t) => t.uri.toString().startsWith(`${dir.toString()}/`))) {
        await vscode.window.showTextDocument(d);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      }
      await vscode.workspace.fs.delete(dir, { recursive: true });
    }
  }

  it("prices a Terraform resource in the region its folder's providers.tf names, and follows a saved edit of that file", async function () {
    // A module is a folder: the provider is in providers.tf, the resource in main.tf.
    await expectRegionFollowsSave({
      dir: 'infra/module-region',
      files: {
        'providers.tf': 'provider "aws" {\n  region = "eu-west-1"\n}\n',
        'main.tf': 'resource "aws_instance" "trainer" {\n  instance_type = "p4d.24xlarge"\n}\n',
      },
      open: 'main.tf',
      token: 'p4d.24xlarge"',
      edited: 'providers.tf',
      before: 'eu-west-1',
      after: 'eu-central-1',
    });
  });

  it('prices a CDK stack in the region bin/app.ts creates it in, and follows a saved edit of the entry', async function () {
    await expectRegionFollowsSave({
      dir: 'cdk-app',
      files: {
        'cdk.json': '{ "app": "npx ts-node --prefer-ts-exts bin/app.ts" }\n',
        'bin/app.ts': "import * as cdk from 'aws-cdk-lib';\nimport { GpuStack } from '../lib/gpu-stack';\nconst app = new cdk.App();\nnew GpuStack(app, 'Gpu', { env: { region: 'us-west-2' } });\n",
        'lib/gpu-stack.ts':
          "import { Stack } from 'aws-cdk-lib';\nimport * as ec2 from 'aws-cdk-lib/aws-ec2';\nexport class GpuStack extends Stack {\n  constructor(scope: any, id: string, props?: any) {\n    super(scope, id, props);\n    new ec2.Instance(this, 'Trainer', { instanceType: new ec2.InstanceType('p4d.24xlarge') } as any);\n  }\n}\n",
      },
      open: 'lib/gpu-stack.ts',
      token: "p4d.24xlarge'",
      edited: 'bin/app.ts',
      before: 'us-west-2',
      after: 'eu-west-3',
    });
  });

  it('offers the replacement and suppressions as quick fixes', async function () {
    const range = new vscode.Range(positionOf(mainTf, 'p4d.24xlarge"'), positionOf(mainTf, 'p4d.24xlarge"').translate(0, 12));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', mainTf.uri, range);
    const titles = (actions ?? []).map((a) => a.title);
    assert.ok(titles.includes('Replace p4d.24xlarge with trn1.32xlarge'), JSON.stringify(titles));
    assert.ok(titles.includes('Ignore terraform/instance-type for this line'), JSON.stringify(titles));
    assert.ok(titles.includes('Ignore terraform/instance-type in this file'), JSON.stringify(titles));
    assert.ok(titles.includes('Show documentation for terraform/instance-type'), JSON.stringify(titles));
  });

  describe('Scan Workspace and export', function () {
    let report: { findings: { file: string; ruleId: string; line: number }[]; summary: CliReport['summary'] } | undefined;
    const unopened = ['kernels/fused_bias_gelu.cu', 'Dockerfile', 'k8s/training-job.yaml'];

    it('scan populates diagnostics for files that were never opened', async function () {
      for (const rel of unopened) assert.deepEqual(ours(fileUri(rel)), [], `${rel} has no diagnostics before the scan`);
      report = await vscode.commands.executeCommand('accelAdvisor.scanWorkspace');
      assert.ok(report && Array.isArray(report.findings), 'scanWorkspace returns the report');
      for (const rel of unopened) {
        const want = report.findings.filter((f) => f.file === rel).map((f) => `${f.ruleId}@${f.line}`).sort(byLine);
        assert.ok(want.length > 0, `the report has findings for ${rel}`);
        await expectDiagnostics(fileUri(rel), want, 10_000);
      }
    });

    it("the scan let the ripgrep that ships with the editor pick the files to read (its log says so)", async function () {
      const userData = process.env.ACCEL_E2E_USER_DATA;
      if (!userData || !report) this.skip();
      // The extension's log channel is written under the profile's logs folder (flushed shortly after).
      const find = (dir: string): string[] =>
        fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? find(path.join(dir, e.name)) : e.name.endsWith('.log') ? [path.join(dir, e.name)] : []));
      let line: string | undefined;
      for (let tries = 0; tries < 50 && !line; tries++) {
        line = find(path.join(userData!, 'logs'))
          .flatMap((f) => fs.readFileSync(f, 'utf8').split('\n'))
          .find((l) => /ripgrep pre-check|is not ripgrep/.test(l));
        if (!line) await new Promise((r) => setTimeout(r, 200));
      }
      assert.ok(line, 'no ripgrep line in the logs');
      assert.match(line!, /ripgrep pre-check \(.*[\\/]node_modules[\\/]@vscode[\\/]ripgrep[^)]*\): \d+ of \d+ files had trigger words$/);
    });

    it("scan totals equal the CLI's", function () {
      const cli = cliReport();
      if (!cli) this.skip();
      assert.ok(report);
      assert.equal(report.findings.length, cli.findings.length, 'finding count');
      // Per finding first, so a difference in the totals names the findings behind it.
      type Priced = { file: string; line: number; ruleId: string; instanceType?: string; cost?: { monthlyUsd: number | null; suggestedMonthlyUsd: number | null; region?: string } };
      const costs = (fs: Priced[]) =>
        Object.fromEntries(fs.filter((f) => f.instanceType).map((f) => [`${f.file}:${f.line} ${f.instanceType}`, `${f.ruleId} ${f.cost?.monthlyUsd} -> ${f.cost?.suggestedMonthlyUsd} (${f.cost?.region})`]));
      const ed = costs(report.findings as Priced[]);
      const cl = costs(cli.findings as Priced[]);
      const differing = [...new Set([...Object.keys(ed), ...Object.keys(cl)])].filter((k) => ed[k] !== cl[k]).map((k) => `${k}: editor ${ed[k]} / CLI ${cl[k]}`);
      assert.deepEqual(differing, [], 'per-finding monthly costs, editor vs CLI');
      const pick = (s: CliReport['summary']) => ({ filesScanned: s.filesScanned, lockInScore: s.lockInScore, monthlyUsd: s.monthlyUsd, suggestedMonthlyUsd: s.suggestedMonthlyUsd, monthlySavingsUsd: s.monthlySavingsUsd, bySeverity: s.bySeverity });
      assert.deepEqual(pick(report.summary), pick(cli.summary));
    });

    it('a repeat scan answers unchanged files from the scan cache, with the same findings', async function () {
      const dir = process.env.ACCEL_ADVISOR_CACHE_DIR;
      if (!dir || !report) this.skip();
      const scans = path.join(dir!, 'scans');
      const written = fs.readdirSync(scans).filter((f) => f.endsWith('.json'));
      assert.equal(written.length, 1, 'the first scan wrote its cache in the user cache folder');
      const file = path.join(scans, written[0]);
      const before = fs.statSync(file).mtimeMs;
      const again = await vscode.commands.executeCommand<{ findings: { file: string; ruleId: string; line: number }[] }>('accelAdvisor.scanWorkspace');
      const keys = (r: { findings: { file: string; ruleId: string; line: number }[] }) => r.findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`).sort();
      assert.ok(again);
      assert.deepEqual(keys(again), keys(report!));
      // A scan where anything was analysed again rewrites the cache; this one had nothing to.
      assert.equal(fs.statSync(file).mtimeMs, before, 'every file came from the cache');
    });

    it('exports the report as JSON and SARIF without a dialog ({ format, file })', async function () {
      assert.ok(report);
      const out = fs.mkdtempSync(path.join(process.env.ACCEL_E2E_OUT || os.tmpdir(), 'accel-export-'));
      try {
        const json = path.join(out, 'report.json');
        const written = await vscode.commands.executeCommand<string>('accelAdvisor.exportReport', { format: 'json', file: json });
        assert.equal(written, json);
        const doc = JSON.parse(fs.readFileSync(json, 'utf8')) as { schemaVersion: number; findings: unknown[]; summary: { lockInScore: number } };
        assert.equal(doc.schemaVersion, 1);
        assert.equal(doc.findings.length, report.findings.length);
        assert.equal(doc.summary.lockInScore, report.summary.lockInScore);
        const sarif = path.join(out, 'report.sarif');
        await vscode.commands.executeCommand('accelAdvisor.exportReport', { format: 'sarif', file: sarif });
        const s = JSON.parse(fs.readFileSync(sarif, 'utf8')) as { version: string; runs: { results: unknown[] }[] };
        assert.equal(s.version, '2.1.0');
        assert.equal(s.runs[0].results.length, report.findings.length);
      } finally {
        fs.rmSync(out, { recursive: true, force: true });
      }
    });
  });

  describe('applying quick fixes', function () {
    async function fix(doc: vscode.TextDocument, at: vscode.Range, title: string): Promise<void> {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, at);
      const action = (actions ?? []).find((a) => a.title === title);
      assert.ok(action?.edit, `no quick fix "${title}" among ${JSON.stringify((actions ?? []).map((a) => a.title))}`);
      assert.equal(await vscode.workspace.applyEdit(action.edit), true, `applying "${title}"`);
    }
    async function restore(doc: vscode.TextDocument, text: string): Promise<void> {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
      await vscode.workspace.applyEdit(edit);
      await doc.save();
    }

    it('replaces p4d.24xlarge with trn1.32xlarge and the finding goes away', async function () {
      const before = mainTf.getText();
      const start = positionOf(mainTf, 'p4d.24xlarge"');
      try {
        await fix(mainTf, new vscode.Range(start, start.translate(0, 12)), 'Replace p4d.24xlarge with trn1.32xlarge');
        assert.equal(mainTf.lineAt(15).text.trim(), 'instance_type = "trn1.32xlarge"');
        assert.notEqual(mainTf.getText(), before);
        // The document is analysed again: line 16 no longer reports p4d.24xlarge.
        const line16 = () => ours(mainTf.uri).filter((d) => d.range.start.line === 15);
        await poll(() => (line16().every((d) => !d.message.includes('p4d.24xlarge')) ? true : undefined));
        assert.deepEqual(line16().filter((d) => d.message.includes('p4d.24xlarge')).map((d) => d.message), []);
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', mainTf.uri, new vscode.Position(15, 24));
        assert.match(hoverText(hovers ?? []), /^\*\*trn1\.32xlarge\*\*/);
      } finally {
        await restore(mainTf, before);
      }
      await expectDiagnostics(mainTf.uri, EXPECTED[MAIN_TF]);
    });

    it('"Ignore … for this line" suppresses exactly that finding', async function () {
      const before = trainDoc.getText();
      const diag = ours(trainDoc.uri).find((d) => ruleOf(d) === 'python/nccl-backend');
      assert.ok(diag);
      try {
        await fix(trainDoc, diag.range, 'Ignore python/nccl-backend for this line');
        assert.match(trainDoc.lineAt(25).text, /accel-advisor-ignore-next-line python\/nccl-backend/);
        // Lines below the inserted comment move down by one.
        const shifted = EXPECTED[TRAIN].filter((k) => k !== 'python/nccl-backend@26').map((k) => `${k.split('@')[0]}@${Number(k.split('@')[1]) + 1}`);
        await expectDiagnostics(trainDoc.uri, shifted);
      } finally {
        await restore(trainDoc, before);
      }
      await expectDiagnostics(trainDoc.uri, EXPECTED[TRAIN]);
    });
  });

  describe('editor races', function () {
    it('rapid edits end with the diagnostics of the final text, none stale or duplicated', async function () {
      const doc = await vscode.workspace.openTextDocument({ language: 'python', content: 'import torch\n' });
      await vscode.window.showTextDocument(doc);
      // Twenty edits faster than the debounce: add a .cuda() line, then take every other one out again.
      for (let i = 0; i < 20; i++) {
        const edit = new vscode.WorkspaceEdit();
        if (i % 2 === 0) edit.insert(doc.uri, new vscode.Position(doc.lineCount - 1, 0), `m${i} = Net().cuda()\n`);
        else edit.delete(doc.uri, doc.lineAt(doc.lineCount - 2).rangeIncludingLineBreak);
        assert.equal(await vscode.workspace.applyEdit(edit), true);
      }
      // Each odd edit removed the line the even one before it added; one last line stays.
      const last = new vscode.WorkspaceEdit();
      last.insert(doc.uri, new vscode.Position(doc.lineCount - 1, 0), 'final = Net().cuda()\n');
      await vscode.workspace.applyEdit(last);
      const cudaLines = doc.getText().split('\n').map((l, i) => (l.includes('.cuda()') ? `python/tensor-cuda-method@${i + 1}` : '')).filter(Boolean);
      assert.deepEqual(cudaLines, ['python/tensor-cuda-method@2']);
      await expectDiagnostics(doc.uri, cudaLines, 30_000);
      // And it stays that way: no late result of an older version replaces it.
      await sleep(1500);
      assert.deepEqual(keys(ours(doc.uri)), cudaLines);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    it('closing a file mid-analysis leaves no live diagnostics behind', async function () {
      const doc = await vscode.workspace.openTextDocument({ language: 'python', content: 'import torch\nx = t.cuda()\n' });
      await vscode.window.showTextDocument(doc);
      await expectDiagnostics(doc.uri, ['python/tensor-cuda-method@2'], 30_000);
      const edit = new vscode.WorkspaceEdit();
      edit.insert(doc.uri, new vscode.Position(2, 0), 'y = u.cuda()\n');
      await vscode.workspace.applyEdit(edit);
      // Close before the debounced analysis of the edit can finish.
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await sleep(1500);
      assert.deepEqual(keys(ours(doc.uri)), []);
    });

    it('a rescan during a scan ends with each finding shown once', async function () {
      const [first, second] = await Promise.all([
        vscode.commands.executeCommand<{ findings: { file: string }[] }>('accelAdvisor.scanWorkspace'),
        sleep(50).then(() => vscode.commands.executeCommand<{ findings: { file: string }[] }>('accelAdvisor.scanWorkspace')),
      ]);
      const report = second ?? first;
      assert.ok(report, 'one of the scans finishes with a report');
      const rel = 'kernels/fused_bias_gelu.cu';
      const inReport = report.findings.filter((f) => f.file === rel).length;
      assert.ok(inReport > 0);
      const shown = await poll(() => {
        const n = ours(fileUri(rel)).length;
        return n === inReport ? n : undefined;
      }, 30_000);
      assert.equal(shown, inReport, `${rel}: diagnostics shown once each`);
    });
  });
});
