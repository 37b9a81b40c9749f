import { cmakeAnalyzer } from '../../../../src/analyzers/cmake';
import type { Analyzer } from '../../../../src/core/rule';
import { ruleTester } from '../../rule-tester';

ruleTester(cmakeAnalyzer as Analyzer, 'cmake/x86-build', {
  filename: 'CMakeLists.txt',
  valid: [
    { name: '-march=native is portable', code: 'set(CMAKE_CXX_FLAGS "${CMAKE_CXX_FLAGS} -O3 -march=native")\n' },
    { name: 'Arm flags', code: 'target_compile_options(app PRIVATE -mcpu=neoverse-v1 -march=armv8.2-a+sve)\n' },
    { name: 'comment', code: '# add_compile_options(-mavx2)\nproject(app CXX)\n' },
    {
      name: 'flags inside an x86-only branch',
      code: 'if(CMAKE_SYSTEM_PROCESSOR MATCHES "x86_64|AMD64")\n  add_compile_options(-mavx2 -mfma)\nelseif(CMAKE_SYSTEM_PROCESSOR MATCHES "aarch64")\n  add_compile_options(-mcpu=native)\nendif()\n',
    },
    { name: 'else of an Arm check', code: 'if(CMAKE_SYSTEM_PROCESSOR STREQUAL "aarch64")\n  set(F "-mcpu=neoverse-n1")\nelse()\n  set(F "-msse4.2")\nendif()\n' },
    { name: 'MSVC branch', code: 'if(MSVC)\n  add_compile_options(/arch:AVX2)\nendif()\n' },
    { name: 'oneDNN is portable', code: 'find_package(dnnl REQUIRED)\n' },
  ],
  invalid: [
    {
      name: 'a toolchain flag list is one finding, not one per flag',
      code: 'set(CMAKE_CXX_FLAGS_INIT "-O2 -march=haswell -msse4.2 -mavx -mavx2 -mfma -mno-avx512f")\n',
      errors: [{ line: 1, column: 31, endColumn: 86, message: /6 x86 instruction-set\/target flags: `-march=haswell` `-msse4.2` `-mavx` `-mavx2` and 2 more/ }],
    },
    {
      code: 'project(app CXX)\nset(CMAKE_CXX_FLAGS "${CMAKE_CXX_FLAGS} -mavx2 -mfma -march=haswell")\nadd_compile_options(-msse4.2)\n',
      errors: [
        { line: 2, column: 41, endColumn: 47, message: /-mavx2/ },
        { line: 2, column: 48, endColumn: 53 },
        { line: 2, column: 54, endColumn: 68, message: /x86 target flag/ },
        { line: 3, column: 21, endColumn: 29 },
      ],
    },
    {
      name: 'MKL package and link targets, flags under a feature option',
      code: 'find_package(MKL CONFIG REQUIRED)\ntarget_link_libraries(app PRIVATE MKL::MKL mkl_rt)\nif(USE_AVX512)\n  target_compile_options(app PRIVATE -mavx512f)\nendif()\n',
      errors: [
        { line: 1, column: 14, endColumn: 17, effort: 'medium' },
        { line: 2, column: 35, endColumn: 43 },
        { line: 2, column: 44, endColumn: 50 },
        { line: 4, column: 38, endColumn: 47 },
      ],
    },
  ],
});
