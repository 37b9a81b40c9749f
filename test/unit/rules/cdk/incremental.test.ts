import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { cdkAnalyzer } from '../../../../src/analyzers/cdk';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { hasSharedParts, OTHER_LINE_BREAK } from '../../../../src/analyzers/cdk/incremental';
import { lastMemberName, lastSegment, memberName, parseCdk, setCdkIncremental, type ParsedCdk } from '../../../../src/analyzers/cdk/syntax';
import { releaseDocument } from '../../../../src/core/open-documents';
import { DEFAULT_CONFIG } from '../../../../src/core/config';
import { SourceDocument } from '../../../../src/core/document';
import { analyzeDocument } from '../../../../src/core/engine';
import { seeded } from '../../helpers/random';

/**
 * An open CDK file is re-parsed around each edit (incremental.ts). Whatever the edit, the tree,
 * the node and string lists, parent links and findings must equal those of a whole parse.
 */
const root = path.resolve(__dirname, '../../../..');
const sample = readFileSync(path.join(root, 'samples/gpu-workspace/infra/cdk/lib/training-stack.ts'), 'utf8');

/** The sample's shape made long: a stack class with a long constructor, a method, then top-level statements. */
function longStack(): string {
  const head = sample.slice(0, sample.indexOf('    // Single-node'));
  const body = sample.slice(sample.indexOf('    // Single-node'), sample.lastIndexOf('  }\n}'));
  const copies = Array.from({ length: 12 }, (_, i) => body.replace(/'(Trainer|gpu-inference|RankerEndpointConfig|FeatureFn)'/g, `'$1${i}'`)).join('');
  const tail = Array.from({ length: 10 }, (_, i) => `new ec2.Instance(app, 'T${i}', { instanceType: new ec2.InstanceType('g5.${i % 2 ? '2' : ''}xlarge') });\n`).join('');
  return `${head}${copies}  }\n\n  async helper(x: number) {\n    const y = await Promise.resolve(x);\n    return y * 2;\n  }\n}\n\nconst app = new cdk.App();\n${tail}`;
}

/** Several statements per line, at the top level and in a function: later offsets on the edited line move. */
function compactStack(): string {
  const head = "import * as cdk from 'aws-cdk-lib';\nimport * as ec2 from 'aws-cdk-lib/aws-ec2';\n";
  const line = (i: number) => `new ec2.Instance(app, 'A${i}', { instanceType: new ec2.InstanceType('g5.xlarge') }); const n${i} = ${i}; new ec2.Instance(app, 'B${i}', { instanceType: 'p4d.24xlarge' });\n`;
  const top = Array.from({ length: 20 }, (_, i) => line(i)).join('');
  const inFunction = Array.from({ length: 20 }, (_, i) => `  ${line(100 + i)}`).join('');
  return `${head}const app = new cdk.App();\n${top}function build(app: cdk.App) {\n${inFunction}}\n`;
}

