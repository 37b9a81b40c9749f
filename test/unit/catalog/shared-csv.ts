import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/** The shared, sourced CSV the catalog is generated from; absent in a clone without ../shared. */
export const PROJECT_ROOT = path.resolve(__dirname, '../../..');
export const SHARED_CSV = path.resolve(PROJECT_ROOT, '../shared/data/ec2-catalog/instances.csv');

export interface CsvRow {
  instanceType: string;
  region: string;
  vcpus: number;
  memoryGiB: number;
  acceleratorName: string;
  acceleratorCount: number | undefined;
  price: number;
}

export function readSharedCsv(): CsvRow[] | undefined {
  if (!existsSync(SHARED_CSV)) return undefined;
  const lines = readFileSync(SHARED_CSV, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
  return lines.slice(1).map((line) => {
    const [instanceType, region, vcpus, memoryGiB, acceleratorName, acceleratorCount, price] = line.split(',') as string[];
    return {
      instanceType: instanceType!,
      region: region!,
      vcpus: Number(vcpus),
      memoryGiB: Number(memoryGiB),
      acceleratorName: acceleratorName!,
      acceleratorCount: acceleratorCount === '' ? undefined : Number(acceleratorCount),
      price: Number(price),
    };
  });
}
