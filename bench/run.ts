/**
 * Benchmarks (`npm run bench`): prints a table and writes bench/results/latest.json.
 * Each benchmark is registered in BENCHMARKS as features arrive.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  target?: string;
  note?: string;
}

const BENCHMARKS: Array<() => Promise<BenchResult[]>> = [];

async function main(): Promise<void> {
  if (BENCHMARKS.length === 0) {
    console.log('no benchmarks yet');
    return;
  }
  const results: BenchResult[] = [];
  for (const bench of BENCHMARKS) results.push(...(await bench()));
  console.table(results);
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'latest.json'), `${JSON.stringify({ at: new Date().toISOString(), results }, null, 2)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
