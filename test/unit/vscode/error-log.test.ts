import assert from 'node:assert/strict';
import { DocumentErrors } from '../../../src/vscode/error-log';

describe('vscode/error-log: errors of open documents, logged when they change', () => {
  const broken = [{ file: 'main.tf', message: 'could not parse all of it as terraform: syntax error near line 5' }];
  it('says an error once while the document stays broken, again when it changes or comes back', () => {
    const log = new DocumentErrors();
    assert.deepEqual(log.toLog('a', broken), ['main.tf: could not parse all of it as terraform: syntax error near line 5']);
    assert.deepEqual(log.toLog('a', broken), [], 'the next keystroke, still broken');
    assert.deepEqual(log.toLog('b', broken), ['main.tf: could not parse all of it as terraform: syntax error near line 5'], 'another document says its own');
    const moved = [{ file: 'main.tf', message: 'could not parse all of it as terraform: syntax error near line 7' }];
    assert.deepEqual(log.toLog('a', moved), ['main.tf: could not parse all of it as terraform: syntax error near line 7']);
    assert.deepEqual(log.toLog('a', []), [], 'fixed');
    assert.equal(log.toLog('a', moved).length, 1, 'broken again after a fix: said again');
    log.forget('a');
    assert.equal(log.toLog('a', moved).length, 1, 'closed and reopened: said again');
  });
});
