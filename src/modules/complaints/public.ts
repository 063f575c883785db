/**
 * What the public reads: the bodies that take complaints (the portal's form), and the status of one complaint or
 * report by its query code — kind, handling body, state and the dated steps. No person, no respondent, no facts:
 * the code may be guessed or passed on, so it opens nothing personal (第三十三条).
 */
import { rejectionGrounds, reportClosingGrounds } from '../../domain/complaints/rules.ts';
import { complaintKinds } from '../../domain/complaints/rules.ts';
import type { Queryable } from '../../platform/db/index.ts';
import { stateLabelOf } from './queries.ts';
import { bodyOf } from './bodies.ts';
import { normaliseQueryCode, QUERY_CODE, type ComplaintKind } from '../../domain/complaints/rules.ts';

export async function publicBodies(q: Queryable) {
  return {
    items: (
      await q.query<{ id: string; name: string }>(`select id, name from orgs where is_enforcement_body and parent_id is not null order by sort_order, name`)
    ).rows,
  };
}

const article = (s: string | null) => (s ? s.replace(/：.*$/, '') : '');

export async function publicStatus(q: Queryable, code: string) {
  const qc = normaliseQueryCode(code);
  if (!QUERY_CODE.test(qc)) return null;
  const r = (
    await q.query<{
      kind: ComplaintKind;
      orgId: string;
      receivedOn: string;
      state: string;
      decidedOn: string | null;
      rejectionGround: string | null;
      agreement: { reachedOn: string } | null;
      terminatedOn: string | null;
      notifiedOn: string | null;
    }>(
      `select kind, org_id as "orgId", received_on as "receivedOn", state, decided_on as "decidedOn", rejection_ground as "rejectionGround",
              agreement, terminated_on as "terminatedOn", notified_on as "notifiedOn"
         from complaints where query_code = $1`,
      [qc],
    )
  ).rows[0];
  if (!r) return null;
  const bodyId = await bodyOf(q, r.orgId);
  const orgName = (await q.query<{ name: string }>('select name from orgs where id = $1', [bodyId])).rows[0].name;
  const steps: { on: string; label: string }[] = [{ on: r.receivedOn, label: `收到${complaintKinds[r.kind]}` }];
  if (r.kind === 'complaint') {
    if (r.state === 'rejected' && r.decidedOn)
      steps.push({
        on: r.decidedOn,
        label: `决定不予受理（《市场监督管理投诉举报处理暂行办法》${article(rejectionGrounds[r.rejectionGround as keyof typeof rejectionGrounds] ?? null)}）`,
      });
    else if (r.decidedOn) steps.push({ on: r.decidedOn, label: '决定受理，组织调解' });
    if (r.agreement) steps.push({ on: r.agreement.reachedOn, label: '达成调解协议，调解成功' });
    if (r.terminatedOn) steps.push({ on: r.terminatedOn, label: '终止调解' });
    if (r.notifiedOn) steps.push({ on: r.notifiedOn, label: '告知终止调解' });
  } else if (r.decidedOn) {
    steps.push(
      r.state === 'leadOpened'
        ? { on: r.decidedOn, label: '已按照行政处罚程序核查处理（是否立案的决定将依法告知实名举报人）' }
        : { on: r.decidedOn, label: `不予处理（${article(reportClosingGrounds[r.rejectionGround as keyof typeof reportClosingGrounds] ?? null)}）` },
    );
  }
  return {
    queryCode: qc,
    kind: r.kind,
    kindLabel: complaintKinds[r.kind],
    orgName,
    receivedOn: r.receivedOn,
    state: r.state,
    stateLabel: stateLabelOf(r.kind, r.state),
    steps,
  };
}
