/** The signed-in user as the console sees it: GET /api/auth/me, and the same answer inlined into the console's page. */
import type { AppContext } from '../../platform/context.ts';
import { principalForSession } from '../../platform/auth/sessions.ts';
import { menuAbilities, type Principal, roleLabels, type roles } from '../../platform/policies.ts';

export async function currentSession(ctx: AppContext, p: Principal, csrfToken: string) {
  const r = await ctx.db.query<{
    id: string;
    username: string;
    display_name: string;
    org_id: string;
    org_name: string;
    roles: (typeof roles)[number][];
    must_change_password: boolean;
  }>(
    'select u.id, u.username, u.display_name, u.org_id, o.name as org_name, u.roles, u.must_change_password from users u join orgs o on o.id = u.org_id where u.id = $1',
    [p.userId],
  );
  const u = r.rows[0];
  return {
    user: {
      id: u.id,
      username: u.username,
      displayName: u.display_name,
      orgId: u.org_id,
      orgName: u.org_name,
      roles: u.roles,
      roleLabels: u.roles.map((x) => roleLabels[x]),
    },
    csrfToken,
    mustChangePassword: u.must_change_password,
    abilities: menuAbilities(p),
  };
}

/**
 * The console's page with the session of its request inlined, so the console starts without asking
 * /api/auth/me first: `<script type="application/json" id="fazhi-session">` (data, never executed, so the CSP's
 * script-src 'self' allows it) holding what /api/auth/me answers, or null without a valid session. `<` is escaped,
 * so no value can close the element. The caller sends it with Cache-Control: no-store.
 */
export async function consolePage(ctx: AppContext, html: string, sessionToken: string | undefined): Promise<string> {
  const s = sessionToken ? await principalForSession(ctx.db, sessionToken, ctx.config.sessionIdleMinutes) : null;
  const session = s ? await currentSession(ctx, s.principal, s.csrfToken) : null;
  const json = JSON.stringify(session).replace(/</g, '\\u003c');
  const tag = `<script type="application/json" id="fazhi-session">${json}</script>`;
  return html.includes('</head>') ? html.replace('</head>', () => `${tag}</head>`) : `${tag}${html}`;
}
