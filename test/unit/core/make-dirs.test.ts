import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { makeDirs, makeDirsSync } from '../../../src/core/make-dirs';
import { writeFileAtomic } from '../../../src/core/atomic-write';

describe('core/make-dirs: mkdir -p that fails instead of hanging', () => {
  let tmp: string;
  beforeEach(() => (tmp = mkdtempSync(path.join(os.tmpdir(), 'make-dirs-'))));
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  it('makes every missing level, and accepts folders that exist', async () => {
    makeDirsSync(path.join(tmp, 'a', 'b', 'c'));
    await makeDirs(path.join(tmp, 'x', 'y'));
    assert.ok(statSync(path.join(tmp, 'a', 'b', 'c')).isDirectory());
    assert.ok(statSync(path.join(tmp, 'x', 'y')).isDirectory());
    makeDirsSync(path.join(tmp, 'a', 'b'));
    await makeDirs(path.join(tmp, 'x'));
  });

  it('fails under a file', async () => {
    writeFileSync(path.join(tmp, 'f'), '');
    assert.throws(() => makeDirsSync(path.join(tmp, 'f', 'g', 'h')), { code: 'ENOTDIR' });
    await assert.rejects(makeDirs(path.join(tmp, 'f', 'g')), { code: 'ENOTDIR' });
  });

  it('fails under /proc, where a recursive mkdir never returns (and so does an atomic write there)', async function () {
    if (!existsSync('/proc/self')) this.skip();
    assert.throws(() => makeDirsSync('/proc/accel-advisor-test/cache'));
    await assert.rejects(makeDirs('/proc/accel-advisor-test/cache'));
    await assert.rejects(writeFileAtomic('/proc/accel-advisor-test/cache/scan.json', '{}'));
  });
});
