import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeFileAtomic } from '../../../src/core/atomic-write';

describe('writeFileAtomic', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'accel-atomic-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates missing folders and writes the file', async () => {
    const f = path.join(dir, 'a', 'b', 'out.json');
    await writeFileAtomic(f, '{"x":1}\n');
    assert.equal(readFileSync(f, 'utf8'), '{"x":1}\n');
    assert.deepEqual(readdirSync(path.dirname(f)), ['out.json']);
  });

  it('replaces an existing file whole', async () => {
    const f = path.join(dir, 'out.json');
    writeFileSync(f, 'old content that is longer than the new one');
    await writeFileAtomic(f, 'new');
    assert.equal(readFileSync(f, 'utf8'), 'new');
    assert.deepEqual(readdirSync(dir), ['out.json']);
  });

  it('leaves the target as it was, and no temporary file, when the rename fails', async () => {
    const target = path.join(dir, 'taken');
    mkdirSync(target);
    writeFileSync(path.join(target, 'inside'), 'keep');
    await assert.rejects(writeFileAtomic(target, 'data'));
    assert.equal(readFileSync(path.join(target, 'inside'), 'utf8'), 'keep');
    assert.deepEqual(readdirSync(dir), ['taken']);
  });
});
