import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { execSync } from 'node:child_process';
import { parseHclBody } from '../../../../src/analyzers/terraform/hcl';
import type { TfBody, TfEntry, TfExpr } from '../../../../src/analyzers/terraform/syntax';
import { parseWith, type SyntaxNode } from '../../../../src/core/treesitter';
import { seeded } from '../../helpers/random';

/**
 * The hand-written HCL reader (src/analyzers/terraform/hcl.ts) against the reader it replaced:
 * tree-sitter-hcl's terraform grammar and the conversion of its tree, kept here as the reference.
 * Wherever tree-sitter reads a file without error, both must give the very same TfBody (values,
 * kinds, offsets); where the file is broken, the reader must not throw and must keep the items
 * before the error.
 */

// ---------------------------------------------------------------- the reference (tree-sitter)

function named(node: SyntaxNode): SyntaxNode[] {
  return node.namedChildren.filter((c): c is SyntaxNode => !!c && c.type !== 'comment');
}

function stringLiteral(node: SyntaxNode): TfExpr | undefined {
  const kids = named(node);
  if (kids.some((k) => k.type !== 'quoted_template_start' && k.type !== 'quoted_template_end' && k.type !== 'template_literal')) return undefined;
  const open = kids.find((k) => k.type === 'quoted_template_start');
  const close = kids.find((k) => k.type === 'quoted_template_end');
  if (!open || !close) return undefined;
  const lits = kids.filter((k) => k.type === 'template_literal');
  if (lits.length > 1) return undefined;
  if (!lits.length) return { kind: 'string', value: '', start: open.endIndex, end: open.endIndex };
  return { kind: 'string', value: lits[0].text, start: lits[0].startIndex, end: lits[0].endIndex };
}

function key(node: SyntaxNode | null): string | undefined {
  if (!node) return undefined;
  const inner = named(node)[0];
  if (!inner) return undefined;
  if (inner.type === 'variable_expr' && named(node).length === 1) return inner.text;
  const str = convert(node);
  return str.kind === 'string' ? str.value : undefined;
}

function primary(node: SyntaxNode): TfExpr {
  const start = node.startIndex;
  const end = node.endIndex;
  switch (node.type) {
    case 'expression':
      return convert(node);
    case 'literal_value': {
      const v = named(node)[0];
      if (v?.type === 'string_lit') return stringLiteral(v) ?? { kind: 'other', parts: [], start, end };
      if (v?.type === 'numeric_lit') return { kind: 'number', value: Number(v.text), start, end };
      if (v?.type === 'bool_lit') return { kind: 'bool', value: v.text === 'true', start, end };
      if (v?.type === 'null_lit') return { kind: 'null', start, end };
      return { kind: 'other', parts: [], start, end };
    }
    case 'collection_value': {
      const c = named(node)[0];
      if (c?.type === 'tuple') return { kind: 'tuple', items: named(c).filter((x) => x.type === 'expression').map(convert), start, end };
      if (c?.type === 'object') {
        const entries: TfEntry[] = [];
        for (const elem of named(c)) {
          if (elem.type !== 'object_elem') continue;
          const k = key(elem.childForFieldName('key'));
          const val = elem.childForFieldName('val');
          if (k !== undefined && val) entries.push({ key: k, value: convert(val) });
        }
        return { kind: 'object', entries, start, end };
      }
      return { kind: 'other', parts: [], start, end };
    }
    case 'template_expr': {
      const t = named(node)[0];
      const lit = t?.type === 'quoted_template' ? stringLiteral(t) : undefined;
      return lit ?? { kind: 'other', parts: [], start, end };
    }
    case 'conditional': {
      const [, whenTrue, whenFalse] = named(node);
      return { kind: 'other', parts: [whenTrue, whenFalse].filter(Boolean).map((n) => convert(n!)), start, end };
    }
    case 'function_call': {
      const args = named(node).find((n) => n.type === 'function_arguments');
      return { kind: 'other', parts: args ? named(args).filter((x) => x.type === 'expression').map(convert) : [], start, end };
    }
    default:
      return { kind: 'other', parts: [], start, end };
  }
}

