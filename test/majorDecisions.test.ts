// 重大行政决策 (重大行政决策程序暂行条例): the published catalogue with its adjustments, a decision from it through
// every step — each gate tried one by one (legality review before 公众参与/专家论证/风险评估 are done or left out with a
// reason; discussion without legality review and after 不合法; publication before discussion), the comment period of
// 第十五条, the hearing's 7 days of 第十六条, the discussion's record of 第三十条 — the portal, the archive, authorization
// across a sibling unit and a sibling district, and bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertOrg } from '../src/modules/orgs/commands/create-org.ts';
import { insertUser } from '../src/modules/users/commands/create-user.ts';
import { SYSTEM_ACTOR } from '../src/platform/record/ledger.ts';
import { verifyState } from '../src/platform/record/state.ts';
import { majorDecisionStateTables } from '../src/modules/majorDecisions/stateTables.ts';
import { client, createTestEnv, ledgerSize, login, orgIdByName, type TestEnv } from './helpers.ts';

let env: TestEnv;
type C = ReturnType<typeof client>;
let admin: C, leader: C, reviewer: C, unit: C, siblingStation: C, siblingDistrict: C, anonymous: C;
let body: string, priceUnit: string, foodUnit: string, otherDistrictStation: string;
const PASSWORD = 'Sibling2026x';

