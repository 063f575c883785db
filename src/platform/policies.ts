/**
 * Declarative authorization. Each resource's policy says, for one principal and one record,
 * what may be seen and done. Routes check `read` first (404 when false, so nothing leaks that
 * a record exists), then the ability (403). Responses carry the abilities, so the UI never
 * re-implements permissions.
 */
import { forbidden, notFound } from './errors.ts';

import { caseActs, type CaseActId } from '../domain/cases/rules.ts';
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
  /** 重大执法决定法制审核目录清单 of an enforcement body in the caller's subtree */
  setMajorCatalogue: inScope(p, org.id) && has(p, 'admin', 'legalReviewer'),
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
    /** 执法检查人员名录库: the inspector's availability and declared relations (回避) */
    manageInspector: visible && has(p, 'admin', 'leader'),
  };
};

/** 案件线索: who registers a lead (the case has no policy before it exists). The menu and open-case ask this. */
export const leadPolicy = (p: Principal) => ({
  open: has(p, 'officer', 'admin'),
});

/**
 * 权责清单: a body's items are read in its subtree and, read-only, by the units below it (a station
 * applies its bureau's list); admins and legal reviewers of the body maintain them.
 */
export const powerItemPolicy = (p: Principal, item: { bodyId: string }, ancestors: ReadonlySet<string>) => {
  const own = inScope(p, item.bodyId);
  const read = own || ancestors.has(item.bodyId);
  const manage = own && has(p, 'admin', 'legalReviewer');
  return { read, amend: manage, remove: manage, viewRecord: read };
};

/** May the caller add items to (or import into) this enforcement body's list? */
export const powerListPolicy = (p: Principal, body: { id: string }) => ({
  add: inScope(p, body.id) && has(p, 'admin', 'legalReviewer'),
});

/**
 * Reference data that every district's work depends on — the working-day calendar every deadline is
 * counted on, the law library every citation points into, the signed tree heads of the one record —
 * belongs to the platform administrator (平台管理员), not to a district's administrator or legal reviewer.
 */
export const platformDataPolicy = (p: Principal) => ({
  editCalendar: has(p, 'platformAdmin'),
  signTreeHead: has(p, 'platformAdmin'),
});

/** 法律法规数据库: reference data of the whole platform, read by everyone, maintained by the platform administrator. */
export const lawLibraryPolicy = (p: Principal) => ({
  read: true,
  import: has(p, 'platformAdmin'),
  repeal: has(p, 'platformAdmin'),
  viewRecord: true,
});

/**
 * 依据变更: a flag is seen where its subject is (the org subtree, and the units below the org, like
 * power items); admins and legal reviewers who see it clear it (法制审核 serves the body above the unit).
 */
export const basisFlagPolicy = (p: Principal, flag: { orgId: string | null }, ancestors: ReadonlySet<string>) => {
  const read = flag.orgId === null || inScope(p, flag.orgId) || ancestors.has(flag.orgId);
  return { read, clear: read && has(p, 'admin', 'legalReviewer') };
};

/**
 * 违法行为: the catalogue is reference data read by everyone signed in; admins and legal reviewers of
 * the owner org's subtree maintain it.
 */
export const violationPolicy = (p: Principal, v: { ownerOrgId: string }) => ({
  read: true,
  update: inScope(p, v.ownerOrgId) && has(p, 'admin', 'legalReviewer'),
  addBenchmark: has(p, 'admin', 'legalReviewer'),
  viewRecord: true,
});

/**
 * 裁量基准 and 较大数额 adopted by an org: read in its subtree and, read-only, by the units below it
 * (a station applies its bureau's benchmarks); maintained by admins and legal reviewers of the org.
 */
export const benchmarkPolicy = (p: Principal, b: { orgId: string }, ancestors: ReadonlySet<string>) => {
  const own = inScope(p, b.orgId);
  const read = own || ancestors.has(b.orgId);
  return { read, update: own && has(p, 'admin', 'legalReviewer'), viewRecord: read };
};