/** The first place where two trees differ, as a path; undefined when equal. */
function firstDifference(a: unknown, b: unknown, at = 'program'): string | undefined {
  if (a === b) return undefined;
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return `${at}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const k of new Set([...Object.keys(x), ...Object.keys(y)])) {
    const d = firstDifference(x[k], y[k], `${at}.${k}`);
    if (d) return d;
  }
  return undefined;
}

function assertSame(inc: ParsedCdk, whole: ParsedCdk, what: string) {
  assert.equal(firstDifference(inc.program, whole.program), undefined, what);
  const show = (n: { type: string; range: [number, number] } | undefined) => n && `${n.type}@${n.range}`;
  assert.deepEqual(inc.nodes.map(show), whole.nodes.map(show), `${what}: nodes`);
  assert.deepEqual(inc.types, inc.nodes.map((n) => n.type), `${what}: types aligned with nodes`);
  assert.deepEqual(inc.nodes.map((n) => show(inc.parent(n))), whole.nodes.map((n) => show(whole.parent(n))), `${what}: parents`);
  assert.deepEqual(inc.strings.map((s) => `${s.value}@${s.node.range}`), whole.strings.map((s) => `${s.value}@${s.node.range}`), `${what}: strings`);
  assert.deepEqual([...inc.imports], [...whole.imports], `${what}: imports`);
}

describe('cdk/incremental: an open file re-parsed around each edit', () => {
  afterEach(() => releaseDocument('cdk-incremental-test'));

  it('typing inside the constructor re-parses in place, and equals a whole parse', async () => {
    let text = longStack();
    const first = parseCdk(text, 'lib/stack.ts', 'cdk-incremental-test');
    const at = text.indexOf("'g5.2xlarge'", text.length / 2);
    text = `${text.slice(0, at)}'p4d.24xlarge'${text.slice(at + "'g5.2xlarge'".length)}`;
    const inc = parseCdk(text, 'lib/stack.ts', 'cdk-incremental-test');
    assert.equal(inc.program, first.program, 'the tree was kept and moved, not parsed again');
    assertSame(inc, parseCdk(text, 'lib/stack.ts'), 'after the edit');
    const key = 'cdk-incremental-test';
    const open = await analyzeDocument(new SourceDocument('lib/stack.ts', `${text} `, undefined, key), [cdkAnalyzer], DEFAULT_CONFIG);
    const fresh = await analyzeDocument(new SourceDocument('lib/stack.ts', `${text} `), [cdkAnalyzer], DEFAULT_CONFIG);
    assert.ok(open.findings.some((f) => f.message.includes('p4d.24xlarge')));
    assert.deepEqual(open, fresh, 'findings');
  });

  it('random edits (braces, quotes, comments, lines, await, imports) always equal a whole parse', () => {
    const inserts = [' ', '\n', 'x', ';', '{', '}', '(', ')', "'", '`', '/*', '*/', '//', ',', 'await ', "new ec2.InstanceType('p4d.24xlarge')", '\n    const z = 1;\n', 'export ', '.', '\t', "'s';", "\n'use strict';\n", '\r', '\r\n', '\u2028'];
    let totalValid = 0;
    for (const [seed, shape] of [[1, longStack], [2, longStack], [3, compactStack], [4, compactStack]] as const) {
      let text = shape();
      const generator = seeded(seed);
      const next = (n: number) => generator.next() % n;
      let kept = 0;
      let valid = 0;
      let previous: ParsedCdk | undefined;
      for (let step = 0; step < 150; step++) {
        const at = next(text.length);
        const op = next(3);
        const edited =
          op === 0 ? text.slice(0, at) + inserts[next(inserts.length)] + text.slice(at) : op === 1 ? text.slice(0, at) + text.slice(at + 1 + next(3)) : `${text.slice(0, at)} ${text.slice(at)}`;
        const what = `seed ${seed}, step ${step}`;
        let whole: ParsedCdk | undefined;
        let wholeError: string | undefined;
        try {
          whole = parseCdk(edited, 'lib/stack.ts');
        } catch (err) {
          wholeError = (err as Error).message;
        }
        let inc: ParsedCdk | undefined;
        let incError: string | undefined;
        try {
          inc = parseCdk(edited, 'lib/stack.ts', 'cdk-incremental-test');
        } catch (err) {
          incError = (err as Error).message;
        }
        assert.equal(incError, wholeError, `${what}: the same syntax error`);
        if (inc && whole) {
          assertSame(inc, whole, what);
          // A lone \r or a U+2028 makes every later parse of the file whole (OTHER_LINE_BREAK).
          if (previous && !OTHER_LINE_BREAK.test(edited)) valid++;
          if (previous && inc.program === previous.program) kept++;
          previous = inc;
          text = edited;
        } else {
          previous = undefined;
          if (next(2)) text = edited; // keep typing in a broken file for a while
        }
      }
      assert.ok(kept >= valid / 2, `seed ${seed}: the incremental path was taken ${kept} times of ${valid}`);
      totalValid += valid;
    }
    assert.ok(totalValid >= 60, `edits that kept the file valid: ${totalValid}`);
  });

  it('a string statement in the middle of a body, top-level await, and a paste of thousands of statements equal a whole parse', () => {
    const base = "import * as cdk from 'aws-cdk-lib';\nconst a = 1;\nconst b = 2;\nawait load();\nconst c = 3;\nconst d = 4;\nfunction f() {\n  const e = 1;\n  'not a directive';\n  const g = 2;\n  const h = 3;\n}\n";
    let text = base;
    parseCdk(text, 'lib/stack.ts', 'cdk-incremental-test');
    const edits: [string, string][] = [
      ['const g = 2;', 'const g = 5;'],
      ['await load();', 'await load(1);'],
      ['const e = 1;', 'const e = 7;'],
      ['const h = 3;', `const h = 3;\n${'  new cdk.App();\n'.repeat(6000)}`],
      ['const c = 3;', 'const c = 4;'],
    ];
    for (const [from, to] of edits) {
      text = text.replace(from, to);
      assertSame(parseCdk(text, 'lib/stack.ts', 'cdk-incremental-test'), parseCdk(text, 'lib/stack.ts'), `${from} → ${to.slice(0, 20)}`);
    }
  });

  it('a tree that shares a node or a location between two places is never moved', () => {
    const program = parseCdk("const a = 1;\nconst b = 2;\n", 'lib/stack.ts').program;
    assert.equal(hasSharedParts([program]), false);
    const [first, second] = program.body as TSESTree.VariableDeclaration[];
    second.declarations[0].init = first.declarations[0].init;
    assert.equal(hasSharedParts([program]), true);
    const decl = parseCdk('const c = 3;\n', 'lib/stack.ts').program.body[0] as TSESTree.VariableDeclaration;
    decl.declarations[0].loc.end = decl.declarations[0].init!.loc.end;
    assert.equal(hasSharedParts([decl]), true, 'a shared location object');
  });

  it('turned off, or for a scan (no cache key), parses whole every time', () => {
    const text = longStack();
    const a = parseCdk(text, 'lib/stack.ts');
    assert.notEqual(parseCdk(`${text} `, 'lib/stack.ts').program, a.program);
    const previous = setCdkIncremental(false);
    try {
      const b = parseCdk(text, 'lib/stack.ts', 'cdk-incremental-test');
      assert.notEqual(parseCdk(`${text} `, 'lib/stack.ts', 'cdk-incremental-test').program, b.program);
    } finally {
      setCdkIncremental(previous);
    }
  });
});

