// 合同合法性审查 and 立法征询: the gate before signing tried one step at a time (no review, a review still running, 不合法,
// no signed file), the review through the legality module, performance and dispute notes, authorization across a sibling
// unit and a sibling district, bad input; 立法征询 received, overdue and answered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertOrg } from '../src/modules/orgs/commands/create-org.ts';
import { insertUser } from '../src/modules/users/commands/create-user.ts';
import { SYSTEM_ACTOR } from '../src/platform/record/ledger.ts';
import { client, createTestEnv, ledgerSize, login, orgIdByName, type TestEnv } from './helpers.ts';

let env: TestEnv;
type C = ReturnType<typeof client>;
let officer: C, reviewer: C, leader: C, siblingStation: C, siblingDistrict: C;
const PASSWORD = 'Sibling2026x';

beforeAll(async () => {
  env = await createTestEnv();
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
    await insertUser(tx, env.ctx, SYSTEM_ACTOR, { username: 'yisuo', displayName: '第一所执法员', orgId: station1, roles: ['officer'], password: PASSWORD });
    await insertUser(tx, env.ctx, SYSTEM_ACTOR, {
      username: 'linqu',
      displayName: '邻区工作人员',
      orgId: district,
      roles: ['admin', 'leader', 'legalReviewer', 'officer'],
      password: PASSWORD,
    });
  });
  [officer, reviewer, leader] = await Promise.all(['zhifa', 'shenhe', 'lingdao'].map(async (u) => client(env.app, await login(env.app, u))));
  siblingStation = client(env.app, await login(env.app, 'yisuo', PASSWORD));
  siblingDistrict = client(env.app, await login(env.app, 'linqu', PASSWORD));
}, 240_000);
afterAll(async () => env?.close());

const contract = {
  category: 'procurement',
  title: '执法记录仪采购合同',
  counterparty: '示例科技有限公司',
  amountFen: 12_800_000,
  termStart: '2026-11-01',
  termEnd: '2027-10-31',
  summary: '采购执法记录仪20台及三年维保服务',
};

const step = async (c: C, id: string, name: string, input: unknown, date?: string) => {
  const d = await officer.get(`/api/contracts/${id}`);
  return c.post(`/api/contracts/${id}/transitions/${name}`, { expectedVersion: d.body.version, input, ...(date ? { date } : {}) });
};
const reviewStep = async (id: string, name: string, input: unknown, date?: string) => {
  const d = await reviewer.get(`/api/legality/reviews/${id}`);
  return reviewer.post(`/api/legality/reviews/${id}/transitions/${name}`, { expectedVersion: d.body.version, input, ...(date ? { date } : {}) });
};
const checklist = async (verdict: 'pass' | 'fail') => {
  const kinds = (await reviewer.get('/api/legality/kinds')).body.kinds as { id: string; checklist: { id: string }[] }[];
  return kinds
    .find((k) => k.id === 'contract')!
    .checklist.map((i) => ({ item: i.id, verdict, ...(verdict === 'fail' ? { note: '违约责任条款显失公平' } : {}) }));
};
const upload = (c: C, id: string) =>
  c.post(
    `/api/record/matters/contractReview/${id}/evidence?fileName=${encodeURIComponent('合同文本.pdf')}&contentType=application/pdf`,
    Buffer.from(`合同 ${Math.random()}`),
    {
      'content-type': 'application/octet-stream',
    },
  );

