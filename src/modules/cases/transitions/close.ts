import { closureProblems, executionActs, terminationGrounds } from '../../../domain/cases/execution.ts';
import { actorOf } from '../../../platform/context.ts';
import { yuan } from '../../../platform/documents/format.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { executionView } from '../execution.ts';
import { loadCase } from '../facts.ts';
import { openMeasureProblems } from '../measures.ts';
import { problem } from '../guards.ts';
import { closureApprovalText } from '../instrumentText.ts';
import { cnDate, issueCaseInstrument } from '../instruments.ts';
import { transitionInputs } from '../schema.ts';
import type { Problem } from '../../../domain/workflow.ts';
import { openDeadlines, patchCase, type OpenDeadline } from '../store.ts';

/**
 * Acts the law times that are still open: the fine collected on the spot not handed over (行政处罚法 第七十一条 "应当自
 * 收缴罚款之日起二日内，交至行政机关"), evidence preserved without its 处理决定 (第五十六条 "应当在七日内及时作出处理决定").
 */
export function actsPending(f: { handover: Pick<OpenDeadline, 'due'>[]; preservations: Pick<OpenDeadline, 'due'>[] }): Problem[] {
  return [
    ...(f.handover.length ? problem('HANDOVER_PENDING', `当场收缴的罚款尚未交至行政机关（期限至 ${f.handover[0].due}，行政处罚法 第七十一条），不能结案`) : []),
    ...(f.preservations.length
      ? problem('PRESERVATION_PENDING', `先行登记保存的证据尚未作出处理决定（期限至 ${f.preservations[0].due}，行政处罚法 第五十六条），不能结案`)
      : []),
  ];
}

/**
 * 结案: the referral accepted, or every line of the decision executed — the fine and its late fee paid, the confiscated
 * gains paid, the confiscated property handed over or disposed of, a follow-up of the other penalties — or, for what
 * is not, a recorded ground of 终结执行 (行政强制法 第四十条). A case sent to the court also states the outcome.
 * A case whose 查封、扣押 is neither released nor ended by a decision (行政强制法 第二十七条、第二十八条), or whose fine
 * collected on the spot has not been handed over (行政处罚法 第七十一条), or whose preserved evidence has no 处理决定
 * (第五十六条), is not closed.
 */
export const close = defineTransition({
  label: '结案',
  from: ['served', 'enforcement', 'referred'],
  to: 'closed',
  roles: ['leader'],
  input: transitionInputs.close,
  load: async (g) => {
    const c = await loadCase(g);
    return {
      case: c,
      view: await executionView(g.tx, c, g.date),
      measures: await openMeasureProblems(g.tx, c.id),
      handover: await openDeadlines(g.tx, c.id, ['penalty.onSiteHandover']),
      preservations: await openDeadlines(g.tx, c.id, ['evidence.preservationDecision']),
    };
  },
  guards: [
    ({ input, facts: { case: c, view }, matter }) => {
      if (matter.state === 'referred') return c.referral?.answer === 'accepted' ? [] : problem('REFERRAL_PENDING', '移送案件须待接收机关立案后结案');
      if (matter.state === 'enforcement' && !input.enforcementOutcome) return problem('ENFORCEMENT_OUTCOME_MISSING', '申请强制执行的案件结案须载明执行结果');
      return closureProblems(view.lines, input.terminationGround ? { ground: input.terminationGround, note: input.terminationNote } : null);
    },
    // a referred case's seized goods go with the case to the police (移送); the other states release or dispose of them first
    ({ facts: { measures }, matter }) => (matter.state === 'referred' ? [] : measures),
    ({ facts }) => actsPending(facts),
  ],
  effect: async ({ tx, ctx, input: i, facts: { case: c, view }, date, principal }) => {
    const text = closureApprovalText(c, {
      payments: view.payments,
      enforcementOutcome: i.enforcementOutcome,
      opinion: i.opinion,
      leader: principal.displayName,
      date,
    });
    const records = (c.execution?.records ?? []).map((r) => {
      const line = c.decision?.penalties[r.line];
      const what = line?.note ? `（${line.note}）` : '';
      return `${cnDate(r.on)}${executionActs[r.act].label}${r.act === 'payment' ? '' : what}${r.amountFen ? yuan(r.amountFen) : ''}${r.receiptNo ? `，凭证编号${r.receiptNo}` : ''}。`;
    });
    const open = view.lines.filter((l) => l.state === 'pending');
    const termination =
      i.terminationGround && open.length
        ? `${open.map((l) => l.label).join('、')}未执行完毕，依据《中华人民共和国行政强制法》第四十条第${terminationGrounds[i.terminationGround].item}项“${terminationGrounds[i.terminationGround].label}”终结执行${i.terminationNote ? `：${i.terminationNote}` : ''}。`
        : '';
    const ins = await issueCaseInstrument(ctx, tx, actorOf(principal), c, {
      kind: 'closureApproval',
      date,
      override: i.instrumentData,
      specific: {
        ...text,
        execution: `${text.execution === '无需执行。' && (records.length || termination) ? '' : text.execution}${records.join('')}${termination}`,
      },
    });
    await patchCase(tx, c.id, {
      closedOn: date,
      ...(c.enforcement && i.enforcementOutcome ? { enforcement: { ...c.enforcement, outcome: i.enforcementOutcome } } : {}),
      ...(termination ? { execution: { ...c.execution, termination: { ground: i.terminationGround!, note: i.terminationNote ?? null, on: date } } } : {}),
    });
    return { instrumentId: ins.id, number: ins.number };
  },
});
