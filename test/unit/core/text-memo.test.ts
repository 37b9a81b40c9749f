import assert from 'node:assert/strict';
import { placeAt, TextMemo, type Placed } from '../../../src/core/text-memo';

describe('core/text-memo', () => {
  it('remembers undefined and null as values, distinct from unknown keys', () => {
    const m = new TextMemo<string | undefined | null>(10);
    m.remember('a', undefined);
    m.remember('b', null);
    assert.ok(m.lookup('a'));
    assert.equal(m.lookup('a')?.value, undefined);
    assert.equal(m.lookup('b')?.value, null);
    assert.equal(m.lookup('c'), undefined);
  });

  it('drops the least recently used entry past the entry limit', () => {
    const m = new TextMemo<number>(2);
    m.remember('a', 1);
    m.remember('b', 2);
    m.lookup('a'); // a is now the most recent
    m.remember('c', 3);
    assert.equal(m.lookup('b'), undefined);
    assert.equal(m.lookup('a')?.value, 1);
    assert.equal(m.lookup('c')?.value, 3);
  });

  it('spares an entry used since it was stored, once: it then counts as newer than the rest', () => {
    const m = new TextMemo<number>(2);
    m.remember('a', 1);
    m.remember('b', 2);
    m.lookup('a');
    m.remember('c', 3); // over the limit: a (used) is spared, b (unused) goes
    assert.equal(m.lookup('b'), undefined);
    m.remember('d', 4); // a was spared after c was stored, so c is now the oldest
    assert.equal(m.lookup('c'), undefined);
    assert.equal(m.lookup('a')?.value, 1);
    assert.equal(m.lookup('d')?.value, 4);
  });

  it('drops the oldest entries past the character limit, and finds keys given as slices', () => {
    const m = new TextMemo<number>(100, 30);
    const doc = `${'x'.repeat(20)}${'y'.repeat(20)}`;
    m.remember(doc.slice(0, 20), 1);
    m.remember(doc.slice(20), 2);
    assert.equal(m.lookup('x'.repeat(20)), undefined, 'over 30 characters: the older key went');
    assert.equal(m.lookup('y'.repeat(20))?.value, 2);
  });

  it('placeAt hands out the same copy while a part stays where it was, and a new one once it moves', () => {
    const moves: number[] = [];
    const move = (p: { at: number }, by: number) => (moves.push(by), { at: p.at + by });
    const placed: Placed<{ at: number }> = { part: { at: 0 } };
    const first = placeAt(placed, 10, move);
    assert.deepEqual(first, { at: 10 });
    assert.equal(placeAt(placed, 10, move), first, 'unmoved: the very same objects');
    const moved = placeAt(placed, 11, move);
    assert.deepEqual(moved, { at: 11 });
    assert.notEqual(moved, first);
    assert.deepEqual(moves, [10, 11]);
    assert.deepEqual(placed.part, { at: 0 }, 'the remembered part itself is never handed out');
  });
});