function convert(node: SyntaxNode): TfExpr {
  if (node.type !== 'expression') return primary(node);
  const [head, ...postfix] = named(node);
  if (!head) return { kind: 'other', parts: [], start: node.startIndex, end: node.endIndex };
  if (head.type === 'variable_expr') {
    if (postfix.every((p) => p.type === 'get_attr')) {
      return { kind: 'ref', path: [head.text, ...postfix.map((p) => named(p)[0]?.text ?? '')].join('.'), start: node.startIndex, end: node.endIndex };
    }
    return { kind: 'other', parts: [], start: node.startIndex, end: node.endIndex };
  }
  const p = primary(head);
  if (!postfix.length) return p;
  const parts = p.kind === 'object' ? p.entries.map((e) => e.value) : p.kind === 'tuple' ? p.items : [];
  return { kind: 'other', parts, start: node.startIndex, end: node.endIndex };
}

function body(node: SyntaxNode | undefined): TfBody {
  const out: TfBody = { attributes: [], blocks: [] };
  for (const child of node ? named(node) : []) {
    const kids = named(child);
    if (child.type === 'attribute') {
      const name = kids.find((k) => k.type === 'identifier')?.text;
      const value = kids.find((k) => k.type === 'expression');
      if (name && value) out.attributes.push({ name, value: convert(value), start: child.startIndex, end: child.endIndex });
    } else if (child.type === 'block') {
      const type = kids[0]?.type === 'identifier' ? kids[0].text : undefined;
      if (!type) continue;
      const labels: string[] = [];
      for (const k of kids.slice(1)) {
        if (k.type === 'string_lit') {
          const lit = stringLiteral(k);
          if (lit?.kind === 'string') labels.push(lit.value);
        } else if (k.type === 'identifier') labels.push(k.text);
      }
      out.blocks.push({ type, labels, body: body(kids.find((k) => k.type === 'body')), start: child.startIndex, end: child.endIndex });
    }
  }
  return out;
}

/** tree-sitter's reading, and whether its tree had an error. */
async function reference(text: string): Promise<{ body: TfBody; hasError: boolean }> {
  const tree = await parseWith('terraform', text);
  try {
    return { body: body(named(tree.rootNode).find((n) => n.type === 'body')), hasError: tree.rootNode.hasError };
  } finally {
    tree.delete();
  }
}

// ---------------------------------------------------------------- the tests

const root = path.resolve(__dirname, '../../../..');
const files = execSync("find test/fixtures samples -name '*.tf' -o -name '*.tfvars'", { cwd: root }).toString().trim().split('\n').filter(Boolean);

