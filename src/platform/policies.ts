/**
 * Declarative authorization. Each resource's policy says, for one principal and one record,
 * what may be seen and done. Routes check `read` first (404 when false, so nothing leaks that
 * a record exists), then the ability (403). Responses carry the abilities, so the UI never
 * re-implements permissions.
 */
import { forbidden, notFound } from './errors.ts';

import { roles, roleLabels, type Role } from '../domain/vocabulary.ts';

export { roles, roleLabels, type Role };

export interface Principal {
  userId: string;
  username: string;
  displayName: string;
  roles: Role[];
  /** the org the user belongs to; the root of their scope */
  orgId: string;
  /** the org subtree the user acts in */
  scope: Set<string>;
}

const has = (p: Principal, ...r: Role[]) => r.some((x) => p.roles.includes(x));
const inScope = (p: Principal, orgId: string | null | undefined) => !!orgId && p.scope.has(orgId);

export const orgPolicy = (p: Principal, org: { id: string }) => ({
  read: inScope(p, org.id),
  update: inScope(p, org.id) && has(p, 'admin'),
  createChild: inScope(p, org.id) && has(p, 'admin'),
  viewRecord: inScope(p, org.id) && has(p, 'admin', 'supervisor', 'leader'),
});

export const userPolicy = (p: Principal, user: { id: string; orgId: string }) => {
  const self = p.userId === user.id;
  const admin = inScope(p, user.orgId) && has(p, 'admin');
  return {
    read: self || admin || (inScope(p, user.orgId) && has(p, 'supervisor')),
    update: admin && !self,
    resetPassword: admin && !self,
    viewRecord: admin || (inScope(p, user.orgId) && has(p, 'supervisor')),
  };
};

export const officerPolicy = (p: Principal, officer: { orgId: string }) => {
  const visible = inScope(p, officer.orgId);
  const admin = visible && has(p, 'admin');
  return {
    read: visible,
    update: admin,
    issueCertificate: admin,
    changeCertificateStatus: admin,
    recordTraining: admin,
    uploadEvidence: visible && has(p, 'admin', 'officer'),
    viewRecord: visible,
  };
};

export const recordPolicy = (p: Principal) => ({
  listAll: has(p, 'admin', 'supervisor'),
  signTreeHead: has(p, 'admin'),
});

/** What the menu may show: derived from the same policies, never re-implemented by the client. */
export const menuAbilities = (p: Principal) => ({
  orgs: true,
  users: has(p, 'admin', 'supervisor'),
  createUser: has(p, 'admin'),
  officers: true,
  createOfficer: has(p, 'admin'),
  record: recordPolicy(p).listAll,
  treeHeads: true,
  signTreeHead: recordPolicy(p).signTreeHead,
});

/** Throws 404 unless the record is visible, then 403 unless the ability holds. */
export function authorize<A extends { read: boolean }>(abilities: A, ability?: keyof A, what = '资源'): void {
  if (!abilities.read) throw notFound(what);
  if (ability && !abilities[ability]) throw forbidden();
}

export function requireRole(p: Principal, ...r: Role[]): void {
  if (!has(p, ...r)) throw forbidden();
}
