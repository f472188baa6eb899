/**
 * Bundles the Lambda code (src/lambda.ts) with esbuild into deploy/dist/lambda/index.js, minified,
 * for Node.js 22. The embedded engine (dynalite) is left out: Lambda always uses the state table.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { type BuildOptions, build } from 'esbuild';

export const LAMBDA_BUNDLE_DIR = join(__dirname, 'dist', 'lambda');

export const LAMBDA_BUILD_OPTIONS: BuildOptions = {
  bundle: true,
  minify: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  external: ['dynalite'],
  legalComments: 'none',
  logLevel: 'warning',
};

export async function bundleLambda(): Promise<{ file: string; bytes: number }> {
  const file = join(LAMBDA_BUNDLE_DIR, 'index.js');
  await build({ ...LAMBDA_BUILD_OPTIONS, entryPoints: [join(__dirname, '..', 'src', 'lambda.ts')], outfile: file });
  return { file, bytes: statSync(file).size };
}

if (require.main === module) {
  bundleLambda()
    .then(({ file, bytes }) => console.log(`Bundled ${file}: ${(bytes / 1024 / 1024).toFixed(2)} MiB`))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
