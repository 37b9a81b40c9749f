import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { allAnalyzers } from '../../../src/analyzers';
import { ConfigError, DEFAULT_CONFIG, loadConfig } from '../../../src/core/config';
import { scanFolder } from '../../../src/core/engine';
import { NotReadableError, readTextFile } from '../../../src/core/read-text';
import { loadPriceOverrides } from '../../../src/pricing/overrides';
import { PriceFileError } from '../../../src/pricing/errors';
import { runCli } from './helpers/cli';

/**
 * Files a repository or a setting names that are not files: `.gitignore` committed as a link to
 * /dev/zero (read whole it took 2 s and 600 MB before failing), a named pipe as `.gitignore` or
 * `.accel-advisor.json` (read forever: the scan never ended), a device named on the command line.
 * Each is refused unread with a reason, and the scan goes on.
 */
describe('devices and pipes where files are expected', function () {
  this.timeout(30_000);
  let dir: string;
  before(function () {
    if (process.platform === 'win32') this.skip();
  });
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'aa-special-'));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });
  const fifo = (rel: string) => execFileSync('mkfifo', [path.join(dir, rel)]);
  const GOOD = 'import torch\nmodel = Net().cuda()\n';

  it('readTextFile reads a regular file, refuses a pipe, a device and a file over the limit, and keeps ENOENT', async () => {
    await fs.writeFile(path.join(dir, 'ok.txt'), 'héllo\n');
    assert.equal(await readTextFile(path.join(dir, 'ok.txt'), 100), 'héllo\n');
    fifo('pipe');
    await assert.rejects(readTextFile(path.join(dir, 'pipe'), 100), (e: unknown) => e instanceof NotReadableError && /not a regular file/.test(e.message));
    await assert.rejects(readTextFile('/dev/zero', 100), NotReadableError);
    await assert.rejects(readTextFile(dir, 100), NotReadableError);
    await fs.writeFile(path.join(dir, 'big.txt'), 'x'.repeat(101));
    await assert.rejects(readTextFile(path.join(dir, 'big.txt'), 100), /larger than 100 bytes/);
    await assert.rejects(readTextFile(path.join(dir, 'missing'), 100), (e: NodeJS.ErrnoException) => e.code === 'ENOENT');
  });

  it('a .gitignore that is a link to /dev/zero or a pipe: an error says its patterns were not applied, the scan goes on', async () => {
    await fs.mkdir(path.join(dir, 'sub'));
    await fs.symlink('/dev/zero', path.join(dir, '.gitignore'));
    fifo('sub/.gitignore');
    await fs.writeFile(path.join(dir, 'train.py'), GOOD);
    await fs.writeFile(path.join(dir, 'sub', 'train.py'), GOOD);
    const r = await scanFolder(dir, { config: DEFAULT_CONFIG, analyzers: allAnalyzers });
    assert.deepEqual(
      r.errors.map((e) => [e.file, /^not read: not a regular file.*its patterns were not applied$/.test(e.message)]),
      [['.gitignore', true], ['sub/.gitignore', true]],
    );
    assert.deepEqual([...new Set(r.findings.map((f) => f.file))].sort(), ['sub/train.py', 'train.py']);
  });

  it('a configuration file or a price file that is a pipe is a clear error, not a scan that never ends', async () => {
    fifo('.accel-advisor.json');
    await assert.rejects(loadConfig(dir), (e: unknown) => e instanceof ConfigError && /not a regular file/.test(e.message));
    fifo('prices.csv');
    await assert.rejects(loadPriceOverrides(path.join(dir, 'prices.csv')), (e: unknown) => e instanceof PriceFileError && /not a regular file/.test(e.message));
  });

  it('`scan /dev/zero train.py`: the device is an error entry, the file is scanned', async () => {
    await fs.writeFile(path.join(dir, 'train.py'), GOOD);
    const { code, out, err } = await runCli(['scan', '/dev/zero', path.join(dir, 'train.py'), '--format', 'json', '--fail-on', 'none'], { cwd: dir });
    assert.equal(code, 0, err);
    const doc = JSON.parse(out);
    assert.ok(doc.findings.some((f: { file: string }) => f.file.endsWith('train.py')));
    assert.ok(doc.errors.some((e: { file: string; message: string }) => e.file.endsWith('dev/zero') && /not a regular file/.test(e.message)), JSON.stringify(doc.errors));
    assert.equal(doc.summary.filesSkipped, 1);
  });
});
