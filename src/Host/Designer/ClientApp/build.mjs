// Bundles the designer into the host's wwwroot (designer.js + designer.css), or, with --tests, the unit tests
// into .test-out/ for `node --test`. Any esbuild warning fails the build, as warnings do in the .NET projects.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const forTests = process.argv.includes('--tests');

const options = forTests
  ? {
      entryPoints: readdirSync(path.join(here, 'tests'))
        .filter((f) => f.endsWith('.test.ts'))
        .map((f) => path.join(here, 'tests', f)),
      outdir: path.join(here, '.test-out'),
      outExtension: { '.js': '.mjs' },
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
    }
  : {
      entryPoints: { designer: path.join(here, 'src', 'main.tsx') },
      outdir: path.resolve(here, '..', '..', 'wwwroot', 'designer'),
      format: 'esm',
      target: ['es2022'],
      minify: true,
      legalComments: 'none',
      define: { 'process.env.NODE_ENV': '"production"' },
    };

if (forTests) {
  rmSync(options.outdir, { recursive: true, force: true });
}

const result = await esbuild.build({ ...options, bundle: true, jsx: 'automatic', logLevel: 'warning' });
if (result.warnings.length > 0) {
  console.error(`error: esbuild reported ${result.warnings.length} warning(s); treated as errors.`);
  process.exit(1);
}
