import assert from 'node:assert/strict';
import { cmakeAnalyzer } from '../../../../src/analyzers/cmake';
import type { Analyzer } from '../../../../src/core/rule';
import { DEFAULT_CONFIG } from '../../../../src/core/config';
import { SourceDocument } from '../../../../src/core/document';
import { analyzeDocument } from '../../../../src/core/engine';
import { ruleTester } from '../../rule-tester';

ruleTester(cmakeAnalyzer as Analyzer, 'cmake/cuda-build', {
  filename: 'CMakeLists.txt',
  valid: [
    { name: 'CPU project', code: 'cmake_minimum_required(VERSION 3.18)\nproject(app LANGUAGES C CXX)\nadd_executable(app main.cpp)\n' },
    { name: 'comments', code: '# project(app LANGUAGES CXX CUDA)\n#[[ find_package(CUDAToolkit)\nset(CMAKE_CUDA_ARCHITECTURES 80) ]]\nproject(app CXX)\n' },
    { name: 'message strings are not flags... unless they are words of a flag list', code: 'message(STATUS "CUDA support is optional")\noption(USE_CUDA "Build with CUDA" OFF)\n' },
    { name: 'a project named CUDA-something', code: 'project(CUDA)\n' },
    { name: 'Apple -arch', code: 'set(CMAKE_C_FLAGS "-arch x86_64 -arch arm64")\n' },
    { name: 'reading the architectures is not setting them', code: 'if(CMAKE_CUDA_ARCHITECTURES)\nendif()\n' },
  ],
  invalid: [
    {
      code: 'cmake_minimum_required(VERSION 3.24)\nproject(kernels LANGUAGES CXX CUDA)\nfind_package(CUDAToolkit REQUIRED)\nset(CMAKE_CUDA_ARCHITECTURES 80 90)\nadd_library(k STATIC add.cu)\ntarget_link_libraries(k PRIVATE CUDA::cudart CUDA::cublas)\n',
      errors: [
        { line: 2, column: 31, endColumn: 35, message: /project language/ },
        { line: 3, column: 14, endColumn: 25, message: /CUDAToolkit/ },
        { line: 4, column: 5, endColumn: 29, message: /architectures/ },
        { line: 6, column: 33, endColumn: 45, message: /CUDA::cudart/ },
        { line: 6, column: 46, endColumn: 58 },
      ],
    },
    {
      name: 'a library named twice in one command is one finding; another command is another site',
      code: 'target_link_libraries(app PRIVATE CUDA::cudart CUDA::cublas CUDA::cudart cudnn cudnn)\ntarget_link_libraries(k PUBLIC CUDA::cudart)\n',
      errors: [
        { line: 1, column: 35, endColumn: 47, message: /CUDA::cudart/ },
        { line: 1, column: 48, endColumn: 60, message: /CUDA::cublas/ },
        { line: 1, column: 74, endColumn: 79, message: /cudnn/ },
        { line: 2, column: 32, endColumn: 44, message: /CUDA::cudart/ },
      ],
    },
    {
      name: 'nvcc flags inside quoted strings and generator expressions',
      code: 'enable_language(CUDA)\nset(CMAKE_CUDA_FLAGS "${CMAKE_CUDA_FLAGS} -arch=sm_80 --use_fast_math")\ntarget_compile_options(k PRIVATE $<$<COMPILE_LANGUAGE:CUDA>:--expt-relaxed-constexpr>)\nlist(APPEND CUDA_NVCC_FLAGS -gencode arch=compute_70,code=sm_70)\n',
      errors: [
        { line: 1, column: 17, endColumn: 21 },
        { line: 2, column: 43, endColumn: 54, message: /sm_80/ },
        { line: 2, column: 55, endColumn: 70, message: /use_fast_math/ },
        { line: 3, column: 61, endColumn: 85 },
        { line: 4, column: 29, endColumn: 37, message: /-gencode/ },
      ],
    },
    {
      name: 'legacy FindCUDA, cuDNN, bare library names',
      filename: 'cmake/deps.cmake',
      code: 'find_package(CUDA 11 REQUIRED)\nfind_package(cuDNN)\ncuda_add_library(ops ops.cu)\ntarget_link_libraries(ops cudnn nccl ${CUDA_LIBRARIES})\n',
      errors: [
        { line: 1, column: 14, endColumn: 18 },
        { line: 2, column: 14, endColumn: 19 },
        { line: 3, column: 1, endColumn: 17, message: /FindCUDA/ },
        { line: 4, column: 27, endColumn: 32 },
        { line: 4, column: 33, endColumn: 37 },
        { line: 4, column: 38, endColumn: 55 },
      ],
    },
  ],
});

describe('cmake parser on a broken file', () => {
  it('gives one clear error and no findings', async () => {
    const doc = new SourceDocument('CMakeLists.txt', 'project(app LANGUAGES CUDA\nfind_package(CUDAToolkit\n');
    const result = await analyzeDocument(doc, [cmakeAnalyzer as Analyzer], DEFAULT_CONFIG);
    assert.equal(result.errors.length, 1);
    assert.match(result.errors[0].message, /could not parse as cmake: unterminated project\( starting at line 1/);
    assert.deepEqual(result.findings, []);
  });
});
