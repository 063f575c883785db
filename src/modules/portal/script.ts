/**
 * The portal's one browser script (browser/verify.ts), bundled at install time — `npm run build:portal`,
 * part of `prepare` and `build:web` — into web/dist/portal/verify.js, which the server only reads.
 * Run as a program (`tsx src/modules/portal/script.ts [out-file]`) it builds; esbuild is loaded only then.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PORTAL_SCRIPT_FILE = join(import.meta.dirname, '..', '..', '..', 'web', 'dist', 'portal', 'verify.js');

/** Bundles browser/verify.ts (one minified IIFE, ES2020) into `outfile`. */
export async function buildPortalScript(outfile = PORTAL_SCRIPT_FILE): Promise<string> {
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: [join(import.meta.dirname, 'browser', 'verify.ts')],
    outfile,
    bundle: true,
    format: 'iife',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  return outfile;
}

/** The built script, or null when it has not been built. */
export function readPortalScript(file = PORTAL_SCRIPT_FILE): string | null {
  return existsSync(file) ? readFileSync(file, 'utf8') : null;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = await buildPortalScript(process.argv[2] ? resolve(process.argv[2]) : undefined);
  console.log(`公示平台核验脚本已构建：${out}`);
}
