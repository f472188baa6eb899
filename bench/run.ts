/**
 * Benchmarks (`npm run bench`): prints a table and writes bench/results/latest.json.
 * Each feature adds its benchmark to BENCHMARKS.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchCostSummary } from './cost-summary';
import { benchLambda } from './lambda';
import { benchParser } from './parser';
import type { BenchResult } from './result';

const BENCHMARKS: Array<() => Promise<BenchResult[]>> = [benchParser, benchCostSummary, benchLambda];

async function main(): Promise<void> {
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