/** Every construct the rules meet, written as people write them. */
const CONSTRUCTS = [
  'a = "plain"\nb = "  padded\\t "\nc = ""\nd = "   "\ne = "esc \\"q\\" \\n \\\\ \\u00e9 \\U0001F600"\nf = "$${literal} %%{literal}"\ng = "a $ b % c"\n',
  'a = "${var.x}"\nb = "pre-${var.x}-post"\nc = "%{ if var.on }on%{ else }off%{ endif }"\nd = "%{~ for s in var.l ~}${s}%{ endfor ~}"\ne = "${ lookup(var.m, "k", "d") }"\n',
  'a = 1\nb = 1.5\nc = 2.5e10\nd = 0x1F\ne = -1\nf = !true\ng = false\nh = null\ni = 1 + 2 * 3\nj = a == "x" && b != "y" || c >= 1\n',
  'a = var.x\nb = local.y.z\nc = aws_instance.gpu.id\nd = var.x[0]\ne = var.x.0\nf = aws_instance.all.*.id\ng = aws_instance.all[*].id\nh = data.aws_ami.ubuntu.id\n',
  'a = var.gpu ? "p3.2xlarge" : "m5.large"\nb = var.a ? "x" : var.b ? "y" : "z"\nc = (var.big)\nd = ("g5.xlarge")\ne = (["a", "b"])[0]\n',
  'a = ["m5.large", "c5.xlarge",]\nb = []\nc = {\n  small = "t3.micro"\n  "large" = "m5.24xlarge"\n  gpu: "p4d.24xlarge",\n  (var.k) = "x"\n  7 = "n"\n}\nd = { a = 1, b = 2 }["a"]\ne = {}\n',
  'a = lookup(var.types, "gpu", "g5.xlarge")\nb = coalesce(var.t, "m6i.large")\nc = max(1, 2, var.n...)\nd = provider::aws::arn_parse(var.arn)\ne = upper("x")[0]\nf = f()\n',
  'a = [for s in var.list : upper(s) if s != ""]\nb = {for k, v in var.map : k => v...}\nc = [for i, x in local.l : x]\n',
  'a = <<EOF\ninstance_type = "p4d.24xlarge"\nEOF\nb = <<-EOT\n    indented ${var.x}\n    EOT\nc = "after"\n',
  '# comment\n// another\n/* block\ncomment */ a = "x" # trailing\nb = /* inline */ "y"\nresource "aws_instance" "x" { instance_type = "p3.2xlarge" }\n',
  'resource "aws_instance" "gpu" {\n  instance_type = "p3.2xlarge"\n  tags = {\n    Name = "gpu"\n  }\n  ebs_block_device {\n    volume_size = 100\n  }\n  dynamic "setting" {\n    for_each = var.s\n    content {\n      name = setting.value\n    }\n  }\n}\nlocals {}\nterraform {\n  required_providers {\n    aws = { source = "hashicorp/aws" }\n  }\n}\n',
  'module "m" {\n  source = "./mod"\n  type   = var.x\n}\nblock label1 "label2" another {\n  x = 1\n}\nidentifier-with-dash = 1\nname_é = "unicode"\n',
  'a = "line\nbreak"\nb = 1 c = 2\nd = [\n  "x",\n  "y"\n]\ne = var.x\n  ? "y"\n  : "z"\n',
  '',
  '   \n\n# only a comment\n',
];

/** Small edits of a text: lines deleted, duplicated, cut short; characters inserted. */
function variants(text: string, seed: number, n: number): string[] {
  const rnd = seeded(seed);
  const out: string[] = [];
  const pieces = ['{', '}', '"', '=', '\n', '[', ']', '(', ')', '#', '${', '<<EOF\n', ',', '?', ':', ' ', 'x'];
  for (let k = 0; k < n; k++) {
    const lines = text.split('\n');
    const at = rnd.next() % Math.max(1, lines.length);
    switch (rnd.next() % 4) {
      case 0:
        lines.splice(at, 1);
        break;
      case 1:
        lines.splice(at, 0, lines[at] ?? '');
        break;
      case 2:
        lines[at] = (lines[at] ?? '').slice(0, rnd.next() % ((lines[at]?.length ?? 0) + 1));
        break;
      default: {
        const line = lines[at] ?? '';
        const col = rnd.next() % (line.length + 1);
        lines[at] = line.slice(0, col) + pieces[rnd.next() % pieces.length] + line.slice(col);
      }
    }
    out.push(lines.join('\n'));
  }
  return out;
}

/** Top-level items of a body, as "kind name start". */
function items(b: TfBody): string[] {
  return [...b.attributes.map((a) => `attribute ${a.name} ${a.start}`), ...b.blocks.map((x) => `block ${x.type} ${x.start}`)].sort();
}

