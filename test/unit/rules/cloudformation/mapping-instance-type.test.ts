import assert from 'node:assert/strict';
import { cloudformationAnalyzer } from '../../../../src/analyzers/cloudformation';
import type { Analyzer } from '../../../../src/core/rule';
import { findingsFor, ruleTester } from '../../rule-tester';

const analyzer = cloudformationAnalyzer as Analyzer;
const ID = 'cloudformation/mapping-instance-type';
const TAIL = 'Resources:\n  I:\n    Type: AWS::EC2::Instance\n    Properties:\n      InstanceType: !FindInMap [RegionMap, !Ref "AWS::Region", GpuType]\n';

ruleTester(analyzer, ID, {
  filename: 'template.yaml',
  valid: [
    { code: 'Mappings:\n  RegionMap:\n    us-east-1:\n      AMI: ami-0abc\n      # GpuType: p4d.24xlarge\n' + TAIL },
  ],
  invalid: [
    {
      code: 'Mappings:\n  RegionMap:\n    us-east-1:\n      GpuType: p4d.24xlarge\n    eu-west-1:\n      GpuType: "p3.16xlarge"\n' + TAIL,
      errors: [
        { line: 4, column: 16, endColumn: 28, instanceType: 'p4d.24xlarge' },
        { line: 6, column: 17, endColumn: 28, instanceType: 'p3.16xlarge' },
      ],
    },
  ],
});

describe(`${ID} facts for pricing`, () => {
  it('region keys become regions; rows share one key', async () => {
    const code = 'Mappings:\n  RegionMap:\n    us-east-1:\n      GpuType: p4d.24xlarge\n    eu-west-1:\n      GpuType: p4d.24xlarge\n' + TAIL;
    const { findings } = await findingsFor(analyzer, ID, { code }, 'stack.yaml');
    assert.deepEqual(findings.map((f) => [f.region, f.resourceKey, f.count]), [
      ['us-east-1', 'cloudformation:stack.yaml:Mappings.RegionMap.*.GpuType', 1],
      ['eu-west-1', 'cloudformation:stack.yaml:Mappings.RegionMap.*.GpuType', 1],
    ]);
  });
});
