import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, promises as fsp, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import fs = require('node:fs');
import * as os from 'node:os';
import * as path from 'node:path';
import { writeFileAtomic } from '../../../src/core/atomic-write';
import { FORMATS } from '../../../src/report';
import { runCli } from './helpers/cli';

const PROJECT = path.resolve(__dirname, '../../..');
const SAMPLES = path.join(PROJECT, 'samples/gpu-workspace');
const OLD = '{"previous": "snapshot", "keep": true}\n';
const NEW = `{"new": "${'x'.repeat(256 * 1024)}"}\n`;

/** Every entry under `root` (files hashed, folders and links listed), keyed by relative path. */
function fingerprintTree(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string) => {
    for (const e of readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      const abs = path.join(root, r);
      if (e.isDirectory()) {
        out.set(`${r}/`, 'dir');
        walk(r);
      } else if (e.isSymbolicLink()) out.set(r, `link:${fs.readlinkSync(abs)}`);
      else {
        const st = fs.statSync(abs);
        out.set(r, `${createHash('sha256').update(readFileSync(abs)).digest('hex')} mode:${st.mode.toString(8)} mtime:${st.mtimeMs}`);
      }
    }
  };
  walk('');
  return out;
}

describe('nothing lost', function () {
  this.timeout(120_000);

  describe('writeFileAtomic when the write fails midway', () => {
    let dir: string;
    let target: string;
    const restores: (() => void)[] = [];
    /** Replaces a method until the end of the test. */
    function inject<T extends object, K extends keyof T>(owner: T, key: K, value: T[K]) {
      const original = owner[key];
      owner[key] = value;
      restores.push(() => {
        owner[key] = original;
      });
    }

    beforeEach(() => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'aa-lost-'));
      target = path.join(dir, 'price-snapshot.json');
      writeFileSync(target, OLD);
    });
    afterEach(() => {
      while (restores.length) restores.pop()!();
      rmSync(dir, { recursive: true, force: true });
    });

    const assertPreviousKept = () => {
      assert.equal(readFileSync(target, 'utf8'), OLD, 'the previous file is intact');
      assert.deepEqual(readdirSync(dir), ['price-snapshot.json'], 'no temporary file left behind');
    };

    it('disk full after half the data: the previous file stays, the temporary file is removed', async () => {
      const probe = await fsp.open(path.join(dir, 'probe'), 'w');
      const handleProto = Object.getPrototypeOf(probe) as { writeFile: (data: string, enc: string) => Promise<void>; write: (b: Buffer) => Promise<unknown> };
      await probe.close();
      await fsp.rm(path.join(dir, 'probe'));
      inject(handleProto, 'writeFile', async function (this: typeof handleProto, data: string) {
        await this.write(Buffer.from(data.slice(0, data.length >> 1)));
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      });
      await assert.rejects(writeFileAtomic(target, NEW), /ENOSPC/);
      assertPreviousKept();
    });

    it('fsync failing (I/O error) leaves the previous file', async () => {
      const probe = await fsp.open(path.join(dir, 'probe'), 'w');
      const handleProto = Object.getPrototypeOf(probe) as { sync: () => Promise<void> };
      await probe.close();
      await fsp.rm(path.join(dir, 'probe'));
      inject(handleProto, 'sync', async () => {
        throw Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' });
      });
      await assert.rejects(writeFileAtomic(target, NEW), /EIO/);
      assertPreviousKept();
    });

    it('the rename failing (cross-device, permissions) leaves the previous file', async () => {
      inject(fs.promises, 'rename', async () => {
        throw Object.assign(new Error('EXDEV: cross-device link not permitted, rename'), { code: 'EXDEV' });
      });
      await assert.rejects(writeFileAtomic(target, NEW), /EXDEV/);
      assertPreviousKept();
    });

    it('a process killed in the middle of the write leaves the previous file whole', () => {
      // A child process writes half of the new content, then dies with SIGKILL before the rename.
      const script = `
        const fsp = require('node:fs').promises;
        const { writeFileAtomic } = require(${JSON.stringify(path.join(PROJECT, 'src/core/atomic-write.ts'))});
        (async () => {
          const probe = await fsp.open(${JSON.stringify(path.join(dir, 'probe'))}, 'w');
          const proto = Object.getPrototypeOf(probe);
          await probe.close();
          await fsp.rm(${JSON.stringify(path.join(dir, 'probe'))});
          proto.writeFile = async function (data) {
            await this.write(Buffer.from(data.slice(0, data.length >> 1)));
            process.kill(process.pid, 'SIGKILL');
          };
          await writeFileAtomic(${JSON.stringify(target)}, 'x'.repeat(${NEW.length}));
        })();`;
      const r = spawnSync(process.execPath, ['-r', 'esbuild-register', '-e', script], { cwd: PROJECT, encoding: 'utf8', timeout: 60_000 });
      assert.equal(r.signal, 'SIGKILL', `the child died mid-write: ${r.error ?? r.stderr}`);
      assert.equal(readFileSync(target, 'utf8'), OLD, 'the previous file is intact');
      // The crash leaves its own hidden, half-written temporary file beside the target, never a partial target.
      const leftovers = readdirSync(dir).filter((n) => n !== 'price-snapshot.json');
      assert.equal(leftovers.length, 1, 'the child got as far as the temporary file');
      assert.match(leftovers[0], /^\.price-snapshot\.json\.\d+\.[0-9a-f]+\.tmp$/);
      const partial = fs.statSync(path.join(dir, leftovers[0])).size;
      assert.ok(partial > 0 && partial < NEW.length, `it died mid-write (${partial} bytes of ${NEW.length})`);
    });

    it('`scan --output` over an existing report keeps it when the write fails', async () => {
      const report = path.join(dir, 'report.json');
      writeFileSync(report, OLD);
      inject(fs.promises, 'rename', async () => {
        throw Object.assign(new Error('EIO: i/o error, rename'), { code: 'EIO' });
      });
      const r = await runCli(['scan', SAMPLES, '--format', 'json', '--output', report, '--fail-on', 'none'], { cwd: dir, env: { ACCEL_ADVISOR_CACHE_DIR: path.join(dir, 'cache') } });
      assert.equal(r.code, 2);
      assert.match(r.err, /EIO/);
      assert.equal(readFileSync(report, 'utf8'), OLD);
      assert.deepEqual(readdirSync(dir).sort(), ['price-snapshot.json', 'report.json']);
    });
  });

  describe('a scan changes nothing in the workspace', () => {
    it('every file of the sample workspace has the same bytes, mode and mtime after scans in every format', async () => {
      const out = mkdtempSync(path.join(os.tmpdir(), 'aa-lost-out-'));
      try {
        const before = fingerprintTree(SAMPLES);
        assert.ok(before.size > 20);
        const env = { ACCEL_ADVISOR_CACHE_DIR: path.join(out, 'cache') };
        for (const format of FORMATS) {
          const file = path.join(out, `report.${format}`);
          const r = await runCli(['scan', SAMPLES, '--format', format, '--output', file, '--fail-on', 'none'], { cwd: SAMPLES, env });
          assert.equal(r.code, 0, r.err);
          assert.ok(existsSync(file));
          const s = await runCli(['scan', '.', '--format', format, '--fail-on', 'none'], { cwd: SAMPLES, env, tty: true });
          assert.equal(s.code, 0, s.err);
        }
        assert.deepEqual(fingerprintTree(SAMPLES), before, 'no file added, removed or changed');
        assert.deepEqual(readdirSync(out).sort(), FORMATS.map((f) => `report.${f}`).sort(), 'only the asked-for reports were written (no cache, no temporary files)');
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    });
  });
});
