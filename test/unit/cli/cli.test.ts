import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import Ajv from 'ajv-draft-04';
import { main } from '../../../src/cli/main';
import { ripgrepOnPath } from '../../../src/core/ripgrep';

const ws = path.resolve(__dirname, '../../fixtures/workspaces/basic');

async function cli(argv: string[], cwd = ws, env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  const code = await main(argv, { stdout, stderr, cwd, env });
  return { code, out, err };
}

describe('command line', () => {
  it('--help and --version exit 0', async () => {
    const h = await cli(['--help']);
    assert.equal(h.code, 0);
    assert.match(h.out, /Usage:/);
    assert.match((await cli(['--version'])).out, /^\d+\.\d+\.\d+\n$/);
  });

  it('a bad flag, format, fail-on or region exits 2 with a message saying what is wrong', async () => {
    const cases: [string[], RegExp][] = [
      [['scan', '--bogus'], /Unknown option '--bogus'/],
      [['scan', '--format', 'xml'], /--format: "xml" is not one of/],
      [['scan', '--fail-on', 'loud'], /--fail-on: "loud"/],
      [['scan', '--region', 'mars'], /--region: "mars" is not an AWS region/],
      [['frobnicate'], /unknown command "frobnicate"/],
      [['scan', 'does/not/exist'], /no such file or folder/],
    ];
    for (const [argv, re] of cases) {
      const r = await cli(argv);
      assert.equal(r.code, 2, argv.join(' '));
      assert.match(r.err, re);
      assert.equal(r.out, '', 'nothing on stdout');
    }
  });

  it('a bad .accel-advisor.json exits 2 naming the file and the key', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'aa-cli-'));
    try {
      await fs.writeFile(path.join(dir, '.accel-advisor.json'), '{"hoursPerMonth": "lots"}');
      const r = await cli(['scan', dir]);
      assert.equal(r.code, 2);
      assert.match(r.err, /bad configuration: .*\.accel-advisor\.json: key "hoursPerMonth"/);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('JSON follows the contract: relative paths, 1-based ranges, sorted, categories, summary', async () => {
    const r = await cli(['scan', '.', '--format', 'json', '--fail-on', 'none']);
    assert.equal(r.code, 0);
    const doc = JSON.parse(r.out);
    assert.equal(doc.schemaVersion, 1);
    assert.equal(doc.tool.name, 'accel-advisor');
    assert.equal(doc.root, ws);
    assert.deepEqual(Object.keys(doc.pricing).slice(0, 4), ['source', 'asOf', 'region', 'hoursPerMonth']);
    const lines = doc.findings.map((f: { file: string; line: number; column: number; ruleId: string }) => `${f.file}:${f.line}:${f.column}:${f.ruleId}`);
    assert.deepEqual(lines, [
      'src/train.py:4:25:python/nccl-backend',
      'src/train.py:5:31:python/tensor-cuda-method',
      'src/train.py:6:30:python/cuda-device-string',
      'src/train.py:7:1:python/torch-cuda-api',
    ]);
    const f = doc.findings[1];
    assert.deepEqual(Object.keys(f), ['ruleId', 'category', 'blocks', 'severity', 'effort', 'file', 'line', 'column', 'endLine', 'endColumn', 'message', 'advice', 'docsUrl']);
    assert.equal(f.endColumn, 37);
    assert.equal(doc.summary.byCategory['framework-cuda'], 4);
    assert.equal(doc.summary.filesScanned, 2);
    assert.ok(doc.summary.lockInScore > 0 && doc.summary.lockInScore <= 100);
    assert.deepEqual(doc.errors, []);
  });

  it('prints the same bytes for the same tree (apart from durationMs)', async () => {
    const strip = (s: string) => s.replace(/"durationMs": \d+/, '');
    const a = await cli(['scan', '--format', 'json']);
    const b = await cli(['scan', '--format', 'json']);
    assert.equal(strip(a.out), strip(b.out));
  });

  it('ripgrep (rg on the PATH) picks the files to read, says so, and changes nothing in the report; --no-ripgrep and ACCEL_ADVISOR_RIPGREP=off turn it off', async function () {
    const env = { PATH: process.env.PATH };
    if (!ripgrepOnPath(env)) {
      if (process.env.CI) throw new Error('rg is not on the PATH');
      this.skip();
    }
    const strip = (s: string) => s.replace(/"durationMs": \d+/, '');
    const withRg = await cli(['scan', '--format', 'json'], ws, env);
    assert.match(withRg.err, /ripgrep pre-check \(.*rg\): \d+ of \d+ files had trigger words/);
    const without = await cli(['scan', '--format', 'json', '--no-ripgrep'], ws, env);
    assert.doesNotMatch(without.err, /ripgrep/);
    assert.equal(strip(withRg.out), strip(without.out));
    assert.doesNotMatch((await cli(['scan', '--format', 'json'], ws, { ...env, ACCEL_ADVISOR_RIPGREP: 'off' })).err, /ripgrep/);
    const missing = await cli(['scan', '--format', 'json'], ws, { ...env, ACCEL_ADVISOR_RIPGREP: path.join(ws, 'no-such-rg') });
    assert.match(missing.err, /ACCEL_ADVISOR_RIPGREP=.*no-such-rg is not an executable file: every file is read/);
    assert.equal(strip(missing.out), strip(without.out));
    const notRg = await cli(['scan', '--format', 'json'], ws, { ...env, ACCEL_ADVISOR_RIPGREP: process.execPath });
    assert.match(notRg.err, /is not ripgrep/);
    assert.equal(strip(notRg.out), strip(without.out));
  });

  it('SARIF validates against the SARIF 2.1.0 schema, with relative URIs and fingerprints', async () => {
    const schema = JSON.parse(await fs.readFile(path.resolve(__dirname, '../../fixtures/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
    const validate = ajv.compile(schema);
    const r = await cli(['scan', '--format', 'sarif', '--fail-on', 'none']);
    const sarif = JSON.parse(r.out) as { runs: any[] };
    assert.ok(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3)));
    const run = sarif.runs[0];
    assert.ok(run.tool.driver.rules.every((x: { shortDescription: { text: string } }) => x.shortDescription.text.length > 10));
    assert.equal(run.results[0].locations[0].physicalLocation.artifactLocation.uri, 'src/train.py');
    assert.ok(run.results.every((x: { partialFingerprints: Record<string, string> }) => /^[0-9a-f]{32}$/.test(x.partialFingerprints['accelAdvisor/v1'])));
  });

  it('exit codes follow --fail-on', async () => {
    assert.equal((await cli(['scan', '--fail-on', 'warning', '-f', 'json'])).code, 1);
    assert.equal((await cli(['scan', '--fail-on', 'error', '-f', 'json'])).code, 0);
    assert.equal((await cli(['scan', '--fail-on', 'none', '-f', 'json'])).code, 0);
    assert.equal((await cli(['scan', 'src/clean.py', '--fail-on', 'info', '-f', 'json'])).code, 0);
  });

  it('text output groups by file, ends with a summary, and has no colour when not a terminal', async () => {
    const r = await cli(['scan', '--fail-on', 'none']);
    assert.match(r.out, /^src\/train\.py\n {2}4:25 /);
    assert.match(r.out, /4 findings in 2 files scanned \(0 skipped\): framework-cuda 4/);
    assert.match(r.out, /Lock-in score: \d+\/100/);
    assert.doesNotMatch(r.out, /\u001b\[/);
    assert.match((await cli(['scan', '--fail-on', 'none', '--color'])).out, /\u001b\[1m/);
  });

  it('markdown, HTML and CSV reports, and --output writes the file', async () => {
    const md = await cli(['scan', '-f', 'markdown', '--fail-on', 'none']);
    assert.match(md.out, /\*\*Lock-in score: \d+\/100\*\*/);
    assert.match(md.out, /## Migration plan/);
    const html = await cli(['scan', '-f', 'html', '--fail-on', 'none']);
    assert.match(html.out, /Content-Security-Policy" content="default-src 'none'/);
    assert.doesNotMatch(html.out, /<script/i);
    const csv = await cli(['scan', '-f', 'csv', '--fail-on', 'none']);
    assert.equal(csv.out.trim().split('\r\n').length, 5);
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'aa-out-'));
    try {
      const out = path.join(dir, 'r.json');
      const r = await cli(['scan', '-f', 'json', '-o', out, '--fail-on', 'none']);
      assert.equal(r.out, '');
      assert.equal(JSON.parse(await fs.readFile(out, 'utf8')).findings.length, 4);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
