import { strict as assert } from 'node:assert';
import { FixStore, findingRange, fixKey } from '../../../src/vscode/fix-store';

describe('vscode fix store', () => {
  const f = { ruleId: 'terraform/instance-type', docsUrl: 'https://x', fixes: [{ title: 'Replace', edits: [{ start: 3, end: 15, newText: 'trn1.32xlarge' }] }] };
  const key = fixKey(f.ruleId, findingRange({ line: 2, column: 4, endLine: 2, endColumn: 16 }));

  it('finds a fix by rule and range for the version it was recorded for', () => {
    const s = new FixStore();
    s.record('file:///a.tf', 7, [{ key, finding: f }]);
    assert.equal(s.get('file:///a.tf', 7, key)?.fixes[0].edits[0].newText, 'trn1.32xlarge');
  });

  it('never returns a fix for another document version (stale)', () => {
    const s = new FixStore();
    s.record('file:///a.tf', 7, [{ key, finding: f }]);
    assert.equal(s.get('file:///a.tf', 8, key), undefined);
  });

  it('keys differ by rule and by range', () => {
    assert.notEqual(key, fixKey('terraform/other', findingRange({ line: 2, column: 4, endLine: 2, endColumn: 16 })));
    assert.notEqual(key, fixKey(f.ruleId, findingRange({ line: 3, column: 4, endLine: 3, endColumn: 16 })));
    assert.equal(key, 'terraform/instance-type@1:3-1:15');
  });

  it('forgets a closed document', () => {
    const s = new FixStore();
    s.record('u', 1, [{ key, finding: f }]);
    s.delete('u');
    assert.equal(s.get('u', 1, key), undefined);
  });
});
