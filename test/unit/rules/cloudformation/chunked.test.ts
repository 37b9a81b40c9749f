import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { SourceDocument } from '../../../../src/core/document';
import { cloudformationParser, setTemplateChunking } from '../../../../src/analyzers/cloudformation/syntax';
import { cloudformationAnalyzer } from '../../../../src/analyzers/cloudformation';
import { DEFAULT_CONFIG } from '../../../../src/core/config';
import { analyzeDocument } from '../../../../src/core/engine';

/**
 * Long YAML templates open in the editor are read resource by resource, each resource remembered
 * by its text. The
 * findings must equal those of the whole parse, for every template we have and after edits; so
 * must the tree, except where a map or list ends (the yaml package counts trailing comment lines
 * into a map followed by a sibling, not into one that ends a document; no rule reads those ends).
 */
const root = path.resolve(__dirname, '../../../..');
const TEMPLATES = ['samples/gpu-workspace/infra/cloudformation/training-stack.yaml', 'samples/gpu-workspace/infra/sam/template.yaml', 'test/fixtures/kubernetes/cloudformation-eks.yaml'];

/** The template with its resources repeated (renamed) until it is long enough to be read in parts. */
function lengthen(text: string): string {
  const m = /^Resources:[ ]*\r?\n/m.exec(text);
  assert.ok(m, 'a Resources section');
  const start = m.index + m[0].length;
  const rest = text.slice(start);
  const stop = rest.search(/^[^\s#]/m);
  const body = stop < 0 ? rest : rest.slice(0, stop);
  let copies = '';
  for (let i = 0; copies.length < 40_000; i++) copies += body.replace(/^( {2})([A-Za-z0-9]+):/gm, `$1$2Copy${i}:`).replace(/\s*$/, '\n');
  return text.slice(0, start) + copies + text.slice(start);
}

/** The tree without the end offsets of maps and lists. */
function withoutContainerEnds(n: unknown): unknown {
  if (Array.isArray(n)) return n.map(withoutContainerEnds);
  if (!n || typeof n !== 'object') return n;
  const o = n as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (!(k === 'end' && (o.kind === 'map' || o.kind === 'seq'))) out[k] = withoutContainerEnds(v);
  return out;
}

async function both(relPath: string, text: string) {
  const previous = setTemplateChunking(false);
  try {
    const whole = await cloudformationParser.parse(new SourceDocument(relPath, text, undefined, 'open'));
    const wholeFindings = await analyzeDocument(new SourceDocument(relPath, text, undefined, 'open'), [cloudformationAnalyzer], DEFAULT_CONFIG);
    setTemplateChunking(true);
    const chunked = await cloudformationParser.parse(new SourceDocument(relPath, text, undefined, 'open'));
    const chunkedFindings = await analyzeDocument(new SourceDocument(relPath, text, undefined, 'open'), [cloudformationAnalyzer], DEFAULT_CONFIG);
    assert.deepEqual(chunkedFindings, wholeFindings, 'findings');
    return { whole: withoutContainerEnds(whole), chunked: withoutContainerEnds(chunked), findings: wholeFindings.findings.length };
  } finally {
    setTemplateChunking(previous);
  }
}

describe('cloudformation/syntax: long templates read resource by resource', () => {
  for (const rel of TEMPLATES) {
    it(`${path.basename(rel)}: equals the whole parse, before and after edits`, async () => {
      let text = lengthen(readFileSync(path.join(root, rel), 'utf8'));
      const first = await both(rel, text);
      assert.ok((first.whole as { root?: unknown }).root, 'the lengthened file is still a template');
      assert.ok(first.findings > 0, 'the template has findings to compare');
      assert.deepEqual(first.chunked, first.whole);
      for (let step = 0; step < 6; step++) {
        const at = text.indexOf('\n', Math.floor((text.length * (step * 2 + 1)) / 13));
        text = step % 2 ? `${text.slice(0, at)}\n    # note${text.slice(at)}` : `${text.slice(0, at)} ${text.slice(at)}`;
        const { whole, chunked } = await both(rel, text);
        assert.deepEqual(chunked, whole, `step ${step}`);
      }
    });
  }

  it('sections after Resources keep their offsets, before and after edits in the resources', async () => {
    let text = `${lengthen(readFileSync(path.join(root, TEMPLATES[0]), 'utf8')).replace(/\s*$/, '\n')}Mappings:\n  Sizes:\n    prod:\n      Type: p4d.24xlarge\n    dev:\n      Type: g5.xlarge\nOutputs:\n  Name:\n    Value: !Ref AWS::StackName\n`;
    const first = await both('t.yaml', text);
    assert.ok(first.findings > 0);
    assert.deepEqual(first.chunked, first.whole);
    for (let step = 0; step < 4; step++) {
      const at = text.indexOf('\n', Math.floor((text.length * (step + 1)) / 6));
      text = `${text.slice(0, at)}${' '.repeat(step + 1)}${text.slice(at)}`;
      const { whole, chunked } = await both('t.yaml', text);
      assert.deepEqual(chunked, whole, `step ${step}`);
    }
  });

  it('a template with anchors, or broken YAML in a resource, is parsed whole (same result or same error)', async () => {
    const base = lengthen(readFileSync(path.join(root, TEMPLATES[0]), 'utf8'));
    const anchored = base.replace(/^( {4}Type: AWS::EC2::LaunchTemplate)$/m, '$1\n    Metadata: &meta { a: 1 }');
    const a = await both('t.yaml', anchored);
    assert.deepEqual(a.chunked, a.whole);
    const broken = base.replace(/^( {4}Type: AWS::EC2::LaunchTemplate)$/m, '$1\n    Metadata: [unclosed');
    const previous = setTemplateChunking(true);
    try {
      assert.throws(() => cloudformationParser.parse(new SourceDocument('t.yaml', broken, undefined, 'open')), /invalid YAML in template near line \d+/);
    } finally {
      setTemplateChunking(previous);
    }
  });
});
