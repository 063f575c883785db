/** The portal's two static assets: its style sheet and its verification script (built at install time, see script.ts). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http.ts';
import { PORTAL_SCRIPT_FILE, readPortalScript } from './script.ts';
import { portalRoute } from './site.ts';

export function registerAssets(app: App, scriptFile = PORTAL_SCRIPT_FILE) {
  const css = readFileSync(join(import.meta.dirname, 'assets', 'portal.css'), 'utf8');
  let script = readPortalScript(scriptFile);
  if (script === null) {
    app.log.warn(`公示平台的核验脚本尚未构建（缺少 ${scriptFile}）：页面照常可用，“在浏览器中核验”按钮不会出现。请运行 npm run build:portal`);
  }

  app.get('/portal/assets/portal.css', portalRoute, async (_req, reply) => {
    reply.header('cache-control', 'public, max-age=3600');
    return reply.type('text/css; charset=utf-8').send(css);
  });
  app.get('/portal/assets/verify.js', portalRoute, async (_req, reply) => {
    // built after the server started (npm run build:portal): picked up without a restart
    script ??= readPortalScript(scriptFile);
    if (script === null) throw new AppError('PORTAL_SCRIPT_MISSING');
    reply.header('cache-control', 'public, max-age=3600');
    return reply.type('text/javascript; charset=utf-8').send(script);
  });
}
