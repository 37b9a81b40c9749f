import { dockerAnalyzer } from '../../../../src/analyzers/docker';
import type { Analyzer } from '../../../../src/core/rule';
import { ruleTester } from '../../rule-tester';

ruleTester(dockerAnalyzer as Analyzer, 'docker/platform-amd64', {
  filename: 'Dockerfile',
  valid: [
    { code: 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n', name: 'BUILDPLATFORM is multi-arch' },
    { code: 'FROM --platform=linux/arm64 python:3.11\n' },
    { code: '# FROM --platform=linux/amd64 python:3.11\nFROM python:3.11\n', name: 'in a comment' },
    { code: 'services:\n  api:\n    image: app\n    build:\n      context: .\n      platforms: [linux/amd64, linux/arm64]\n', filename: 'compose.yaml', name: 'multi-arch build platforms' },
  ],
  invalid: [
    {
      code: 'FROM --platform=linux/amd64 python:3.11-slim\n',
      errors: [{ line: 1, column: 17, endColumn: 28, output: 'FROM --platform=linux/arm64 python:3.11-slim\n' }],
    },
    {
      code: 'ARG PLATFORM=linux/amd64\nFROM --platform=${PLATFORM} ubuntu:22.04\n',
      errors: [{ line: 1, column: 14, endColumn: 25, message: /ARG PLATFORM/, output: 'ARG PLATFORM=linux/arm64\nFROM --platform=${PLATFORM} ubuntu:22.04\n' }],
    },
    {
      code: 'services:\n  db:\n    image: postgres:16\n    platform: linux/amd64\n',
      filename: 'docker-compose.override.yml',
      errors: [{ line: 4, column: 15, endColumn: 26, output: 'services:\n  db:\n    image: postgres:16\n    platform: linux/arm64\n' }],
    },
    {
      code: 'services:\n  api:\n    build:\n      context: .\n      platforms:\n        - "linux/amd64"\n',
      filename: 'compose.yml',
      errors: [{ line: 6, column: 12, endColumn: 23 }],
    },
  ],
});
