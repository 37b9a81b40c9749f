import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parseYamlDocs } from '../../../src/analyzers/kubernetes/tree';
import { terraformParser } from '../../../src/analyzers/terraform/syntax';
import { cloudformationParser } from '../../../src/analyzers/cloudformation/syntax';
import { cdkParser } from '../../../src/analyzers/cdk/syntax';
import { releaseDocument } from '../../../src/core/open-documents';
import { SourceDocument } from '../../../src/core/document';
import { releaseTrees } from '../../../src/core/treesitter';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** A long document of `n` blocks, edited `edits` times; each version is a fresh string, as an editor sends. */
async function growthAfterEdits(text: string, parse: (t: string) => unknown, edits: number): Promise<number> {
  await parse(text);
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < edits; i++) {
    const at = text.indexOf('\n', (i * 7919) % text.length);
    text = `${text.slice(0, at)}${i % 2 ? ' ' : '\n'}${text.slice(at)}`;
    await parse((' ' + text).slice(1));
  }
  gc();
  return process.memoryUsage().heapUsed - before;
}

/**
 * The memos that make edits cheap (YAML documents, Terraform blocks, CloudFormation resources)
 * outlive the text they were built from. They must not keep old versions of an edited document
 * alive (a remembered slice of a string keeps the whole string): 100 edits of a ~200 KB document
 * would otherwise hold ~40 MB.
 */
describe('remembered parts keep no old document versions alive', () => {
  const edits = 100;
  const limit = 8e6;

  it('multi-document YAML', async () => {
    const doc = (i: number) => `---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: pod-number-${i}\nspec:\n  containers:\n    - name: c\n      image: nvidia/cuda:12.2.0-base-ubuntu22.04\n`;
    const growth = await growthAfterEdits(Array.from({ length: 1200 }, (_, i) => doc(i)).join(''), (t) => parseYamlDocs(t, true), edits);
    assert.ok(growth < limit, `heap grew ${(growth / 1e6).toFixed(1)} MB`);
    if (process.env.SHOW_GROWTH) console.log(`      heap growth ${(growth / 1e6).toFixed(1)} MB`);
  });

  it('Terraform', async () => {
    const block = (i: number) => `resource "aws_instance" "node_number_${i}" {\n  ami           = "ami-12345678"\n  instance_type = "p4d.24xlarge"\n  tags = { Name = "a-rather-long-name-${i}" }\n}\n`;
    // With a document key, as the editor does (the HCL reader keeps nothing between versions).
    const growth = await growthAfterEdits(Array.from({ length: 1500 }, (_, i) => block(i)).join(''), (t) => terraformParser.parse(new SourceDocument('main.tf', t, undefined, 'memo-memory-test')), edits);
    releaseTrees('memo-memory-test');
    assert.ok(growth < limit, `heap grew ${(growth / 1e6).toFixed(1)} MB`);
    if (process.env.SHOW_GROWTH) console.log(`      heap growth ${(growth / 1e6).toFixed(1)} MB`);
  });

  it('CDK (the tree kept between edits, re-parsed around each)', async () => {
    const stmt = (i: number) => `    new ec2.Instance(this, 'NodeNumber${i}', { vpc, instanceType: new ec2.InstanceType('p4d.24xlarge') });\n`;
    const text = `import * as ec2 from 'aws-cdk-lib/aws-ec2';\nexport class Stack {\n  constructor(vpc: ec2.IVpc) {\n${Array.from({ length: 1500 }, (_, i) => stmt(i)).join('')}  }\n}\n`;
    const growth = await growthAfterEdits(text, (t) => cdkParser.parse(new SourceDocument('stack.ts', t, undefined, 'memo-memory-cdk')), edits);
    releaseDocument('memo-memory-cdk');
    assert.ok(growth < limit, `heap grew ${(growth / 1e6).toFixed(1)} MB`);
    if (process.env.SHOW_GROWTH) console.log(`      heap growth ${(growth / 1e6).toFixed(1)} MB`);
  });

  it('CloudFormation', async () => {
    const res = (i: number) => `  NodeNumber${i}:\n    Type: AWS::EC2::Instance\n    Properties:\n      InstanceType: p4d.24xlarge\n      ImageId: ami-12345678\n`;
    const text = `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n${Array.from({ length: 1000 }, (_, i) => res(i)).join('')}`;
    const growth = await growthAfterEdits(text, (t) => cloudformationParser.parse(new SourceDocument('template.yaml', t, undefined, 'memo-memory-cfn')), edits);
    assert.ok(growth < limit, `heap grew ${(growth / 1e6).toFixed(1)} MB`);
    if (process.env.SHOW_GROWTH) console.log(`      heap growth ${(growth / 1e6).toFixed(1)} MB`);
  });
});
