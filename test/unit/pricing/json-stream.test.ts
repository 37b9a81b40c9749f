import assert from 'node:assert/strict';
import fc from 'fast-check';
import { JsonSelector, type JsonValue, type Selector } from '../../../src/pricing/json-select';
import { JsonSyntaxError, JsonTokenizer, type JsonScalar } from '../../../src/pricing/json-tokenizer';

/** Rebuilds a whole document from tokenizer events (to compare with JSON.parse). */
function parseStreaming(chunks: string[]): unknown {
  let root: unknown;
  const stack: { c: JsonValue[] | Record<string, JsonValue>; key: string }[] = [];
  const put = (v: JsonValue) => {
    const top = stack[stack.length - 1];
    if (!top) root = v;
    else if (Array.isArray(top.c)) top.c.push(v);
    else Object.defineProperty(top.c, top.key, { value: v, enumerable: true, writable: true, configurable: true });
  };
  const t = new JsonTokenizer({
    startObject: () => {
      const o = {};
      put(o);
      stack.push({ c: o, key: '' });
    },
    startArray: () => {
      const a: JsonValue[] = [];
      put(a);
      stack.push({ c: a, key: '' });
    },
    endObject: () => void stack.pop(),
    endArray: () => void stack.pop(),
    key: (k) => {
      stack[stack.length - 1]!.key = k;
    },
    value: (v: JsonScalar) => put(v),
  });
  for (const c of chunks) t.write(c);
  t.end();
  return root;
}

/** Splits text at the given cut points. */
function cut(text: string, points: number[]): string[] {
  const sorted = [...new Set(points.map((p) => p % (text.length + 1)))].sort((a, b) => a - b);
  const out: string[] = [];
  let prev = 0;
  for (const p of sorted) {
    out.push(text.slice(prev, p));
    prev = p;
  }
  out.push(text.slice(prev));
  return out;
}

function syntaxError(text: string): JsonSyntaxError {
  try {
    parseStreaming([text]);
  } catch (err) {
    assert.ok(err instanceof JsonSyntaxError, `${JSON.stringify(text)}: ${String(err)}`);
    return err;
  }
  assert.fail(`${JSON.stringify(text)} should not parse`);
}

describe('streaming JSON tokenizer', () => {
  it('agrees with JSON.parse on any JSON value, however the text is chunked', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.array(fc.nat(), { maxLength: 12 }), fc.boolean(), (value, points, pretty) => {
        const text = pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value);
        assert.deepEqual(parseStreaming(cut(text, points)), JSON.parse(text));
      }),
      { numRuns: 400 },
    );
  });

  it('agrees with JSON.parse on strings full of escapes and non-ASCII, one character per chunk', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const text = JSON.stringify({ [s]: [s, `\u00e9${s}\\`] });
        assert.deepEqual(parseStreaming([...text]), JSON.parse(text));
      }),
      { numRuns: 100 },
    );
    const escaped = '"\\u00e9\\ud83d\\ude00\\n\\t\\"\\\\\\/\\b\\f\\r"';
    assert.equal(parseStreaming([...escaped]), JSON.parse(escaped));
  });

  it('parses numbers split across chunks', () => {
    assert.deepEqual(parseStreaming(['[-1', '2.5e', '+3,0', ',1', 'E2]']), [-12.5e3, 0, 100]);
    assert.equal(parseStreaming(['12', '34']), 1234);
    assert.equal(parseStreaming(['tr', 'ue']), true);
  });

  it('rejects what JSON.parse rejects', () => {
    const bad = [
      '', ' ', '{', '[1,]', '{"a":1,}', '{"a" 1}', '{a:1}', "{'a':1}", '[01]', '[1.]', '[.5]', '[+1]', '[-]', '[1e]',
      '[tru]', '[nul]', '[True]', '{"a":1}}', '[1] [2]', '"abc', '"a\\x"', '"\\u12g4"', '"a\nb"', '[1 2]', '{"a":1 "b":2}',
      '[,1]', '{,}', ':', 'NaN', '[Infinity]', '{"a":}', '[1,,2]',
    ];
    for (const text of bad) {
      assert.throws(() => JSON.parse(text), `${JSON.stringify(text)} is invalid JSON`);
      syntaxError(text);
    }
  });

  it('says where it failed and when the input was cut short', () => {
    assert.match(syntaxError('{"a": [1, 2').message, /unexpected end of input \(truncated\?\)/);
    assert.match(syntaxError('{"a": "b').message, /inside a string \(truncated\?\)/);
    const e = syntaxError('{"a": 1, ]');
    assert.equal(e.offset, 9);
    assert.match(e.message, /unexpected "]" at character 9/);
  });
});

describe('JsonSelector', () => {
  function select(text: string, selector: Selector, chunk = 3) {
    const got: [string, unknown][] = [];
    const closed: string[] = [];
    const t = new JsonTokenizer(
      new JsonSelector({ select: selector, collected: (p, v) => got.push([p.join('/'), v]), closed: (p) => closed.push(p.join('/')) }),
    );
    for (let i = 0; i < text.length; i += chunk) t.write(text.slice(i, i + chunk));
    t.end();
    return { got, closed };
  }

  const doc = JSON.stringify({
    date: '2026-07-01',
    products: { A: { x: 1, y: [1, { z: 2 }] }, B: { x: 2 } },
    terms: { OnDemand: { A: { p: '1.5' } }, Reserved: { A: { p: 'huge' } } },
    list: [10, { k: 'v' }, [3]],
  });

  it('builds only the selected values, with their paths', () => {
    const { got, closed } = select(doc, (path) => {
      if (path.length === 0) return 'descend';
      if (path[0] === 'date') return 'collect';
      if (path[0] === 'products') return path.length === 1 ? 'descend' : 'collect';
      if (path[0] === 'terms') return path.length === 1 ? 'descend' : path[1] === 'OnDemand' ? 'collect' : 'skip';
      if (path[0] === 'list') return path.length === 1 ? 'descend' : path[1] === '1' ? 'collect' : 'skip';
      return 'skip';
    });
    assert.deepEqual(got, [
      ['date', '2026-07-01'],
      ['products/A', { x: 1, y: [1, { z: 2 }] }],
      ['products/B', { x: 2 }],
      ['terms/OnDemand', { A: { p: '1.5' } }],
      ['list/1', { k: 'v' }],
    ]);
    assert.deepEqual(closed, ['products', 'terms', 'list', '']);
  });

  it('tells the selector what kind of value starts', () => {
    const kinds: string[] = [];
    select('{"a":{},"b":[],"c":1}', (path, kind) => {
      kinds.push(`${path.join('/')}:${kind}`);
      return path.length === 0 ? 'descend' : 'skip';
    });
    assert.deepEqual(kinds, [':object', 'a:object', 'b:array', 'c:scalar']);
  });

  it('keeps a "__proto__" key as data', () => {
    const { got } = select('{"p":{"__proto__":{"polluted":true}}}', (path) => (path.length === 0 ? 'descend' : 'collect'));
    const p = got[0]![1] as Record<string, unknown>;
    assert.deepEqual(Object.keys(p), ['__proto__']);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.getPrototypeOf(p), Object.prototype);
  });
});