/**
 * 文书: an issued instrument is seen in the issuing body's subtree and by whoever may see the record of
 * the matter it belongs to (a station's officers see the decision their bureau issued in their case).
 */
export const instrumentPolicy = (p: Principal, i: { orgId: string }, matterRecordVisible: boolean) => {
  const read = inScope(p, i.orgId) || matterRecordVisible;
  return { read, download: read };
};

/**
 * 双随机、一公开: a body's item list, pools, plans and tasks are read in its subtree and, read-only, by
 * the units below it; its admins and leaders manage them; an inspector drawn for a target (or an admin
 * of the body) enters that target's result.
 */
export const inspectionPolicy = (p: Principal, x: { bodyId: string }, ancestors: ReadonlySet<string>) => {
  const own = inScope(p, x.bodyId);
  const read = own || ancestors.has(x.bodyId);
  return { read, manage: own && has(p, 'admin', 'leader'), enterResults: own && has(p, 'admin'), viewRecord: read };
};

/**
 * 行政处罚案件: `visible` is the case workflow's visibility (the unit's subtree, and the legal reviewers, leaders
 * and supervisors of the body's chain). Each act follows the case's state and the caller's roles; a case that is
 * 办结 (a final state: 已归档, 不予立案) takes nothing more — no evidence file either. The case file's `abilities`
 * and the generic evidence upload both ask this function.
 */
export const casePolicy = (p: Principal, c: { state: string; final: boolean; fineFen: number }, visible: boolean) => {
  const open = visible && !c.final;
  const may = (act: CaseActId) => {
    const a: (typeof caseActs)[CaseActId] = caseActs[act];
    const inState = a.states === null || (a.states as readonly string[]).includes(c.state);
    const afterFinal = 'afterFinal' in a && a.afterFinal;
    return visible && (!c.final || afterFinal) && inState && (!a.needsFine || c.fineFen > 0) && has(p, ...a.roles);
  };
  // one ability per act of the table (domain/cases/rules.ts): the act's command (actOnCase) asks the same
  const acts = Object.fromEntries((Object.keys(caseActs) as CaseActId[]).map((act) => [act, may(act)])) as Record<CaseActId, boolean>;
  return {
    read: visible,
    viewRecord: visible,
    ...acts,
    uploadEvidence: open && has(p, 'officer', 'admin'),
  };
};

/**
 * 行政执法公示: a publication is seen by the staff of the publishing body's subtree and by whoever sees the matter it
 * publishes (`source.read`: for a decision, the case's unit and the body's legal reviewers, leaders and supervisors;
 * for an inspection result, the units below the body too); its transitions — each then by the roles the workflow
 * names — by the body's staff and by whoever may act on that matter (`source.act`: whoever sees the case; for an
 * inspection result, those who manage the task, i.e. the body's own staff). An officer of another unit, whose case
 * it is not, gets 404 as for the case. Nothing is uploaded to a publication: its content comes from the decision.
 */
export const publicationPolicy = (p: Principal, pub: { bodyId: string }, source: { read: boolean; act: boolean }) => {
  const own = inScope(p, pub.bodyId);
  const read = own || source.read;
  return { read, transition: read && (own || source.act), viewRecord: read, uploadEvidence: false };
};

/**
 * 双公示 export (行政处罚信息 for the credit platform): the file carries natural persons' full resident ids, so of
 * the staff who see a body's exports — those of a body in their subtree, or of the enforcement body they act under
 * (法制科 and the stations export their bureau's) — only administrators, leaders and legal reviewers create, list and
 * download them; another district's body is invisible (404). `actsUnder` is `enforcementBodyOf(p.orgId)`. The create
 * route, the list, the download and the console's 双公示导出 tab ask this function.
 */
export const creditExportPolicy = (p: Principal, body: { id: string }, actsUnder: string | null) => {
  const read = inScope(p, body.id) || body.id === actsUnder;
  const may = read && has(p, 'admin', 'leader', 'legalReviewer');
  return { read, create: may, list: may, download: may };
};

