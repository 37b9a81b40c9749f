import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { discoverFiles, type SkippedFile } from '../../../src/core/discovery';

async function tree(files: Record<string, string | Buffer>): Promise<string> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'aa-disc-'));
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(root, rel);
    await fs.mkdir(path.dirname(abs), { recursive: true });
    await fs.writeFile(abs, content);
  }
  return root;
}

async function list(root: string, opts: Partial<Parameters<typeof discoverFiles>[1]> = {}) {
  const skipped: SkippedFile[] = [];
  const files: string[] = [];
  for await (const f of discoverFiles(root, { maxFileSizeBytes: 1024 * 1024, onSkip: (s) => skipped.push(s), ...opts })) files.push(f.relPath);
  return { files, skipped };
}

describe('file discovery', () => {
  const roots: string[] = [];
  after(async () => {
    for (const r of roots) await fs.rm(r, { recursive: true, force: true });
  });

  it('honours nested .gitignore files and skips default folders', async () => {
    const root = await tree({
      '.gitignore': 'secret.py\n/generated/\n',
      'a.py': 'x',
      'secret.py': 'x',
      'generated/g.py': 'x',
      'pkg/.gitignore': '*.tmp.py\n',
      'pkg/b.py': 'x',
      'pkg/c.tmp.py': 'x',
      'node_modules/lib/index.py': 'x',
      '.git/config.py': 'x',
      'venv/lib/x.py': 'x',
      'myenv/pyvenv.cfg': 'home = /usr',
      'myenv/lib/site.py': 'x',
      '__pycache__/a.py': 'x',
    });
    roots.push(root);
    const { files } = await list(root);
    assert.deepEqual(files, ['.gitignore', 'a.py', 'pkg/.gitignore', 'pkg/b.py']);
  });

  it('applies extra exclude globs and an accept filter', async () => {
    const root = await tree({ 'a.py': 'x', 'tests/t.py': 'x', 'README.md': 'x' });
    roots.push(root);
    const { files } = await list(root, { exclude: ['tests/**'], accept: (rel) => rel.endsWith('.py') });
    assert.deepEqual(files, ['a.py']);
  });

  it('skips files over the size limit and counts them', async () => {
    const root = await tree({ 'small.py': 'x', 'big.py': 'x'.repeat(5000) });
    roots.push(root);
    const { files, skipped } = await list(root, { maxFileSizeBytes: 1000 });
    assert.deepEqual(files, ['small.py']);
    assert.deepEqual(skipped.map((s) => [s.relPath, s.reason]), [['big.py', 'too-large']]);
  });

  it('ends on a symbolic link loop and visits linked folders once', async () => {
    const root = await tree({ 'real/a.py': 'x' });
    roots.push(root);
    await fs.symlink(root, path.join(root, 'real', 'loop'));
    await fs.symlink(path.join(root, 'real'), path.join(root, 'alias'));
    const { files } = await list(root);
    // "alias" sorts before "real", so the folder is reached through the link first, once.
    assert.deepEqual(files, ['alias/a.py']);
  });

  it('stops when cancelled', async () => {
    const root = await tree({ 'a.py': 'x', 'b.py': 'x' });
    roots.push(root);
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(list(root, { signal: controller.signal }), /cancelled/);
  });
});
