import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { bundleLambda, LAMBDA_BUILD_OPTIONS } from '../deploy/bundle';
import type { BenchResult } from './result';

const RUNS = 10;

/** Milliseconds for a fresh `node` process to `require` the bundle (median of RUNS). */
function medianLoadMs(file: string): number {
  const script = `const t = process.hrtime.bigint(); require(${JSON.stringify(file)}); process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e6));`;
  const samples = Array.from({ length: RUNS }, () =>
    Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })),
  );
  samples.sort((a, b) => a - b);
  return ((samples[RUNS / 2 - 1] ?? 0) + (samples[RUNS / 2] ?? 0)) / 2;
}

/** The Lambda bundle's size, and how long it takes to load cold against a bare Bolt app bundled the same way. */
export async function benchLambda(): Promise<BenchResult[]> {
  const ours = await bundleLambda();
  const baselineFile = join(__dirname, 'results', 'bare-bolt-lambda.js');
  await build({
    ...LAMBDA_BUILD_OPTIONS,
    entryPoints: [join(__dirname, 'fixtures', 'bare-bolt-lambda.ts')],
    outfile: baselineFile,
  });
  const oursMs = medianLoadMs(ours.file);
  const baselineMs = medianLoadMs(baselineFile);
  return [
    {
      name: 'lambda: bundle size (minified)',
      value: Number((ours.bytes / 1_000_000).toFixed(2)),
      unit: 'MB',
      target: '≤ 3',
    },
    {
      name: 'lambda: bare Bolt bundle size (same build)',
      value: Number((statSync(baselineFile).size / 1_000_000).toFixed(2)),
      unit: 'MB',
    },
    { name: `lambda: cold module load, median of ${RUNS}`, value: Number(oursMs.toFixed(1)), unit: 'ms' },
    { name: `lambda: bare Bolt cold load, median of ${RUNS}`, value: Number(baselineMs.toFixed(1)), unit: 'ms' },
    {
      name: 'lambda: load time ours / bare Bolt',
      value: Number((oursMs / baselineMs).toFixed(2)),
      unit: 'ratio',
      target: '≤ 1.5',
    },
  ];
}