export const recordPolicy = (p: Principal) => ({
  listAll: has(p, 'admin', 'supervisor'),
  signTreeHead: platformDataPolicy(p).signTreeHead,
});

/**
 * 访问日志 (the personal-data access log): supervisors (执法监督人员) and administrators search it; each sees the reads
 * made by users whose org is in their own subtree (a city supervisor: the city's and every district's staff; a
 * district's administrator: the district's; nobody a sibling district's).
 */
export const accessLogPolicy = (p: Principal) => ({
  search: has(p, 'supervisor', 'admin'),
});

/** What the menu may show: derived from the same policies, never re-implemented by the client. */
/**
 * 统计指标 (the figure catalogue): the figures of an org subtree — and the records behind each number — are read by
 * whoever's scope holds the org, and by the legal reviewers, leaders, supervisors and administrators of the
 * enforcement body they act under (the 法制科 reports for its bureau); the same people, except officers, compute and
 * keep a figure set (the numbers of a report, with the record's tree head).
 */
export const figurePolicy = (p: Principal, org: { id: string }, actsUnder: string | null) => {
  const read = inScope(p, org.id) || (org.id === actsUnder && has(p, 'legalReviewer', 'leader', 'supervisor', 'admin'));
  return { read, computeSet: read && has(p, 'legalReviewer', 'leader', 'supervisor', 'admin') };
};

export const menuAbilities = (p: Principal) => ({
  orgs: true,
  users: has(p, 'admin', 'supervisor'),
  createUser: has(p, 'admin'),
  officers: true,
  createOfficer: has(p, 'admin'),
  openCase: leadPolicy(p).open,
  record: recordPolicy(p).listAll,
  treeHeads: true,
  signTreeHead: recordPolicy(p).signTreeHead,
  powers: true,
  managePowers: has(p, 'admin', 'legalReviewer'),
  laws: true,
  manageLaws: lawLibraryPolicy(p).import,
  basisFlags: has(p, 'admin', 'legalReviewer', 'leader', 'supervisor'),
  discretion: true,
  manageDiscretion: has(p, 'admin', 'legalReviewer'),
  inspections: true,
  manageInspections: has(p, 'admin', 'leader'),
  publicity: true,
  normativeDocuments: true,
  majorDecisions: true,
  consultations: true,
  fairCompetition: true,
  legality: true,
  contracts: true,
  legislativeConsultations: has(p, 'admin', 'legalReviewer', 'leader', 'supervisor'),
  // the tab: the caller may export for their own org (the routes then ask the policy for the body at hand)
  exportCredit: creditExportPolicy(p, { id: p.orgId }, p.orgId).create,
  accessLog: accessLogPolicy(p).search,
  figures: true,
  // 投诉举报 (modules/complaints): the handlers and those who oversee them
  complaints: has(p, 'officer', 'leader', 'supervisor', 'admin'),
  computeFigureSet: figurePolicy(p, { id: p.orgId }, null).computeSet,
  // 行政复议和行政应诉: the list (each row by remedyPolicy), registering by the legal office and leaders
  remedies: has(p, 'legalReviewer', 'leader', 'supervisor', 'admin', 'officer'),
  registerRemedies: has(p, 'legalReviewer', 'leader'),
  // 年度报告: the body's legal office, leaders, administrators, and supervisors above (modules/annualReports/access.ts)
  annualReports: has(p, 'legalReviewer', 'leader', 'admin', 'supervisor'),
  disclosure: has(p, 'admin', 'legalReviewer', 'leader', 'supervisor'),
  recommendations: true,
});

/** Throws 404 unless the record is visible, then 403 unless the ability holds. */
export function authorize<A extends { read: boolean }>(abilities: A, ability?: keyof A, what = '资源'): void {
  if (!abilities.read) throw notFound(what);
  if (ability && !abilities[ability]) throw forbidden();
}

export function requireRole(p: Principal, ...r: Role[]): void {
  if (!has(p, ...r)) throw forbidden();
}