beforeAll(async () => {
  env = await createTestEnv();
  const city = await orgIdByName(env, '示例市市场监督管理局');
  body = await orgIdByName(env, '示例区市场监督管理局');
  priceUnit = await orgIdByName(env, '价格监督检查和反不正当竞争科');
  foodUnit = await orgIdByName(env, '食品安全监督管理科');
  otherDistrictStation = await orgIdByName(env, '示例二区第一市场监管所');
  await env.ctx.db.transaction(async (tx) => {
    const district = await insertOrg(tx, env.ctx, SYSTEM_ACTOR, {
      parentId: city,
      name: '邻区市场监督管理局',
      kind: 'bureau',
      isEnforcementBody: true,
      legalBasis: '行政处罚法 第十八条',
    });
    await insertUser(tx, env.ctx, SYSTEM_ACTOR, { username: 'jiage', displayName: '价格科科员', orgId: priceUnit, roles: ['officer'], password: PASSWORD });
    await insertUser(tx, env.ctx, SYSTEM_ACTOR, {
      username: 'jiage_admin',
      displayName: '价格科管理员',
      orgId: priceUnit,
      roles: ['admin'],
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
  [admin, leader, reviewer, siblingStation] = await Promise.all(
    ['admin', 'lingdao', 'shenhe', 'zhifa'].map(async (u) => client(env.app, await login(env.app, u))),
  );
  unit = client(env.app, await login(env.app, 'jiage', PASSWORD));
  siblingDistrict = client(env.app, await login(env.app, 'linqu', PASSWORD));
  anonymous = client(env.app, null);
}, 240_000);
afterAll(async () => env?.close());

const item = (title: string, unitId: string, category = 'publicPolicy') => ({ title, category, unitId, planned: '2026年第四季度' });

const catStep = async (c: C, id: string, name: string, input: unknown, date?: string) => {
  const d = await admin.get(`/api/major-decisions/catalogues/${id}`);
  return c.post(`/api/major-decisions/catalogues/${id}/transitions/${name}`, { expectedVersion: d.body.matter.version, input, ...(date ? { date } : {}) });
};
const step = async (c: C, id: string, name: string, input: unknown, date?: string) => {
  const d = await admin.get(`/api/major-decisions/${id}`);
  return c.post(`/api/major-decisions/${id}/transitions/${name}`, { expectedVersion: d.body.matter.version, input, ...(date ? { date } : {}) });
};
const codes = (r: { body: { error: { details?: { problems?: { code: string }[] } } } }) => r.body.error.details?.problems?.map((p) => p.code) ?? [];

/** A legality review's detail and one of its transitions (the legality module's API). */
const reviewStep = async (id: string, name: string, input: unknown, date: string) => {
  const d = await reviewer.get(`/api/legality/reviews/${id}`);
  return reviewer.post(`/api/legality/reviews/${id}/transitions/${name}`, { expectedVersion: d.body.version, input, date });
};
const checklist = async () => {
  const kinds = (await reviewer.get('/api/legality/kinds')).body.kinds as { id: string; checklist: { id: string }[] }[];
  return kinds.find((k) => k.id === 'majorPolicyDecision')!.checklist.map((i) => ({ item: i.id, verdict: 'pass' }));
};

const member = (name: string, opinion: string, remarks = '') => ({ name, opinion, remarks });
const discussion = (members: ReturnType<typeof member>[], extra: Record<string, unknown> = {}) => ({
  meetingKind: 'plenary',
  meetingName: '2026年第12次局务会议',
  heldOn: '2026-11-20',
  head: '刘建国',
  members,
  headOpinion: '同意实施，分步推进',
  minutes: '会议听取了价格科关于决策草案的汇报，与会人员逐一发表意见。',
  ...extra,
});

describe('重大行政决策', () => {
  let catalogueId: string;
  let itemIds: string[];
  let decisionId: string;
  let secondId: string;
  let reviewId: string;

  it("demo: this year's catalogue published (and adjusted), a decision from it waiting for its legality review", async () => {
    const cats = (await leader.get('/api/major-decisions/catalogues')).body.items;
    expect(cats.filter((c: { state: string }) => c.state === 'published')).toHaveLength(1);
    const list = (await leader.get('/api/major-decisions')).body.items;
    expect(list.map((d: { state: string; title: string }) => [d.state, d.title])).toEqual([['inLegalityReview', '示例区农贸市场计量器具智慧监管实施方案']]);
    const d = (await reviewer.get(`/api/major-decisions/${list[0].id}`)).body;
    expect(d.steps.slice(0, 5).map((s: { status: string }) => s.status)).toEqual(['done', 'done', 'done', 'notRequired', 'running']);
    const pub = (await anonymous.get('/api/public/major-decisions/catalogues')).body.items;
    expect(pub[0].adjustments).toHaveLength(1);
  });

  it('the catalogue: drafted by the body, refused with bad input, a sibling district and a unit outside the body', async () => {
    expect((await admin.post('/api/major-decisions/catalogues', { bodyId: body, year: 2025, title: '', items: [] })).status).toBe(400);
    expect(
      (await admin.post('/api/major-decisions/catalogues', { bodyId: body, year: 2025, title: '目录', items: [item('x', priceUnit, 'nonsense')] })).status,
    ).toBe(400);
    const outside = await admin.post('/api/major-decisions/catalogues', { bodyId: body, year: 2025, title: '目录', items: [item('x', otherDistrictStation)] });
    expect(outside.body.error.code).toBe('DECISION_UNIT_INVALID');
    expect(
      (await siblingDistrict.post('/api/major-decisions/catalogues', { bodyId: body, year: 2025, title: '目录', items: [item('x', priceUnit)] })).status,
    ).toBe(404);
    expect(
      (await siblingStation.post('/api/major-decisions/catalogues', { bodyId: body, year: 2025, title: '目录', items: [item('x', priceUnit)] })).status,
    ).toBe(403);
    const r = await admin.post('/api/major-decisions/catalogues', {
      bodyId: body,
      year: 2025,
      title: '示例区市场监督管理局2026年度重大行政决策事项目录',
      standard: '涉及全区市场主体切身利益、社会关注度高的市场监管政策措施',
      items: [
        item('示例区农贸市场计量器具智慧监管实施方案', priceUnit),
        item('示例区食品小作坊“阳光工坊”建设方案', foodUnit),
        item('拟移除的事项', foodUnit, 'other'),
      ],
    });
    expect(r.status).toBe(201);
    expect(r.body.matter.state).toBe('draft');
    catalogueId = r.body.id;
    itemIds = r.body.items.map((i: { id: string }) => i.id);
    expect(
      (await admin.post('/api/major-decisions/catalogues', { bodyId: body, year: 2025, title: '再来一个', items: [item('x', priceUnit)] })).body.error.code,
    ).toBe('DECISION_CATALOGUE_EXISTS');
    expect((await siblingDistrict.get(`/api/major-decisions/catalogues/${catalogueId}`)).status).toBe(404);
    // a unit below the body reads its catalogue, but does not keep it
    expect((await siblingStation.get(`/api/major-decisions/catalogues/${catalogueId}`)).status).toBe(200);
    expect(
      (
        await catStep(siblingStation, catalogueId, 'approveCatalogue', {
          approvedOn: '2026-02-01',
          approvedBy: '中共示例区市场监督管理局党组',
          document: '党组会议纪要〔2026〕3号',
        })
      ).status,
    ).toBe(403);
  });

  it('a decision is initiated only from a published catalogue; 经同级党委同意, 公布, 调整 are recorded and on the portal', async () => {
    const early = await leader.post('/api/major-decisions', { catalogueItemId: itemIds[0], draft: '草案', reasons: '理由', marketActivity: false });
    expect(early.body.error.code).toBe('DECISION_CATALOGUE_NOT_PUBLISHED');
    expect((await catStep(admin, catalogueId, 'publishCatalogue', {})).body.error.code).toBe('TRANSITION_NOT_ALLOWED');
    const a = await catStep(leader, catalogueId, 'approveCatalogue', {
      approvedOn: '2026-02-01',
      approvedBy: '中共示例区市场监督管理局党组',
      document: '党组会议纪要〔2026〕3号',
    });
    expect(a.body.matter.state).toBe('approved');
    const p = await catStep(admin, catalogueId, 'publishCatalogue', { publishedOn: '2026-02-10' });
    expect(p.body).toMatchObject({ publishedOn: '2026-02-10', matter: { state: 'published' } });
    expect((await catStep(admin, catalogueId, 'adjustCatalogue', { adjustedOn: '2026-06-01', reason: ' ' })).status).toBe(400);
    const adj = await catStep(admin, catalogueId, 'adjustCatalogue', {
      adjustedOn: '2026-06-01',
      reason: '根据区政府工作部署调整',
      add: [item('示例区电动自行车销售领域专项整治方案', priceUnit)],
      removeItemIds: [itemIds[2]],
    });
    expect(adj.status).toBe(200);
    expect(adj.body.items.map((i: { status: string }) => i.status)).toEqual(['listed', 'listed', 'removed', 'listed']);
    const pub = await anonymous.get('/api/public/major-decisions/catalogues');
    expect(pub.status).toBe(200);
    const c = pub.body.items.find((x: { id: string }) => x.id === catalogueId);
    expect(c.items).toHaveLength(4);
    expect(c.adjustments.map((x: { kind: string; title: string }) => [x.kind, x.title])).toEqual([
      ['removed', '拟移除的事项'],
      ['added', '示例区电动自行车销售领域专项整治方案'],
    ]);
    const page = await env.app.inject({ method: 'GET', url: '/portal/major-decisions' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('示例区农贸市场计量器具智慧监管实施方案');
    expect(page.body).toContain('根据区政府工作部署调整');
  });

  it('initiation: by the body, not by its units or another district; a removed or taken item refused', async () => {
    const input = { catalogueItemId: itemIds[0], draft: '一、在全区农贸市场推行智慧计量……', reasons: '农贸市场计量纠纷多发', marketActivity: false };
    expect((await siblingDistrict.post('/api/major-decisions', input)).status).toBe(404);
    expect((await unit.post('/api/major-decisions', input)).status).toBe(403);
    expect((await leader.post('/api/major-decisions', { ...input, marketActivity: 'no' })).status).toBe(400);
    expect((await leader.post('/api/major-decisions', { ...input, catalogueItemId: itemIds[2] })).body.error.code).toBe('DECISION_ITEM_TAKEN');
    const r = await leader.post('/api/major-decisions', input);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ unitId: priceUnit, matter: { state: 'drafting' } });
    decisionId = r.body.id;
    expect((await leader.post('/api/major-decisions', input)).body.error.code).toBe('DECISION_ITEM_TAKEN');
    secondId = (await leader.post('/api/major-decisions', { catalogueItemId: itemIds[1], draft: '草案', reasons: '理由', marketActivity: true })).body.id;
    // 调整 cannot remove an item whose procedure has started
    expect(
      (await catStep(admin, catalogueId, 'adjustCatalogue', { adjustedOn: '2026-06-02', reason: '调整', removeItemIds: [itemIds[0]] })).body.error.code,
    ).toBe('DECISION_ITEM_IN_USE');
  });

  it('who sees and acts: the undertaking unit and the body; the legal office reads; a sibling unit and district do not', async () => {
    expect((await unit.get(`/api/major-decisions/${decisionId}`)).status).toBe(200);
    expect((await reviewer.get(`/api/major-decisions/${decisionId}`)).status).toBe(200);
    expect((await siblingStation.get(`/api/major-decisions/${decisionId}`)).status).toBe(404);
    expect((await siblingDistrict.get(`/api/major-decisions/${decisionId}`)).status).toBe(404);
    expect((await siblingStation.post(`/api/major-decisions/${decisionId}/transitions/skipExpertArgument`, { expectedVersion: 0, input: {} })).status).toBe(
      404,
    );
    expect((await siblingDistrict.post(`/api/major-decisions/${decisionId}/transitions/skipExpertArgument`, { expectedVersion: 0, input: {} })).status).toBe(
      404,
    );
    expect((await reviewer.post(`/api/major-decisions/${decisionId}/transitions/skipExpertArgument`, { expectedVersion: 0, input: {} })).status).toBe(403);
    const mine = (await unit.get('/api/major-decisions')).body.items.map((x: { id: string }) => x.id);
    expect(mine).toContain(decisionId);
    expect(mine).not.toContain(secondId);
    expect((await siblingStation.get('/api/major-decisions')).body.items).toEqual([]);
    expect((await siblingDistrict.get('/api/major-decisions')).body.items).toEqual([]);
    expect((await reviewer.get('/api/major-decisions')).body.items.map((x: { id: string }) => x.id)).toEqual(expect.arrayContaining([decisionId, secondId]));
  });

  it('gate: no legality review before 公众参与, 专家论证 and 风险评估 are done or left out with their reasons', async () => {
    const before = await ledgerSize(env);
    const r = await step(unit, decisionId, 'requestLegalityReview', { materials: '决策草案及起草说明', procedureNote: '已履行……' });
    expect(r.status).toBe(422);
    expect(codes(r)).toEqual(['DECISION_PARTICIPATION_MISSING', 'DECISION_EXPERT_MISSING', 'DECISION_RISK_MISSING']);
    expect(r.body.error.message).toContain('第十四条');
    expect(await ledgerSize(env)).toBe(before);
    // the guidance shows the step blocked with the same reasons
    const g = await unit.get(`/api/todo/matters/${decisionId}`);
    expect(g.status).toBe(200);
    expect(JSON.stringify(g.body)).toContain('第十九条');
  });

  it('公众参与: a hearing keeps 第十六条 and 第十七条; a symposium is recorded; 第十八条 concludes it', async () => {
    const hearing = { method: 'hearing', heldOn: '2026-07-20', place: '区市场监管局三楼会议室', participants: '经营户代表12人', summary: '多数代表支持' };
    const late = await step(unit, decisionId, 'recordParticipation', {
      ...hearing,
      materialsPublishedOn: '2026-07-01',
      materialsDeliveredOn: '2026-07-13',
      recordSigned: true,
    });
    expect(codes(late)).toEqual(['DECISION_HEARING_INCOMPLETE']);
    expect(late.body.error.message).toContain('最迟 2026-07-12 送达');
    expect(
      codes(await step(unit, decisionId, 'recordParticipation', { ...hearing, materialsPublishedOn: '2026-07-01', materialsDeliveredOn: '2026-07-12' })),
    ).toEqual(['DECISION_HEARING_INCOMPLETE']);
    expect((await step(unit, decisionId, 'concludeParticipation', { adoption: '无' })).body.error.code).toBe('DECISION_PARTICIPATION_NONE');
    expect(
      (
        await step(unit, decisionId, 'recordParticipation', {
          ...hearing,
          materialsPublishedOn: '2026-07-01',
          materialsDeliveredOn: '2026-07-12',
          recordSigned: true,
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await step(unit, decisionId, 'recordParticipation', {
          method: 'symposium',
          heldOn: '2026-07-25',
          place: '某农贸市场',
          participants: '市场开办者5人',
          summary: '建议分批实施',
        })
      ).status,
    ).toBe(200);
    const done = await step(unit, decisionId, 'concludeParticipation', { adoption: '采纳分批实施的建议' });
    expect(done.body.steps.find((s: { key: string }) => s.key === 'participation').status).toBe('done');
    expect((await step(unit, decisionId, 'skipParticipation', { ground: 'notPublic', reason: 'x' })).body.error.code).toBe('DECISION_STEP_DONE');
    // one gate less: 专家论证 and 风险评估 still stop the legality review
    expect(codes(await step(unit, decisionId, 'requestLegalityReview', { materials: '草案', procedureNote: '已听证' }))).toEqual([
      'DECISION_EXPERT_MISSING',
      'DECISION_RISK_MISSING',
    ]);
  });

  it('公开征求意见: ≥ 30 days (第十五条), shorter only with its reason; the step is not done while the comment runs', async () => {
    const text = '第一条 为规范食品小作坊……\n第二条 本方案适用于……';
    const before = await ledgerSize(env);
    const short = await step(admin, secondId, 'openPublicComment', { text, days: 15 });
    expect(codes(short)).toEqual(['DECISION_COMMENT_PERIOD_TOO_SHORT']);
    expect(short.body.error.message).toContain('一般不少于30日');
    expect(await ledgerSize(env)).toBe(before);
    expect((await step(admin, secondId, 'openPublicComment', { text, days: 0 })).status).toBe(400);
    const ok = await step(admin, secondId, 'openPublicComment', { text, days: 15, shortenedReason: '汛期前须完成整治，情况紧急' });
    expect(ok.status).toBe(200);
    expect(ok.body.consultationId).toBeTruthy();
    expect((await step(admin, secondId, 'openPublicComment', { text, days: 30 })).body.error.code).toBe('DECISION_COMMENT_ALREADY_OPEN');
    const conclude = await step(admin, secondId, 'concludeParticipation', { adoption: '……' });
    expect(codes(conclude)).toEqual(['CONSULTATION_REQUIRED']);
    expect((await step(admin, secondId, 'skipParticipation', { ground: 'notPublic', reason: '涉密' })).body.error.code).toBe('DECISION_STEP_DONE');
  });

  it('专家论证 and 风险评估: 第二十条 no interested expert; 第二十四条 an uncontrollable risk needs its measures; a skip names its ground', async () => {
    const expert = { name: '王教授', organisation: '示例大学计量学院', opinion: '方案可行', noDirectInterest: true };
    const conflicted = await step(unit, decisionId, 'recordExpertArgument', {
      method: 'meeting',
      heldOn: '2026-08-05',
      experts: [expert, { name: '某电子秤公司', organisation: '某电子秤公司', opinion: '支持', noDirectInterest: false }],
      adoption: '采纳',
    });
    expect(codes(conflicted)).toEqual(['DECISION_EXPERT_INTEREST']);
    expect(
      (
        await step(unit, decisionId, 'recordExpertArgument', {
          method: 'meeting',
          heldOn: '2026-08-05',
          experts: [expert],
          adoption: '采纳专家关于分步实施的意见',
        })
      ).status,
    ).toBe(200);
    // and then only 风险评估
    expect(codes(await step(unit, decisionId, 'requestLegalityReview', { materials: '草案', procedureNote: '已听证、论证' }))).toEqual([
      'DECISION_RISK_MISSING',
    ]);
    expect((await step(unit, decisionId, 'skipRiskAssessment', { ground: 'alreadyAssessed', reason: '已评估' })).body.error.code).toBe(
      'DECISION_PRIOR_ASSESSMENT_MISSING',
    );
    const risk = {
      assessor: '示例社会稳定风险评估中心',
      methods: '重点走访、会商分析',
      departmentsHeard: '区商务局、各街道',
      riskPoints: ['经营户改造成本'],
      level: 'high',
      measures: '分批实施，给予过渡期',
      conclusion: 'uncontrollable',
    };
    const bare = await step(unit, decisionId, 'recordRiskAssessment', risk);
    expect(codes(bare)).toEqual(['DECISION_RISK_UNCONTROLLABLE']);
    expect(bare.body.error.message).toContain('第二十四条');
    expect((await step(unit, decisionId, 'recordRiskAssessment', { ...risk, measuresTaken: '调整草案：改造费用由市场开办者承担，设一年过渡期' })).status).toBe(
      200,
    );
  });

  it('gate: no discussion and no publication before the legality review (第二十五条); 不合法 keeps it closed', async () => {
    // publication and discussion are not steps of a draft
    expect((await step(leader, decisionId, 'decide', discussion([member('张三', 'agree')]))).body.error.code).toBe('TRANSITION_NOT_ALLOWED');
    expect((await step(leader, secondId, 'publish', { text: 'x', explanation: 'x', partyCommitteeReport: 'x' })).body.error.code).toBe(
      'TRANSITION_NOT_ALLOWED',
    );
    const sent = await step(
      unit,
      decisionId,
      'requestLegalityReview',
      { materials: '决策草案、起草说明、法律依据', procedureNote: '已听证、座谈，已专家论证、风险评估' },
      '2026-10-12',
    );
    expect(sent.status).toBe(200);
    expect(sent.body.matter.state).toBe('inLegalityReview');
    reviewId = sent.body.legalityReviewId;
    const running = await step(leader, decisionId, 'decide', discussion([member('张三', 'agree')]));
    expect(codes(running)).toEqual(['LEGALITY_REVIEW_PENDING']);
    // the legal office: the advisers' opinion (第二十八条), then 不合法
    const adviser = await reviewer.post('/api/legality/advisers', {
      kind: 'publicLawyer',
      name: '李明',
      qualification: '公职律师证',
      certificateNumber: '14401202610000009',
      termStart: '2026-01-01',
      termEnd: '2028-12-31',
    });
    expect(adviser.status).toBe(200);
    expect(
      (await reviewStep(reviewId, 'consultAdviser', { adviserId: adviser.body.id, opinion: '第三条超越权限', givenOn: '2026-10-20' }, '2026-10-20')).status,
    ).toBe(200);
    const fail = (await checklist()).map((c, i) => (i === 0 ? { ...c, verdict: 'fail', note: '超越法定权限' } : c));
    expect((await reviewStep(reviewId, 'conclude', { checklist: fail, opinion: 'unlawful', reasons: '第三条超越本机关法定权限' }, '2026-10-21')).status).toBe(
      200,
    );
    const before = await ledgerSize(env);
    const unlawful = await step(leader, decisionId, 'decide', discussion([member('张三', 'agree')]));
    expect(codes(unlawful)).toEqual(['LEGALITY_REVIEW_UNLAWFUL']);
    expect(unlawful.body.error.message).toContain('不得提交决策机关讨论');
    expect(codes(await step(leader, decisionId, 'decline', discussion([member('张三', 'disagree', '不同意')])))).toEqual(['LEGALITY_REVIEW_UNLAWFUL']);
    expect(await ledgerSize(env)).toBe(before);
    // 第二十八条: the unit revises, and the draft is reviewed again
    expect((await step(unit, decisionId, 'reviseDraft', { draft: '（删除原第三条）', note: '根据合法性审查意见删除第三条' })).body.matter.state).toBe(
      'drafting',
    );
    const again = await step(unit, decisionId, 'requestLegalityReview', { materials: '修改后的决策草案', procedureNote: '同前' }, '2026-10-26');
    reviewId = again.body.legalityReviewId;
    await reviewStep(reviewId, 'consultAdviser', { adviserId: adviser.body.id, opinion: '修改后合法', givenOn: '2026-10-27' }, '2026-10-27');
    expect((await reviewStep(reviewId, 'conclude', { checklist: await checklist(), opinion: 'lawful' }, '2026-11-04')).status).toBe(200);
  });

  it('集体讨论决定 (第三十条): dissent written down, the head explains a decision against the majority', async () => {
    const bare = await step(leader, decisionId, 'decide', discussion([member('张三', 'agree'), member('李四', 'disagree')]));
    expect(codes(bare)).toEqual(['DECISION_DISSENT_NOT_RECORDED']);
    const against = await step(
      leader,
      decisionId,
      'decide',
      discussion([member('张三', 'agree'), member('李四', 'disagree', '成本过高'), member('王五', 'disagree', '时机未到')]),
    );
    expect(codes(against)).toEqual(['DECISION_HEAD_REASON_REQUIRED']);
    expect((await step(unit, decisionId, 'decide', discussion([member('张三', 'agree')]))).status).toBe(403);
    // the unit's own administrator holds the role but not the body's act (第三十条: the decision body)
    const unitAdmin = client(env.app, await login(env.app, 'jiage_admin', PASSWORD));
    const byUnit = await step(unitAdmin, decisionId, 'decide', discussion([member('张三', 'agree')]));
    expect([byUnit.status, byUnit.body.error.code]).toEqual([403, 'FORBIDDEN']);
    const ok = await step(
      leader,
      decisionId,
      'decide',
      discussion([member('张三', 'agree'), member('李四', 'disagree', '成本过高'), member('王五', 'disagree', '时机未到')], {
        headReason: '风险评估已提出过渡期措施，成本问题可控',
      }),
    );
    expect(ok.status).toBe(200);
    expect(ok.body.matter.state).toBe('decided');
    expect(ok.body.discussion.members[1]).toMatchObject({ name: '李四', opinion: 'disagree', remarks: '成本过高' });
  });

  it('a draft concerning market activity is not discussed without its fair-competition review (第二十九条); a step left out names its ground', async () => {
    const itemId = (await admin.get(`/api/major-decisions/catalogues/${catalogueId}`)).body.items[3].id;
    const id = (await leader.post('/api/major-decisions', { catalogueItemId: itemId, draft: '草案', reasons: '理由', marketActivity: true })).body.id;
    expect((await step(unit, id, 'skipParticipation', { ground: 'notPublic', reason: ' ' })).status).toBe(400);
    expect((await step(unit, id, 'skipParticipation', { ground: 'notPublic', reason: '涉及执法工作秘密，依法不予公开' })).status).toBe(200);
    expect((await step(unit, id, 'skipExpertArgument', { ground: 'notTechnical', reason: '不涉及专业技术问题' })).status).toBe(200);
    const d = await step(unit, id, 'skipRiskAssessment', { ground: 'noAdverseEffect', reason: '整治措施针对违法经营行为，不影响社会稳定' });
    expect(d.body.steps.filter((s: { status: string }) => s.status === 'skipped').map((s: { key: string }) => s.key)).toEqual([
      'participation',
      'expert',
      'risk',
    ]);
    expect(d.body.steps.find((s: { key: string }) => s.key === 'fairCompetition').status).toBe('pending');
    const sent = await step(
      unit,
      id,
      'requestLegalityReview',
      { materials: '草案', procedureNote: '依法不予公开；不涉及专业技术；不影响社会稳定' },
      '2026-10-12',
    );
    const rid = sent.body.legalityReviewId;
    const adviser = (await reviewer.get('/api/legality/advisers')).body.items[0].id;
    await reviewStep(rid, 'consultAdviser', { adviserId: adviser, opinion: '合法', givenOn: '2026-10-20' }, '2026-10-20');
    expect((await reviewStep(rid, 'conclude', { checklist: await checklist(), opinion: 'lawful' }, '2026-10-21')).status).toBe(200);
    const r = await step(leader, id, 'decide', discussion([member('张三', 'agree')]));
    expect(codes(r)).toEqual(['FAIR_COMPETITION_REVIEW_REQUIRED']);
  });

  it('公布 (第三十二条): the decision and its 决策说明 as instruments, on the portal; the expert opinions explained', async () => {
    const input = {
      text: '一、自2027年1月1日起，在全区农贸市场推行智慧计量。',
      explanation: '为解决农贸市场计量纠纷……',
      partyCommitteeReport: '2026年11月22日向局党组报告',
    };
    expect(codes(await step(admin, decisionId, 'publish', input))).toEqual(['DECISION_EXPERT_OPINIONS_UNEXPLAINED']);
    const r = await step(admin, decisionId, 'publish', {
      ...input,
      expertOpinions: '采纳专家关于分步实施的意见',
      publicOpinions: '听证会、座谈会意见已采纳',
      publishedOn: '2026-11-25',
    });
    expect(r.status).toBe(200);
    expect(r.body.matter.state).toBe('published');
    expect(r.body.instruments.map((i: { title: string }) => i.title)).toEqual(['重大行政决策', '重大行政决策说明']);
    const docx = await admin.get(`/api/instruments/${r.body.instruments[1].id}/docx`);
    expect(docx.status).toBe(200);
    const pub = await anonymous.get(`/api/public/major-decisions/${decisionId}`);
    expect(pub.body).toMatchObject({
      title: '示例区农贸市场计量器具智慧监管实施方案',
      publishedOn: '2026-11-25',
      expertOpinions: '采纳专家关于分步实施的意见',
    });
    expect((await anonymous.get(`/api/public/major-decisions/${secondId}`)).status).toBe(404);
    const page = await env.app.inject({ method: 'GET', url: `/portal/major-decisions/${decisionId}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('采纳专家关于分步实施的意见');
  });

  it('执行与决策后评估 (第三十四条–第三十六条), then the archive of the whole procedure (第三十三条)', async () => {
    expect((await step(leader, decisionId, 'assignExecution', { executionUnitId: otherDistrictStation, tasks: 'x' })).body.error.code).toBe(
      'DECISION_UNIT_INVALID',
    );
    expect((await step(leader, decisionId, 'assignExecution', { executionUnitId: priceUnit, tasks: '组织各农贸市场改造' })).status).toBe(200);
    expect((await step(unit, decisionId, 'reportExecution', { reportedOn: '2027-03-01', progress: '已完成3家' })).status).toBe(200);
    const third = { ground: 'manyOpinions', evaluator: '示例社会稳定风险评估中心', thirdParty: true, plan: '问卷与走访' };
    expect(codes(await step(leader, decisionId, 'startPostEvaluation', third))).toEqual(['DECISION_EVALUATOR_INVALID']);
    expect((await step(leader, decisionId, 'startPostEvaluation', { ...third, evaluator: '示例大学公共政策研究院' })).body.matter.state).toBe('evaluating');
    const concluded = await step(leader, decisionId, 'concludePostEvaluation', {
      concludedOn: '2027-06-01',
      publicHeard: '问卷300份',
      findings: '达到预期',
      conclusion: 'continue',
    });
    expect(concluded.body.matter.state).toBe('executing');
    const archived = await step(admin, decisionId, 'archive', { archivedOn: '2027-06-10', archiveNo: 'JC-2026-001' });
    expect(archived.body.matter.state).toBe('archived');
    const a = await admin.get(`/api/major-decisions/${decisionId}/archive`);
    expect(a.status).toBe(200);
    const types = a.body.entries.map((e: { eventType: string }) => e.eventType);
    expect(types).toEqual(expect.arrayContaining(['majorDecision.initiated', 'matter.transitioned', 'legalityReview.requested', 'instrument.issued']));
    expect(a.body.entries.every((e: { eventLabel: string }) => /[\u4e00-\u9fff]/.test(e.eventLabel))).toBe(true);
    expect(a.body.instruments.map((i: { title: string }) => i.title)).toEqual(expect.arrayContaining(['重大行政决策', '重大行政决策说明', '合法性审查意见书']));
    expect((await siblingStation.get(`/api/major-decisions/${decisionId}/archive`)).status).toBe(404);
    expect((await siblingDistrict.get(`/api/major-decisions/${decisionId}/archive.json`)).status).toBe(404);
    const dl = await admin.get(`/api/major-decisions/${decisionId}/archive.json`);
    expect(dl.headers['content-disposition']).toContain('attachment');
    expect((await step(admin, decisionId, 'reportExecution', { reportedOn: '2027-07-01', progress: 'x' })).body.error.code).toBe('TRANSITION_NOT_ALLOWED');
  });

  it('figures: decisions started by stage, decided by outcome, catalogue items — counted by hand from this file and the demo', async () => {
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const value = async (c: C, id: string, extra = '') => {
      const r = await c.get(`/api/figures/${id}?from=2026-01-01&to=${today}${extra}`);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r.body.value as number;
    };
    // started: the demo's (at the legality review), the archived one, the second (drafting), the market one (at the legality review)
    expect(await value(admin, 'majorDecisions.started')).toBe(4);
    expect(await value(admin, 'majorDecisions.started', '&filter=stage=inLegalityReview')).toBe(2);
    expect(await value(admin, 'majorDecisions.started', '&filter=stage=archived')).toBe(1);
    // decided: one 局务会议 on 2026-11-20, adopted
    expect(await value(admin, 'majorDecisions.decided')).toBe(1);
    expect(await value(admin, 'majorDecisions.decided', '&filter=outcome=notAdopted')).toBe(0);
    // catalogue items: this file's 2025 catalogue published 2026-02-10 (4, one removed) and the demo's (4)
    expect(await value(admin, 'majorDecisions.catalogueItems')).toBe(8);
    expect(await value(admin, 'majorDecisions.catalogueItems', '&filter=status=removed')).toBe(1);
    expect(await value(admin, 'majorDecisions.catalogueItems', '&filter=started=yes')).toBe(4);
    // another district counts none of them
    expect(await value(siblingDistrict, 'majorDecisions.started')).toBe(0);
  });

  it('ledger verify --state: catalogues and decisions are as their record says; a draft changed behind it is named', async () => {
    const clean = await verifyState(env.ctx.db, majorDecisionStateTables);
    expect(clean.problems).toEqual([]);
    expect(clean.rowsChecked).toBeGreaterThanOrEqual(6);
    await env.owner.query('alter table major_decisions disable trigger major_decisions_recorded');
    try {
      await env.owner.query(`update major_decisions set draft = '篡改后的草案' where id = $1`, [secondId]);
    } finally {
      await env.owner.query('alter table major_decisions enable trigger major_decisions_recorded');
    }
    const r = await verifyState(env.ctx.db, majorDecisionStateTables);
    expect(r.problems.map((x) => `${x.code} ${x.table} ${x.id} ${x.column}`)).toEqual([`FIELD_CHANGED_OUTSIDE_RECORD major_decisions ${secondId} draft`]);
  });

  it('bad input: an unknown transition, a malformed body, a wrong version', async () => {
    expect((await admin.post(`/api/major-decisions/${secondId}/transitions/approve`, { expectedVersion: 0, input: {} })).body.error.code).toBe(
      'TRANSITION_UNKNOWN',
    );
    expect((await admin.post(`/api/major-decisions/${secondId}/transitions/skipExpertArgument`, { expectedVersion: 'x', input: {} })).status).toBe(400);
    expect(
      (await admin.post(`/api/major-decisions/${secondId}/transitions/skipExpertArgument`, { expectedVersion: 0, input: { ground: 'tooHard', reason: 'x' } }))
        .status,
    ).toBe(400);
    expect(
      (
        await admin.post(`/api/major-decisions/${secondId}/transitions/skipExpertArgument`, {
          expectedVersion: 0,
          input: { ground: 'notTechnical', reason: '不涉及专业技术' },
        })
      ).status,
    ).toBe(409);
    expect((await admin.get('/api/major-decisions/nope')).status).toBe(404);
    expect((await admin.get('/api/major-decisions?state=bogus')).status).toBe(400);
    expect((await anonymous.get(`/api/major-decisions/${secondId}`)).status).toBe(401);
  });
});
