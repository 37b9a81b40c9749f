import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { codeCacheDir, KEPT_CACHES, requireWithCodeCache, setCodeCacheDir } from '../../../src/core/code-cache';

describe('core/code-cache: the TypeScript parser bundle compiled through V8 code cache', () => {
  let tmp: string;
  let bundle: string;
  const before = codeCacheDir();
  beforeEach(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'code-cache-'));
    bundle = path.join(tmp, 'bundle.js');
    // A CommonJS bundle: module, exports, require and __dirname must all work as under require().
    writeFileSync(bundle, "const p = require('node:path'); exports.where = p.basename(__dirname); module.exports.twice = (n) => n * 2;\n");
  });
  afterEach(() => {
    setCodeCacheDir(before);
    rmSync(tmp, { recursive: true, force: true });
  });
  const cacheFiles = (dir: string) => {
    try {
      return readdirSync(path.join(dir, 'v8'));
    } catch {
      return [];
    }
  };

  it('loads the module as require() would, and writes one cache file after first use', () => {
    const dir = path.join(tmp, 'cache');
    setCodeCacheDir(dir);
    const m = requireWithCodeCache<{ twice(n: number): number; where: string }>(bundle, () => assert.fail('not the fallback'));
    assert.equal(m.exports.twice(21), 42);
    assert.equal(m.exports.where, path.basename(tmp));
    assert.deepEqual(cacheFiles(dir), [], 'nothing written before first use');
    m.save();
    const files = cacheFiles(dir);
    assert.equal(files.length, 1);
    assert.match(files[0], /^bundle-.*\.bin$/);
    // The next process (here: the next load) reads it and has nothing to write.
    const again = requireWithCodeCache<{ twice(n: number): number }>(bundle, () => assert.fail('not the fallback'));
    assert.equal(again.exports.twice(2), 4);
    const written = readFileSync(path.join(dir, 'v8', files[0]));
    again.save();
    assert.deepEqual(readFileSync(path.join(dir, 'v8', files[0])), written);
  });

  it('a corrupt cache file is rejected by V8 and written again; the module still loads', () => {
    const dir = path.join(tmp, 'cache');
    setCodeCacheDir(dir);
    // A source this process has not compiled yet (V8 would otherwise reuse its own compilation and
    // never read the file), with the size and time of the first: the same cache file name.
    writeFileSync(bundle, 'exports.twice = (n) => n * 2; // first\n');
    const mtime = 1_700_000_000; // whole seconds: set twice, the same to the millisecond
    utimesSync(bundle, mtime, mtime);
    requireWithCodeCache(bundle, () => assert.fail()).save();
    const file = path.join(dir, 'v8', cacheFiles(dir)[0]);
    writeFileSync(file, Buffer.from('not a code cache'));
    writeFileSync(bundle, 'exports.twice = (n) => n * 3; // other\n');
    utimesSync(bundle, mtime, mtime);
    const m = requireWithCodeCache<{ twice(n: number): number }>(bundle, () => assert.fail());
    assert.equal(m.exports.twice(5), 15);
    m.save();
    assert.deepEqual(cacheFiles(dir), [path.basename(file)]);
    assert.notDeepEqual(readFileSync(file), Buffer.from('not a code cache'), 'written again');
  });

  it('a changed bundle gets a cache of its own', () => {
    const dir = path.join(tmp, 'cache');
    setCodeCacheDir(dir);
    requireWithCodeCache(bundle, () => assert.fail()).save();
    writeFileSync(bundle, 'exports.twice = (n) => n + n + 0; // a longer, different build\n');
    const m = requireWithCodeCache<{ twice(n: number): number }>(bundle, () => assert.fail());
    assert.equal(m.exports.twice(4), 8);
    m.save();
    assert.equal(cacheFiles(dir).length, 2);
  });

  it("keeps the newest caches of a bundle, removes older builds' caches, leaves other files alone", () => {
    const dir = path.join(tmp, 'cache');
    const v8dir = path.join(dir, 'v8');
    setCodeCacheDir(dir);
    requireWithCodeCache(bundle, () => assert.fail()).save();
    const first = cacheFiles(dir)[0];
    // Caches of earlier builds (older), another bundle's cache and a foreign file.
    const old = [1, 2, 3, 4, 5].map((i) => `bundle-${process.versions.v8}-x64-${100 + i}-${i}.bin`);
    const keep = ['bundle-extra-11.3-x64-1-1.bin', 'typescript-estree-11.3-x64-1-1.bin', 'notes.txt'];
    [...old, ...keep].forEach((name, i) => {
      writeFileSync(path.join(v8dir, name), 'x');
      utimesSync(path.join(v8dir, name), 1_600_000_000 + i, 1_600_000_000 + i);
    });
    writeFileSync(bundle, 'exports.twice = (n) => n * 2; // the next build, longer than the first\n');
    requireWithCodeCache(bundle, () => assert.fail()).save();
    const after = cacheFiles(dir);
    const ours = after.filter((f) => /^bundle-\d/.test(f));
    assert.equal(ours.length, KEPT_CACHES, after.join(', '));
    assert.ok(ours.includes(first), 'the previous build (the newest other) stays');
    assert.ok(ours.includes(old[4]), 'the newest of the older builds stays');
    for (const f of old.slice(0, 4)) assert.ok(!after.includes(f), `${f} removed`);
    for (const f of keep) assert.ok(after.includes(f), `${f} kept`);
  });

  it('without a cache folder, or with one that cannot be written, loads plainly and writes nothing', () => {
    setCodeCacheDir(undefined);
    let plain = 0;
    const m = requireWithCodeCache(bundle, () => ({ twice: (n: number) => (plain++, n * 2) }));
    assert.equal(m.exports.twice(1), 2);
    assert.equal(plain, 1);
    const blocked = path.join(tmp, 'a-file');
    writeFileSync(blocked, '');
    setCodeCacheDir(path.join(blocked, 'cache'));
    const n = requireWithCodeCache<{ twice(n: number): number }>(bundle, () => assert.fail());
    assert.equal(n.exports.twice(3), 6);
    assert.doesNotThrow(() => n.save());
  });
});
