import assert from 'node:assert/strict';
import { configAnalyzer } from '../../../../src/analyzers/config';
import type { Analyzer } from '../../../../src/core/rule';
import { findingsFor, ruleTester } from '../../rule-tester';

ruleTester(configAnalyzer as Analyzer, 'config/instance-type', {
  filename: 'config/cluster.json',
  valid: [
    { name: 'JSON prose and keys', code: '{"description": "Runs on p4d.24xlarge", "p3.2xlarge": 1, "version": "v1.large"}\n' },
    { name: 'JSON data table (more than 12 types in one list)', code: `{"types": [${Array.from({ length: 13 }, (_, i) => `"m5.${i + 2}xlarge"`).join(', ')}]}\n` },
    { name: 'lock file is not read', filename: 'package-lock.json', code: '{"a": "p4d.24xlarge"}\n' },
    { name: 'Python is not read', filename: 'train.py', code: 'T = "p4d.24xlarge"\n' },
    { name: 'YAML comment and prose', filename: 'config/train.yaml', code: '# instance_type: ml.p3.2xlarge\ndesc: "runs on p4d.24xlarge"\n' },
    { name: '.env comment and sentence', filename: '.env', code: '# INSTANCE_TYPE=p3.2xlarge\nNOTE=runs on p4d.24xlarge\n' },
    { name: 'shell comment and echo', filename: 'scripts/launch.sh', code: '# aws ec2 run-instances --instance-type p3.2xlarge\necho "use p4d.24xlarge"\necho p4d.24xlarge\n' },
    { name: 'TOML comment and prose', filename: 'config/job.toml', code: '# instance_type = "p3.2xlarge"\ndescription = "p4d.24xlarge is big"\n' },
  ],
  invalid: [
    {
      name: 'JSON value with a count beside it',
      code: '{"nodeGroups": [{"instanceType": "p4d.24xlarge", "desiredSize": 4}]}\n',
      errors: [{ line: 1, column: 35, endColumn: 47, instanceType: 'p4d.24xlarge', output: '{"nodeGroups": [{"instanceType": "trn1.32xlarge", "desiredSize": 4}]}\n' }],
    },
    {
      name: 'YAML, multi-document, plain and quoted',
      filename: 'config/train.yaml',
      code: 'train:\n  instance_type: ml.p3.8xlarge\n---\ninference:\n  types: ["ml.g5.xlarge", \'c7g.large\']\n',
      errors: [
        { line: 2, column: 18, endColumn: 31, suggestedInstanceType: 'ml.trn1.32xlarge' },
        { line: 5, column: 12, endColumn: 24, suggestedInstanceType: 'ml.inf2.xlarge' },
        { line: 5, column: 28, endColumn: 37, category: 'portable-instance', severity: 'info' },
      ],
    },
    {
      name: 'TOML values, located on their lines',
      filename: 'config/job.toml',
      code: '[training]\ninstance_type = "ml.p4d.24xlarge"\ntypes = [\n  "g5.xlarge", # one\n  \'c5.large\',\n]\n',
      errors: [
        { line: 2, column: 18, endColumn: 33 },
        { line: 4, column: 4, endColumn: 13 },
        { line: 5, column: 4, endColumn: 12, category: 'x86-instance' },
      ],
    },
    {
      name: '.env values and comma lists',
      filename: 'deploy/.env',
      code: 'INSTANCE_TYPE=ml.g5.2xlarge\nexport TYPES="g5.xlarge, c5.large"  # comment\n',
      errors: [
        { line: 1, column: 15, endColumn: 28 },
        { line: 2, column: 15, endColumn: 24 },
        { line: 2, column: 26, endColumn: 34 },
      ],
    },
    {
      name: 'shell flags and assignments',
      filename: 'scripts/launch.sh',
      code: '#!/bin/bash\naws ec2 run-instances --instance-type g5.4xlarge --count 2\neksctl create nodegroup --node-type=m5.large\nTYPE="p4de.24xlarge"\n',
      errors: [
        { line: 2, column: 39, endColumn: 49 },
        { line: 3, column: 37, endColumn: 45 },
        { line: 4, column: 7, endColumn: 20 },
      ],
    },
  ],
});

describe('config/instance-type facts', () => {
  it('count, workload from the key and a resource key per value', async () => {
    const { findings } = await findingsFor(configAnalyzer as Analyzer, 'config/instance-type', { code: 'training:\n  instance_type: ml.p3.8xlarge\n  instance_count: 2\n' }, 'config/t.yaml');
    assert.deepEqual(findings.map((f) => [f.count, f.workload, f.resourceKey]), [[2, 'training', 'config:config/t.yaml:training.instance_type']]);
  });
  it('a broken TOML file is one clear error', async () => {
    const { errors } = await findingsFor(configAnalyzer as Analyzer, 'config/instance-type', { code: 'a = "p4d.24xlarge\n' }, 'x.toml');
    assert.equal(errors.length, 1);
    assert.match(errors[0], /TOML/);
  });
});
