import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allAnalyzers } from '../../src/analyzers';
import { CATEGORIES, EFFORTS, SEVERITIES } from '../../src/core/types';

const root = path.resolve(__dirname, '../..');
const rules = allAnalyzers.flatMap((a) => a.rules.map((r) => ({ analyzer: a.id, meta: r.meta })));

describe('rule registry', () => {
  it('has rules', () => assert.ok(rules.length > 0));

  it('has no duplicate rule ids', () => {
    const ids = rules.map((r) => r.meta.id);
    const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
    assert.deepEqual(dupes, []);
  });

  for (const { analyzer, meta } of rules) {
    describe(meta.id, () => {
      it('has well-formed metadata', () => {
        assert.match(meta.id, new RegExp(`^${analyzer}/[a-z0-9-]+$`));
        assert.ok(CATEGORIES.includes(meta.category));
        assert.ok(SEVERITIES.includes(meta.severity));
        assert.ok(EFFORTS.includes(meta.effort));
        assert.ok(meta.description.length > 20, 'a real description');
      });
      it('has a test file', () => {
        const file = path.join(root, 'test/unit/rules', `${meta.id}.test.ts`);
        assert.ok(fs.existsSync(file), `missing ${path.relative(root, file)}`);
        assert.ok(fs.readFileSync(file, 'utf8').includes(`'${meta.id}'`), 'the test file names the rule id');
      });
      it('has a docs page with what it finds, why, the fix and an example', () => {
        const file = path.join(root, 'docs/rules', `${meta.id}.md`);
        assert.ok(fs.existsSync(file), `missing ${path.relative(root, file)}`);
        const text = fs.readFileSync(file, 'utf8');
        for (const heading of ['## What it finds', '## Why it matters', '## How to fix', '## Example']) {
          assert.ok(text.includes(heading), `${path.relative(root, file)} lacks "${heading}"`);
        }
      });
    });
  }
});

describe('rules index', () => {
  it('docs/rules/README.md lists every rule (regenerate: node -r esbuild-register scripts/rules-index.ts)', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { rulesIndex } = require('../../scripts/rules-index') as { rulesIndex: () => string };
    assert.equal(fs.readFileSync(path.join(root, 'docs/rules/README.md'), 'utf8'), rulesIndex());
  });
});