describe('terraform/hcl: the HCL reader against tree-sitter-hcl', () => {
  it('reads every construct as tree-sitter did', async () => {
    for (const text of CONSTRUCTS) {
      const ref = await reference(text);
      if (text.includes('var.b ? "y"')) continue; // nested conditionals: below
      assert.equal(ref.hasError, false, `tree-sitter reads without error: ${JSON.stringify(text)}`);
      assert.deepEqual(parseHclBody(text), { body: ref.body }, JSON.stringify(text));
    }
  });

  it('reads every Terraform fixture and sample as tree-sitter did', async () => {
    assert.ok(files.length >= 5);
    for (const f of files) {
      const text = readFileSync(path.join(root, f), 'utf8');
      const ref = await reference(text);
      assert.equal(ref.hasError, false, f);
      assert.deepEqual(parseHclBody(text), { body: ref.body }, f);
    }
  });

  it('reads edited files as tree-sitter did wherever tree-sitter found no error, and never throws', async () => {
    let compared = 0;
    let broken = 0;
    const texts = [...CONSTRUCTS.filter((t) => !t.includes('var.b ? "y"')), ...files.map((f) => readFileSync(path.join(root, f), 'utf8'))];
    for (const [i, text] of texts.entries()) {
      for (const v of variants(text, 1000 + i, 40)) {
        const mine = parseHclBody(v);
        const ref = await reference(v);
        if (!ref.hasError) {
          compared++;
          assert.deepEqual(mine, { body: ref.body }, JSON.stringify(v));
        } else {
          broken++;
          // Every top-level item the reader kept is one tree-sitter found too (no invented items).
          const known = new Set(items(ref.body));
          for (const item of items(mine.body)) assert.ok(known.has(item) || mine.errorAt !== undefined, `${item} in ${JSON.stringify(v)}`);
        }
      }
    }
    assert.ok(compared > 200 && broken > 100, `${compared} compared, ${broken} broken`);
    if (process.env.SHOW_COUNTS) console.log(`      ${compared} compared, ${broken} broken`);
  });

  it('nests a conditional in a conditional to the right, keeping every branch (tree-sitter lost the first)', () => {
    const { body } = parseHclBody('a = var.a ? "x" : var.b ? "y" : "z"\n');
    const v = body.attributes[0].value;
    assert.equal(v.kind, 'other');
    const parts = v.kind === 'other' ? v.parts : [];
    assert.deepEqual(parts[0], { kind: 'string', value: 'x', start: 13, end: 14 });
    assert.equal(parts[1].kind, 'other');
    assert.deepEqual(parts[1].kind === 'other' ? parts[1].parts.map((p) => (p.kind === 'string' ? p.value : p.kind)) : [], ['y', 'z']);
  });

  it('keeps what parsed around an error, and says where the first error is', () => {
    const text = 'resource "aws_instance" "ok" {\n  instance_type = "m5.xlarge"\n  broken = \n}\nresource "aws_instance" "next" {\n  instance_type = "p3.2xlarge"\n}\nresource "aws_instance" "open" {\n  instance_type = \n';
    const { body, errorAt } = parseHclBody(text);
    assert.deepEqual(
      body.blocks.map((b) => [b.labels[1], b.body.attributes.map((a) => a.name)]),
      [
        ['ok', ['instance_type']],
        ['next', ['instance_type']],
      ],
    );
    assert.equal(text.slice(0, errorAt).split('\n').length, 4, 'the first error is on line 4 (the `}` where a value was due)');
    assert.equal(parseHclBody('}}} "p4d.24xlarge" {{{\n').body.blocks.length, 0);
    assert.equal(typeof parseHclBody('}}} "p4d.24xlarge" {{{\n').errorAt, 'number');
  });

  it('reads a deeply nested or unterminated text without throwing', () => {
    const unclosed = 'resource "x" "y" {\n  a = = 1\n'.repeat(20000);
    for (const text of ['a = ' + '['.repeat(5000), 'a {\n'.repeat(20000), unclosed, 'a = "unterminated', 'a = <<EOF\nno end', 'a = /* open', 'x {', '"', '\u0000\u0001', 'a = "\\q"']) {
      const r = parseHclBody(text);
      assert.ok(r.errorAt !== undefined, JSON.stringify(text));
    }
  });
});
