/**
 * Deep-nesting repro (not part of npm test: the bugs it shows can kill the process).
 *
 *   node -r esbuild-register test/fuzz/deep-nesting.ts [DEPTH=3000] [name,name…] [body]
 *
 * Runs every FILE_NAMES entry against bodies nested DEPTH levels deep and prints inputs slower
 * than 500 ms (SLOW) or breaking an invariant (FAIL). Known at DEPTH 3000 (2026-09): Python
 * `{"a":` nesting takes ~3 s (20,000 levels: > 5 min) in sagemaker/instance-type,
 * cdk-python/instance-type and python/cuda-device-string (parent climbing; tree-sitter's
 * parent lookup is O(depth)); `deploy.yaml,c.yaml obj` aborts the process with
 * "FATAL ERROR: RegExpCompiler Allocation failed" (deep YAML flow nesting).
 */
import { allAnalyzers } from '../../src/analyzers';
import { checkAnalysis, FILE_NAMES } from '../unit/robustness/helpers/fuzz';

const N = Number(process.argv[2] ?? 3000);
const names = process.argv[3] ? process.argv[3].split(',') : FILE_NAMES;
const only = process.argv[4];
const bodies: Record<string, string> = {
  list: '['.repeat(N) + '"p4d.24xlarge"' + ']'.repeat(N),
  obj: '{"a":'.repeat(N) + '"p4d.24xlarge"' + '}'.repeat(N),
  paren: 'import torch\nx = ' + '('.repeat(N) + 'torch.device("cuda")' + ')'.repeat(N) + '\n',
  yamlseq: 'instanceType: p4d.24xlarge\nx: ' + '- '.repeat(N) + 'nvidia.com/gpu\n',
  yamlflow: 'kind: Pod\nspec: ' + '['.repeat(N) + 'nvidia.com/gpu' + ']'.repeat(N) + '\n',
  hcl: 'resource "aws_instance" "x" {\n instance_type = "p4d.24xlarge"\n' + 'a {\n'.repeat(N) + '}\n'.repeat(N) + '}\n',
  cpp: '#include <cuda_runtime.h>\nvoid f() {' + '{'.repeat(N) + 'cudaMalloc(0);' + '}'.repeat(N) + '}\n',
  ts: "import * as ec2 from 'aws-cdk-lib/aws-ec2';\nconst x = " + '['.repeat(N) + "new ec2.InstanceType('p4d.24xlarge')" + ']'.repeat(N) + ';\n',
  binop: 'import torch\nx = 1' + ' + 1'.repeat(N) + '\ny = torch.device("cuda")\n',
  tsbin: "import * as ec2 from 'aws-cdk-lib/aws-ec2';\nconst x = 'p4d.24xlarge'" + " + 'a'".repeat(N) + ';\n',
};

(async () => {
  let failed = 0;
  for (const name of names) {
    for (const [k, body] of Object.entries(bodies)) {
      if (only && k !== only) continue;
      try {
        const ms = await checkAnalysis(`fuzz/${name}`, body, allAnalyzers);
        if (ms > 500) console.log('SLOW', name, k, Math.round(ms), 'ms');
      } catch (e) {
        failed++;
        console.log('FAIL', name, k, String((e as Error).message).replace(/ for fuzz.*$/s, '').slice(0, 300));
      }
    }
  }
  console.log(failed ? `${failed} failures` : 'done');
  process.exit(failed ? 1 : 0);
})();