describe('合同合法性审查', () => {
  let id: string;

  it('registers a contract; bad input is 400 and writes nothing', async () => {
    const before = await ledgerSize(env);
    expect((await officer.post('/api/contracts', { ...contract, amountFen: -1 })).status).toBe(400);
    expect((await officer.post('/api/contracts', { ...contract, amountFen: 1.5 })).status).toBe(400);
    expect((await officer.post('/api/contracts', { ...contract, category: 'gift' })).status).toBe(400);
    expect((await officer.post('/api/contracts', { ...contract, termEnd: '2026-01-01' })).status).toBe(400);
    expect((await officer.post('/api/contracts', { ...contract, counterpartyUscc: '91440101MA59XXXX0' })).status).toBe(400);
    expect(await ledgerSize(env)).toBe(before);
    const r = await officer.post('/api/contracts', contract);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ state: 'draft', amountFen: 12_800_000, categoryLabel: '采购合同', review: null });
    expect(r.body.gate.code).toBe('LEGALITY_REVIEW_MISSING');
    id = r.body.id;
  });

  it('a sibling unit and a sibling district see nothing and cannot act', async () => {
    expect((await siblingStation.get(`/api/contracts/${id}`)).status).toBe(404);
    expect((await siblingDistrict.get(`/api/contracts/${id}`)).status).toBe(404);
    expect((await siblingDistrict.get('/api/contracts')).body.items.map((c: { id: string }) => c.id)).not.toContain(id);
    expect((await step(siblingDistrict, id, 'requestReview', { materials: '合同文本' })).status).toBe(404);
    expect((await step(siblingStation, id, 'abandon', { reason: '不需要' })).status).toBe(404);
    expect((await upload(siblingDistrict, id)).status).toBe(404);
    // the legal office reads it (and reviews it in the legality module), but does not handle the contract
    expect((await reviewer.get(`/api/contracts/${id}`)).status).toBe(200);
    expect((await step(reviewer, id, 'requestReview', { materials: '合同文本' })).status).toBe(403);
  });

  it('the gate, one step at a time: no review, review running, 不合法, no file', async () => {
    const file = (await upload(officer, id)).body.id as string;
    expect(file).toBeTruthy();
    // 1. no review at all: even from 草拟 the contract cannot be signed
    const draftSign = await step(leader, id, 'sign', { signedOn: '2026-11-01', signedFileId: file });
    expect(draftSign.status).toBe(409);
    const req = await step(officer, id, 'requestReview', { materials: '合同文本、采购文件、供应商资质' }, '2026-10-12');
    expect(req.status).toBe(200);
    expect(req.body.state).toBe('underReview');
    const reviewId = req.body.reviews[0].id as string;
    // 2. the review is still running
    const pending = await step(leader, id, 'sign', { signedOn: '2026-10-13', signedFileId: file });
    expect(pending.status).toBe(422);
    expect(pending.body.error.code).toBe('LEGALITY_REVIEW_PENDING');
    expect(pending.body.error.message).toContain('不得签订');
    // a second request while one runs
    expect((await step(officer, id, 'requestReview', { materials: '再次送审' })).body.error.code).toBe('LEGALITY_REVIEW_OPEN');
    // 3. 不合法
    expect(
      (await reviewStep(reviewId, 'conclude', { checklist: await checklist('fail'), opinion: 'unlawful', reasons: '违约责任条款显失公平' }, '2026-10-15'))
        .status,
    ).toBe(200);
    const unlawful = await step(leader, id, 'sign', { signedOn: '2026-10-16', signedFileId: file });
    expect(unlawful.body.error.code).toBe('LEGALITY_REVIEW_UNLAWFUL');
    expect((await officer.get(`/api/contracts/${id}`)).body.state).toBe('underReview');
    // amended and sent again; 修改后合法
    const again = await step(officer, id, 'requestReview', { materials: '修改后的合同文本' }, '2026-10-19');
    const second = again.body.reviews[0].id as string;
    expect(
      (await reviewStep(second, 'conclude', { checklist: await checklist('pass'), opinion: 'lawfulAfterChanges', reasons: '已修改违约责任条款' }, '2026-10-20'))
        .status,
    ).toBe(200);
    // 4. no signed file: a file of another matter does not count
    const other = (await officer.post('/api/contracts', { ...contract, title: '另一份合同' })).body.id as string;
    const otherFile = (await upload(officer, other)).body.id as string;
    expect((await step(leader, id, 'sign', { signedOn: '2026-10-21', signedFileId: otherFile })).body.error.code).toBe('CONTRACT_FILE_REQUIRED');
    // bad input
    expect((await step(leader, id, 'sign', { signedOn: '2026-13-01', signedFileId: file })).status).toBe(400);
    // signed
    const signed = await step(leader, id, 'sign', { signedOn: '2026-10-21', signedFileId: file }, '2026-10-21');
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({ state: 'signed', signedOn: '2026-10-21', signedFileId: file, gate: null });
    expect(signed.body.reviews.map((r: { opinion: string }) => r.opinion)).toEqual(['lawfulAfterChanges', 'unlawful']);
  });

  it('performance and dispute notes, then 履行完毕', async () => {
    expect((await step(officer, id, 'notePerformance', { note: '已交付20台', notedOn: '2026-11-20' })).status).toBe(200);
    expect((await step(officer, id, 'noteDispute', { note: ' ', notedOn: '2026-11-20' })).status).toBe(400);
    const d = await step(officer, id, 'noteDispute', { note: '2台存在质量问题，已协商更换', notedOn: '2026-12-01' });
    expect(d.body.notes.map((n: { kind: string }) => n.kind)).toEqual(['performance', 'dispute']);
    expect((await step(officer, id, 'close', { closedOn: '2027-10-31', note: '履行完毕' })).body.state).toBe('closed');
  });
});

