import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertOrg } from '../src/modules/orgs/commands/create-org.ts';
import { publicationAbilities } from '../src/modules/publicity/access.ts';
import { insertUser } from '../src/modules/users/commands/create-user.ts';
import { principalForUser } from '../src/platform/auth/sessions.ts';
import { SYSTEM_ACTOR } from '../src/platform/record/ledger.ts';
import { findMatter, transition } from '../src/platform/workflow/engine.ts';
import { blobCount, client, createTestEnv, ledgerSize, login, orgIdByName, type TestEnv } from './helpers.ts';

let env: TestEnv;
type C = ReturnType<typeof client>;
let officer: C, leader: C, reviewer: C, supervisor: C, admin: C;
/** an officer of 第一市场监管所 (a sibling of the station that handles the cases) */
let siblingStation: C;
/** a user of a sibling district bureau holding every staff role */
let siblingDistrict: C;
let archivedCase: string;
let openCase: string;
let publication: string;

const PASSWORD = 'Sibling2026x';

beforeAll(async () => {
  env = await createTestEnv({ laws: true, cases: true });
  const city = await orgIdByName(env, '示例市市场监督管理局');
  const station1 = await orgIdByName(env, '第一市场监管所');
  await env.ctx.db.transaction(async (tx) => {
    const district = await insertOrg(tx, env.ctx, SYSTEM_ACTOR, {
      parentId: city,
      name: '邻区市场监督管理局',
      kind: 'bureau',
      isEnforcementBody: true,
      legalBasis: '行政处罚法 第十八条',
    });
    await insertUser(tx, env.ctx, SYSTEM_ACTOR, {
      username: 'yisuo',
      displayName: '第一所执法员',
      orgId: station1,
      roles: ['officer'],
      password: PASSWORD,
    });
    await insertUser(tx, env.ctx, SYSTEM_ACTOR, {
      username: 'linqu',
      displayName: '邻区工作人员',
      orgId: district,
      roles: ['admin', 'leader', 'legalReviewer', 'officer'],
      password: PASSWORD,
    });
  });
  [officer, leader, reviewer, supervisor, admin] = await Promise.all(
    ['zhifa', 'lingdao', 'shenhe', 'jiandu', 'admin'].map(async (u) => client(env.app, await login(env.app, u))),
  );
  siblingStation = client(env.app, await login(env.app, 'yisuo', PASSWORD));
  siblingDistrict = client(env.app, await login(env.app, 'linqu', PASSWORD));
  const caseOf = async (party: string) => (await env.ctx.db.query<{ id: string }>(`select id from cases where party ->> 'name' = $1`, [party])).rows[0].id;
  archivedCase = await caseOf('示例区鑫隆超市有限公司');
  openCase = await caseOf('示例区康源健康科技有限公司');
  publication = (await env.ctx.db.query<{ id: string }>('select id from publications where source_type = $1 and source_id = $2', ['case', archivedCase]))
    .rows[0].id;
}, 240_000);
afterAll(async () => env?.close());

const upload = (c: C, type: string, id: string, bytes = `证据 ${Math.random()}`) =>
  c.post(`/api/record/matters/${type}/${id}/evidence?fileName=${encodeURIComponent('现场照片.jpg')}&contentType=image/jpeg`, Buffer.from(bytes), {
    'content-type': 'application/octet-stream',
  });

/** Everything an upload or a transition could write. */
async function written() {
  const files = (await env.ctx.db.query<{ n: number }>('select count(*)::int as n from evidence_files')).rows[0].n;
  return { ledger: await ledgerSize(env), files, blobs: blobCount(env) };
}

const step = async (c: C, id: string, name: string, input: unknown) => {
  const m = (await findMatter(env.ctx.db, id))!;
  return c.post(`/api/publicity/publications/${id}/transitions/${name}`, { expectedVersion: m.version, input });
};

