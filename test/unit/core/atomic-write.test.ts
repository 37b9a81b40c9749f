import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
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

  it('writes into a pipe in place, never replacing it (as /dev/null must never be replaced)', async function () {
    if (process.platform === 'win32') this.skip();
    const fifo = path.join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo], { stdio: ['ignore', 'pipe', 'ignore'] });
    let got = '';
    reader.stdout.on('data', (d: Buffer) => (got += d.toString('utf8')));
    try {
      await writeFileAtomic(fifo, 'the report');
      assert.ok(statSync(fifo).isFIFO(), 'still a pipe, not a file put in its place');
      await once(reader, 'close');
      assert.equal(got, 'the report');
      assert.deepEqual(readdirSync(dir), ['pipe'], 'no temporary file');
    } finally {
      reader.kill();
    }
  });

  it('writes into a character device in place (--output /dev/null), never replacing it', async function () {
    if (process.platform === 'win32') this.skip();
    await writeFileAtomic('/dev/null', 'a report nobody keeps\n'.repeat(1000));
    assert.ok(statSync('/dev/null').isCharacterDevice(), '/dev/null is still the device');
    assert.ok(!readdirSync('/dev').some((n) => n.startsWith('.null.')), 'no temporary file beside it');
  });

  it('keeps a symbolic link a link and replaces the file it points to', async function () {
    if (process.platform === 'win32') this.skip();
    mkdirSync(path.join(dir, 'real'));
    const real = path.join(dir, 'real', 'report.json');
    writeFileSync(real, 'old');
    const link = path.join(dir, 'report.json');
    symlinkSync(real, link);
    await writeFileAtomic(link, 'new');
    assert.ok(lstatSync(link).isSymbolicLink());
    assert.equal(readFileSync(real, 'utf8'), 'new');
    assert.deepEqual(readdirSync(path.join(dir, 'real')), ['report.json']);
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
