import assert from 'node:assert/strict';
import { terminalSafe } from '../../../src/report/format-text';

describe('text report: terminal safety', () => {
  it('shows control characters and bidirectional overrides as visible escapes', () => {
    assert.equal(terminalSafe('a\u202eb\u2066c\x1b[2Jd\r\n'), 'a\\u202eb\\u2066c\\x1b[2Jd\\r\\n');
  });
  it('leaves ordinary text, including non-Latin letters, alone', () => {
    assert.equal(terminalSafe('train_λ.py → p4d.24xlarge'), 'train_λ.py → p4d.24xlarge');
  });
});
