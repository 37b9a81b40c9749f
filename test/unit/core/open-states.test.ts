import assert from 'node:assert/strict';
import { OpenStates, releaseDocument } from '../../../src/core/open-documents';

/** What parsers keep for open documents: the most recent few, within a text budget, gone on close. */
describe('core/open-documents: OpenStates', () => {
  const s = (text: string) => ({ text });

  it('keeps the most recently used states up to a count, and a state taken out is no longer kept', () => {
    const states = new OpenStates<{ text: string }>(2);
    states.keep('a', s('1'));
    states.keep('b', s('2'));
    states.keep('a', states.take('a')!); // a is now the most recent
    states.keep('c', s('3'));
    assert.equal(states.take('b'), undefined, 'the least recent went');
    assert.deepEqual(states.take('a'), s('1'));
    assert.equal(states.take('a'), undefined, 'taken out');
  });

  it('keeps within a budget of text, but always the newest state', () => {
    const states = new OpenStates<{ text: string }>(10, 5);
    states.keep('a', s('xxx'));
    states.keep('b', s('yyy'));
    assert.equal(states.take('a'), undefined, 'over 5 characters: the older went');
    states.keep('big', s('z'.repeat(50)));
    assert.equal(states.take('b'), undefined);
    assert.deepEqual(states.take('big'), s('z'.repeat(50)), 'the newest stays even over budget');
  });

  it('forgets a document the editor closed', () => {
    const states = new OpenStates<{ text: string }>(4);
    states.keep('open-states-test', s('x'));
    releaseDocument('open-states-test');
    assert.equal(states.take('open-states-test'), undefined);
  });
});