describe('cdk/syntax: the last segment of a member name, without making the name', () => {
  it('is lastSegment(memberName(n)) for every node of a stack (this, casts, non-null, computed, calls)', () => {
    const text = `${longStack()}\nconst a = (x as any).y!.z; const b = this.c['d'].e; const f = g().h.i; const j = (k!).l;\n`;
    const parsed = parseCdk(text, 'lib/stack.ts');
    let named = 0;
    for (const n of parsed.nodes) {
      const expected = lastSegment(memberName(n));
      assert.equal(lastMemberName(n), expected, `${n.type}@${n.range}`);
      if (expected !== undefined) named++;
    }
    assert.ok(named > 100, 'many nodes have a name');
  });
});

describe('cdk/incremental: findings of an open file under edits that move what an instance type belongs to', () => {
  const KEY = 'cdk-incremental-findings-test';
  afterEach(() => releaseDocument(KEY));

  it('construct ids, counts, labels and bodies of inline functions edited: the same findings as a fresh analysis', async () => {
    const inline = "    new ec2.Instance(this, 'Inline', { instanceType: new ec2.InstanceType('g5.xlarge'), desiredSize: 2, userData: (() => { const n = 1; return n; })() });\n";
    let text = longStack().replace('    // Single-node', `${inline}    // Single-node`);
    // Each edit replaces one occurrence (picked at random) of a piece of text by another.
    const edits: [string, string][] = [
      ['desiredSize: 2', 'desiredSize: 5'],
      ['desiredSize: 5', 'desiredSize: 2'],
      ["'Trainer", "'Serving"],
      ["'Serving", "'Trainer"],
      ["workload: 'inference'", "workload: 'training'"],
      ["workload: 'training'", "workload: 'inference'"],
      ['const n = 1;', 'const n = 1; const m = 2;'],
      ['const m = 2;', ''],
      ['initialInstanceCount: 2', 'initialInstanceCount: 4'],
      ["'gpu-inference'", "'gpu-train'"],
      ["'gpu-train'", "'gpu-inference'"],
      ['    // Single-node', "    new ec2.Instance(this, 'Extra', { instanceType: new ec2.InstanceType('p5.48xlarge') });\n    // Single-node"],
    ];
    const generator = seeded(9);
    const pick = (n: number) => Math.floor((generator.next() / 0x80000000) * n);
    let applied = 0;
    for (let step = 0; step < 60; step++) {
      const [from, to] = edits[pick(edits.length)];
      const places: number[] = [];
      for (let i = text.indexOf(from); i >= 0; i = text.indexOf(from, i + 1)) places.push(i);
      if (!places.length) continue;
      const at = places[pick(places.length)];
      text = text.slice(0, at) + to + text.slice(at + from.length);
      applied++;
      const open = await analyzeDocument(new SourceDocument('lib/stack.ts', text, undefined, KEY), [cdkAnalyzer], DEFAULT_CONFIG);
      const fresh = await analyzeDocument(new SourceDocument('lib/stack.ts', text), [cdkAnalyzer], DEFAULT_CONFIG);
      assert.deepEqual(open, fresh, `step ${step}: ${from} → ${to}`);
    }
    assert.ok(applied >= 40, `edits applied: ${applied}`);
  });
});
