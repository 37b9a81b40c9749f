/**
 * A workspace whose file names, folder names and configuration values carry HTML, script,
 * Markdown, CSV-formula and terminal-escape payloads, placed where the analyzers copy them into
 * findings (file paths, resource labels, service and task names) and errors (a broken notebook).
 */
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const PY = 'import torch\nmodel = Net().cuda()\n';

/** Payload strings that must show up in reports as inert text. */
export const PAYLOADS = {
  imgFile: '<img src=x onerror=alert(1)>.py',
  scriptFolder: '"><script>alert(1)</script>',
  tdLabel: '</td><img src=x onerror=alert(2)>',
  jsUrlFile: 'javascript:alert(3).py',
  mdFile: 'x</td><td>y`|`[click](javascript:alert(4))|.py',
  composeService: '<img src=x onerror=alert(5)>',
  ecsFamily: '<script>alert(6)</script>|`x`',
  brokenNotebook: 'broken/<svg onload=alert(7)>.ipynb',
  formulaFile: '=HYPERLINK("x")+cmd|calc.py',
  ansiFile: '\u001b[31mRED\u001b[0m\u001b]0;pwned\u0007.py',
  ansiService: '\u001b[2J\u001b[31mclear',
  ecsContainer: '\u001b[31mred\u009b31m',
  crlfFile: 'line\nbreak\rname.py',
} as const;

async function write(root: string, rel: string, content: string): Promise<boolean> {
  try {
    await fs.mkdir(path.dirname(path.join(root, rel)), { recursive: true });
    await fs.writeFile(path.join(root, rel), content);
    return true;
  } catch {
    return false; // a file system that refuses the name (CR/LF, ':' on some systems)
  }
}

export interface HostileWorkspace {
  root: string;
  /** Relative paths (forward slashes) of the payload-named files the file system accepted. */
  files: string[];
}

export async function createHostileWorkspace(): Promise<HostileWorkspace> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'aa-inject-'));
  const files: string[] = [];
  const add = async (rel: string, content: string) => {
    if (await write(root, rel, content)) files.push(rel);
  };
  await add(PAYLOADS.imgFile, PY);
  await add(`${PAYLOADS.scriptFolder}/main.tf`, `resource "aws_instance" "gpu" {\n  instance_type = "p4d.24xlarge"\n}\nresource "aws_lambda_function" "${PAYLOADS.tdLabel}" {\n  architectures = ["x86_64"]\n}\n`);
  await add(PAYLOADS.jsUrlFile, PY);
  await add(PAYLOADS.mdFile, PY);
  await add(PAYLOADS.formulaFile, PY);
  await add(PAYLOADS.ansiFile, PY);
  await add(PAYLOADS.crlfFile, PY);
  await add(
    'compose.yaml',
    `services:\n  ${JSON.stringify(PAYLOADS.composeService)}:\n    image: nvidia/cuda:12.4.0-runtime-ubuntu22.04\n    runtime: nvidia\n  ${JSON.stringify(PAYLOADS.ansiService)}:\n    image: busybox\n    runtime: nvidia\n`,
  );
  await add(
    'ecs/taskdef.json',
    JSON.stringify({
      family: PAYLOADS.ecsFamily,
      containerDefinitions: [{ name: PAYLOADS.ecsContainer, image: 'nvidia/cuda:12.4.0-base-ubuntu22.04', resourceRequirements: [{ type: 'GPU', value: '1' }] }],
    }),
  );
  await add(PAYLOADS.brokenNotebook, '{"cells": [{"cell_type": "code", "source": ["x.cuda() <script>alert(9)</script>"');
  return { root, files };
}
