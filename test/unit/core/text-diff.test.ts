import assert from 'node:assert/strict';
import fc from 'fast-check';
import { commonPrefix, commonSuffix } from '../../../src/core/text-diff';
import { diffEdit } from '../../../src/core/treesitter';

function naivePrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}
function naiveSuffix(a: string, b: string, floor: number): number {
  let i = 0;
  while (i < Math.min(a.length, b.length) - floor && a[a.length - 1 - i] === b[b.length - 1 - i]) i++;
  return i;
}

describe('core/text-diff: where two versions of a document differ', () => {
  it('equals a character-by-character comparison, edits anywhere in long texts (across block edges)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.nat({ max: 300_000 }), fc.nat({ max: 5 }), fc.string({ maxLength: 5 }), (unit, at, removed, inserted) => {
        const base = (unit || 'ab\n').repeat(Math.ceil(300_000 / (unit.length || 3))).slice(0, 300_000);
        const cut = Math.min(at, base.length);
        const edited = base.slice(0, cut) + inserted + base.slice(cut + removed);
        const start = commonPrefix(base, edited);
        assert.equal(start, naivePrefix(base, edited));
        assert.equal(commonSuffix(base, edited, start), naiveSuffix(base, edited, start));
      }),
      { numRuns: 60 },
    );
  });

  it('finds a difference right at, before and after every block edge', () => {
    const base = 'abcdefghij'.repeat(20_000);
    for (const edge of [256, 4096, 65536, 65536 + 4096 + 256, 131072]) {
      for (const at of [edge - 1, edge, edge + 1]) {
        const edited = `${base.slice(0, at)}#${base.slice(at + 1)}`;
        assert.equal(commonPrefix(base, edited), at, `prefix, change at ${at}`);
        assert.equal(commonSuffix(base, edited, 0), base.length - at - 1, `suffix, change at ${at}`);
      }
    }
  });

  it('diffEdit turns one version into the other', () => {
    const before = 'x'.repeat(70_000) + 'middle' + 'y'.repeat(70_000);
    const after = 'x'.repeat(70_000) + 'MIDDLE!' + 'y'.repeat(70_000);
    const e = diffEdit(before, after);
    assert.deepEqual([e.startIndex, e.oldEndIndex, e.newEndIndex], [70_000, 70_006, 70_007]);
    assert.equal(before.slice(0, e.startIndex) + after.slice(e.startIndex, e.newEndIndex) + before.slice(e.oldEndIndex), after);
    assert.deepEqual([commonPrefix('same', 'same'), commonSuffix('abc', 'xbc', 0), commonSuffix('aa', 'aaa', 2)], [4, 2, 0]);
  });
});
