import assert from 'node:assert/strict';
import * as path from 'node:path';
import { allAnalyzers } from '../../../../src/analyzers';
import { DEFAULT_CONFIG } from '../../../../src/core/config';
import { scanFolder } from '../../../../src/core/engine';

/** The CUDA/C++/CMake/Makefile/assembly fixtures, scanned end to end with every analyzer. */
describe('CUDA, x86 and build fixtures (test/fixtures/cuda)', () => {
  it('reports what a porting engineer would list, and nothing from comments or strings', async () => {
    const root = path.resolve(__dirname, '../../../fixtures/cuda');
    const result = await scanFolder(root, { config: DEFAULT_CONFIG, analyzers: allAnalyzers });
    assert.deepEqual(result.errors, []);
    const got = result.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`);
    assert.deepEqual(got, [
      'Makefile:2:1 make/cuda-build',
      'Makefile:3:14 make/cuda-build',
      'Makefile:4:14 make/cuda-build',
      'Makefile:5:14 make/cuda-build',
      'Makefile:6:29 make/cuda-build',
      'Makefile:7:18 make/x86-build',
      'Makefile:8:35 make/cuda-build',
      'Makefile:8:44 make/cuda-build',
      'Makefile:20:2 make/cuda-build',
      'crc32c_x86.S:7:5 asm/x86-assembly-file',
      'rope_ext.cpp:12:9 cuda/libtorch-cuda-device',
      'rope_ext.cpp:14:32 cuda/libtorch-cuda-device',
      'rope_ext.cpp:14:51 cuda/libtorch-cuda-device',
      'rope_ext.cpp:14:59 cuda/libtorch-cuda-device',
      'vec_ops.h:27:1 cuda/x86-preprocessor',
      'vec_ops.h:29:46 cuda/x86-intrinsic',
    ]);
  });
});