describe('the generic evidence upload asks the case’s policy', () => {
  it('refuses an archived case to the leader, the legal reviewer, the city supervisor, the admin and its own officer; nothing is written', async () => {
    const file = (await officer.get(`/api/cases/${archivedCase}`)).body;
    expect(file.matter.state).toBe('archived');
    expect(file.abilities.uploadEvidence).toBe(false);
    const before = await written();
    for (const [who, c] of Object.entries({ leader, reviewer, supervisor, admin, officer })) {
      expect((await c.get(`/api/cases/${archivedCase}`)).status, who).toBe(200);
      const r = await upload(c, 'case', archivedCase);
      expect(r.status, `${who}: ${JSON.stringify(r.body)}`).toBe(403);
      expect(r.body.error.code).toBe('FORBIDDEN');
      expect(r.body.error.message).toContain('已归档');
      expect((await c.get(`/api/record/matters/case/${archivedCase}`)).body.canUploadEvidence, who).toBe(false);
    }
    expect(await written()).toEqual(before);
  });

  it('on an open case: its officer uploads; roles without the ability get 403, a sibling station and a sibling district 404 — nothing written', async () => {
    const file = (await officer.get(`/api/cases/${openCase}`)).body;
    expect(file.matter.final).toBe(false);
    expect(file.abilities.uploadEvidence).toBe(true);
    const before = await written();
    for (const [who, c] of Object.entries({ leader, reviewer, supervisor })) {
      expect((await c.get(`/api/cases/${openCase}`)).body.abilities.uploadEvidence, who).toBe(false);
      const r = await upload(c, 'case', openCase);
      expect(r.status, `${who}: ${JSON.stringify(r.body)}`).toBe(403);
      expect(r.body.error.code).toBe('FORBIDDEN');
    }
    for (const [who, c] of Object.entries({ siblingStation, siblingDistrict })) {
      expect((await c.get(`/api/cases/${openCase}`)).status, who).toBe(404);
      const r = await upload(c, 'case', openCase);
      expect(r.status, `${who}: ${JSON.stringify(r.body)}`).toBe(404);
      expect(JSON.stringify(r.body)).not.toContain('康源');
    }
    expect(await written()).toEqual(before);

    const ok = await upload(officer, 'case', openCase, 'the officer’s photo of the shop');
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body).toMatchObject({ matterType: 'case', matterId: openCase, fileName: '现场照片.jpg' });
    const after = await written();
    expect(after).toEqual({ ledger: before.ledger + 1, files: before.files + 1, blobs: before.blobs + 1 });
    const record = (await officer.get(`/api/record/matters/case/${openCase}`)).body;
    expect(record.canUploadEvidence).toBe(true);
    expect(record.entries.at(-1)).toMatchObject({ eventType: 'evidence.uploaded', actorName: '王志强' });
  });
});

describe('a publication takes no evidence', () => {
  it('refuses every staff member who sees it (403) and those who do not (404); nothing is written', async () => {
    const before = await written();
    for (const [who, c] of Object.entries({ officer, leader, reviewer, supervisor, admin })) {
      const r = await upload(c, 'publication', publication);
      expect(r.status, `${who}: ${JSON.stringify(r.body)}`).toBe(403);
      expect(r.body.error.code).toBe('FORBIDDEN');
      expect((await c.get(`/api/record/matters/publication/${publication}`)).body.canUploadEvidence, who).toBe(false);
    }
    for (const [who, c] of Object.entries({ siblingStation, siblingDistrict })) {
      expect((await upload(c, 'publication', publication)).status, who).toBe(404);
      expect((await c.get(`/api/record/matters/publication/${publication}`)).status, who).toBe(404);
    }
    expect(await written()).toEqual(before);
  });

  it('an unknown matter type, or an inherited property name, is 404', async () => {
    for (const type of ['nosuchtype', 'constructor', 'toString', '__proto__']) {
      expect((await upload(admin, type, archivedCase)).status, type).toBe(404);
      expect((await admin.get(`/api/record/matters/${type}/${archivedCase}`)).status, type).toBe(404);
    }
  });
});

describe('an inspection task takes evidence while it is inspected, from those who enter its results', () => {
  it('the body’s admin uploads to the drawn task; the leader and the supervisor get 403, a sibling district 404; a draft task takes none', async () => {
    const tasks = (await env.ctx.db.query<{ id: string; state: string }>(`select id, state from matters where type = 'inspectionTask'`)).rows;
    const drawn = tasks.find((t) => t.state === 'drawn')!.id;
    const draft = tasks.find((t) => t.state === 'draft')!.id;
    const before = await written();
    for (const [who, c] of Object.entries({ leader, supervisor })) expect((await upload(c, 'inspectionTask', drawn)).status, who).toBe(403);
    expect((await upload(siblingDistrict, 'inspectionTask', drawn)).status).toBe(404);
    const r = await upload(admin, 'inspectionTask', draft);
    expect(r.status).toBe(403);
    expect(r.body.error.message).toContain('不在检查阶段');
    expect(await written()).toEqual(before);
    expect((await upload(admin, 'inspectionTask', drawn)).status).toBe(201);
  });
});

