/** Response schemas of authentication (认证): the signed-in user with the menu's abilities; the web console's `Session`. */
import { z } from 'zod';
import { type menuAbilities, roles } from '../../platform/policies.ts';

type MenuAbilities = ReturnType<typeof menuAbilities>;
const menuKeys = [
  'orgs',
  'users',
  'createUser',
  'officers',
  'createOfficer',
  'openCase',
  'record',
  'treeHeads',
  'signTreeHead',
  'powers',
  'managePowers',
  'laws',
  'manageLaws',
  'basisFlags',
  'discretion',
  'manageDiscretion',
  'inspections',
  'manageInspections',
  'publicity',
  'normativeDocuments',
  'majorDecisions',
  'consultations',
  'fairCompetition',
  'legality',
  'contracts',
  'legislativeConsultations',
  'exportCredit',
  'accessLog',
  'figures',
  'computeFigureSet',
  'remedies',
  'registerRemedies',
  'complaints',
  'annualReports',
  'disclosure',
  'recommendations',
] as const satisfies readonly (keyof MenuAbilities)[];
// every ability of `menuAbilities` is listed (a new one without an entry here does not compile)
type Unlisted = Exclude<keyof MenuAbilities, (typeof menuKeys)[number]>;
const allListed: [Unlisted] extends [never] ? true : Unlisted = true;
void allListed;

/** What the menu may show, from the same policies the routes enforce. */
export const ZMenuAbilities = z.object(Object.fromEntries(menuKeys.map((k) => [k, z.boolean()])) as Record<(typeof menuKeys)[number], z.ZodBoolean>);
export type TMenuAbilities = z.infer<typeof ZMenuAbilities>;

/** POST /api/auth/login and GET /api/auth/me. */
export const ZMe = z.object({
  user: z.object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    orgId: z.string(),
    orgName: z.string(),
    roles: z.array(z.enum(roles)),
    roleLabels: z.array(z.string()),
  }),
  csrfToken: z.string(),
  abilities: ZMenuAbilities,
  /** the password was set by an administrator: every other call answers 403 PASSWORD_CHANGE_REQUIRED until it is changed */
  mustChangePassword: z.boolean(),
});
export type TMe = z.infer<typeof ZMe>;