describe('立法征询', () => {
  it('registers, shows overdue, answers with a filed reply; authorization and bad input', async () => {
    expect(
      (await officer.post('/api/legislative-consultations', { requester: '市司法局', draftTitle: '示例市电梯安全管理条例（草案）', receivedOn: '2026-11-01' }))
        .status,
    ).toBe(403);
    expect((await reviewer.post('/api/legislative-consultations', { requester: '', draftTitle: 'x', receivedOn: '2026-11-01' })).status).toBe(400);
    expect(
      (await reviewer.post('/api/legislative-consultations', { requester: '市司法局', draftTitle: 'x', receivedOn: '2026-11-01', dueOn: '2026-10-01' })).status,
    ).toBe(400);
    const r = await reviewer.post('/api/legislative-consultations', {
      requester: '市司法局',
      draftTitle: '示例市电梯安全管理条例（草案）',
      receivedOn: '2026-11-01',
      dueOn: '2026-11-15',
    });
    expect(r.status).toBe(200);
    const id = r.body.id as string;
    expect(r.body).toMatchObject({ state: 'received', overdue: true });
    expect((await siblingDistrict.get(`/api/legislative-consultations/${id}`)).status).toBe(404);
    expect((await siblingStation.get(`/api/legislative-consultations/${id}`)).status).toBe(404);
    expect((await leader.get('/api/legislative-consultations')).body.items.map((i: { id: string }) => i.id)).toContain(id);
    const v = (await reviewer.get(`/api/legislative-consultations/${id}`)).body.version;
    expect(
      (
        await officer.post(`/api/legislative-consultations/${id}/transitions/reply`, {
          expectedVersion: v,
          input: { reply: '无意见', repliedOn: '2026-11-10' },
        })
      ).status,
    ).toBe(404);
    const done = await reviewer.post(`/api/legislative-consultations/${id}/transitions/reply`, {
      expectedVersion: v,
      input: { reply: '建议第十二条增加维保单位的报告义务', repliedOn: '2026-11-14' },
    });
    expect(done.body).toMatchObject({ state: 'replied', overdue: false, repliedLate: false, repliedOn: '2026-11-14' });
  });
});

describe('figures', () => {
  it('counts contract reviews by outcome, contracts signed and 立法征询 replies from the records', async () => {
    const station2 = await orgIdByName(env, '第二市场监管所');
    const district = await orgIdByName(env, '示例区市场监督管理局');
    const value = async (id: string, from: string, to: string, orgId: string, extra = '') => {
      const r = await leader.get(`/api/figures/${id}?from=${from}&to=${to}&orgId=${orgId}${extra}`);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r.body.value;
    };
    // the contract of this file: 不合法 on 2026-10-15, 修改后合法 on 2026-10-20, signed on 2026-10-21 (第二市场监管所)
    expect(await value('contracts.reviewed', '2026-10-01', '2026-10-31', station2)).toBe(2);
    expect(await value('contracts.reviewed', '2026-10-01', '2026-10-31', station2, '&filter=opinion=unlawful')).toBe(1);
    expect(await value('contracts.signed', '2026-10-01', '2026-10-31', station2)).toBe(1);
    // the 立法征询 answered on 2026-11-14, before the date asked (2026-11-15)
    expect(await value('contracts.legislativeReplies', '2026-11-14', '2026-11-14', district, '&filter=on_time=yes')).toBe(1);
    expect(await value('legality.reviewsConcluded', '2026-10-01', '2026-10-31', station2, '&filter=kind=contract')).toBe(0);
    expect((await siblingDistrict.get(`/api/figures/contracts.reviewed?from=2026-10-01&to=2026-10-31&orgId=${station2}`)).status).toBe(404);
  });
});

describe('the demo', () => {
  it('has a contract signed after review, one refused, one in review, the register and two 立法征询', async () => {
    const list = (await leader.get('/api/contracts')).body.items as { title: string; state: string; review: { opinion: string | null } | null }[];
    const by = (t: string) => list.find((c) => c.title === t)!;
    expect(by('执法记录仪及配套设备采购合同')).toMatchObject({ state: 'signed', review: { opinion: 'lawful' } });
    expect(by('食品抽样检验委托合同')).toMatchObject({ state: 'abandoned', review: { opinion: 'unlawful' } });
    expect(by('消费维权进商超合作协议')).toMatchObject({ state: 'underReview', review: { opinion: null } });
    const advisers = (await reviewer.get('/api/legality/advisers')).body.items as { kind: string }[];
    expect(advisers.filter((a) => a.kind === 'adviser').length).toBeGreaterThanOrEqual(2);
    expect(advisers.filter((a) => a.kind === 'publicLawyer').length).toBeGreaterThanOrEqual(1);
    const asks = (await reviewer.get('/api/legislative-consultations')).body.items as { draftTitle: string; state: string }[];
    expect(asks.find((a) => a.draftTitle.startsWith('示例市电梯安全管理条例'))?.state).toBe('replied');
    expect(asks.find((a) => a.draftTitle.startsWith('示例省食品小作坊'))?.state).toBe('received');
    expect((await reviewer.get('/api/legality/reviews?open=true')).body.items.map((r: { title: string }) => r.title)).toContain('消费维权进商超合作协议');
  });
});