describe('publication transitions follow the publication’s policy', () => {
  const revocation = { noticedOn: new Date().toISOString().slice(0, 10), ground: 'revoked', note: '行政复议决定撤销原处罚决定' };

  it('an officer of a sibling station neither sees the publication of a case that is not theirs nor registers its revocation (404)', async () => {
    expect((await siblingStation.get(`/api/cases/${archivedCase}`)).status).toBe(404);
    expect((await siblingStation.get(`/api/publicity/publications/${publication}`)).status).toBe(404);
    const list = (await siblingStation.get('/api/publicity/publications')).body;
    expect(list.items.some((x: { id: string }) => x.id === publication)).toBe(false);
    expect(list.total).toBe(list.items.length);
    expect(JSON.stringify((await siblingStation.get('/api/publicity/overview')).body)).not.toContain('鑫隆');
    const before = await written();
    const r = await step(siblingStation, publication, 'noticeRevocation', revocation);
    expect(r.status, JSON.stringify(r.body)).toBe(404);
    expect(JSON.stringify(r.body)).not.toContain('鑫隆');
    // every other transition too, whatever the input
    for (const name of ['publish', 'correct', 'withdraw', 'expire', 'repair', 'proposeExemption', 'approveExemption', 'rejectExemption'])
      expect((await step(siblingStation, publication, name, {})).status, name).toBe(404);
    // and through the engine itself, not only the route
    const p = (await principalForUser(env.ctx.db, 'yisuo'))!;
    const m = (await findMatter(env.ctx.db, publication))!;
    await expect(
      transition(env.ctx, p, { matterId: publication, transition: 'noticeRevocation', expectedVersion: m.version, input: revocation }),
    ).rejects.toMatchObject({ status: 404 });
    expect(await written()).toEqual(before);
    expect((await findMatter(env.ctx.db, publication))!.state).toBe('published');
  });

  it('a user of a sibling district, even with every role, gets 404 for each transition', async () => {
    const before = await written();
    expect((await siblingDistrict.get(`/api/publicity/publications/${publication}`)).status).toBe(404);
    expect((await step(siblingDistrict, publication, 'noticeRevocation', revocation)).status).toBe(404);
    for (const name of ['publish', 'correct', 'withdraw', 'expire', 'repair', 'proposeExemption', 'approveExemption', 'rejectExemption'])
      expect((await step(siblingDistrict, publication, name, {})).status, name).toBe(404);
    expect(await written()).toEqual(before);
  });

  it('the city supervisor sees it but may not act (403); the case’s own officer registers the revocation', async () => {
    const detail = (await supervisor.get(`/api/publicity/publications/${publication}`)).body;
    expect(detail.abilities).toMatchObject({ read: true, transition: true, uploadEvidence: false });
    expect(detail.matter.transitions).toEqual([]);
    const before = await ledgerSize(env);
    expect((await step(supervisor, publication, 'noticeRevocation', revocation)).status).toBe(403);
    expect(await ledgerSize(env)).toBe(before);

    const own = (await officer.get(`/api/publicity/publications/${publication}`)).body;
    expect(own.matter.transitions.map((t: { id: string }) => t.id)).toContain('noticeRevocation');
    expect((await officer.get('/api/publicity/publications')).body.items.some((x: { id: string }) => x.id === publication)).toBe(true);
    const r = await step(officer, publication, 'noticeRevocation', revocation);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.state).toBe('withdrawalDue');
    expect(r.body.deadlines.find((d: { ruleId: string }) => d.ruleId === 'publicity.withdrawal').status).toBe('open');
    expect(await ledgerSize(env)).toBe(before + 1);
  });

  it('an inspection result’s publication is read by the units below the body, but only the body’s staff act on it', async () => {
    const r = (
      await env.ctx.db.query<{ id: string; bodyId: string }>(
        `select r.id, t.body_id as "bodyId" from inspection_results r join inspection_tasks t on t.id = r.task_id limit 1`,
      )
    ).rows[0];
    const row = { bodyId: r.bodyId, sourceType: 'inspectionResult', sourceId: r.id };
    const of = async (u: string) => publicationAbilities(env.ctx.registry, env.ctx.db, (await principalForUser(env.ctx.db, u))!, row);
    expect(await of('lingdao')).toMatchObject({ read: true, transition: true });
    expect(await of('zhifa')).toMatchObject({ read: true, transition: false });
    expect(await of('yisuo')).toMatchObject({ read: true, transition: false });
    expect(await of('linqu')).toMatchObject({ read: false, transition: false });
  });
});
