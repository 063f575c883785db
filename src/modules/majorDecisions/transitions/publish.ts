/**
 * 公布 (第三十二条): the decision goes on the portal with its 决策说明, both issued as instruments (.docx/.pdf); "对社会
 * 公众普遍关心或者专业性、技术性较强的重大行政决策，应当说明公众意见、专家论证意见的采纳情况" — a decision argued by experts
 * (第十九条: 专业性、技术性较强) states how their opinions were taken up. 第三十一条 "重大行政决策出台前应当按照规定向同级党委
 * 请示报告": how it was reported is recorded.
 */
import { actorOf } from '../../../platform/context.ts';
import { issueInstrument } from '../../../platform/documents/issue.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { procedureLines } from '../procedure.ts';
import { findCatalogueItem, orgName, type PublishedDecision } from '../store.ts';
import { MAJOR_DECISION } from '../types.ts';
import { decisionInputs } from './inputs.ts';
import { bodyOnly, loadDecision } from './shared.ts';

export const publish = defineTransition({
  label: '公布决策',
  from: ['decided'],
  to: 'published',
  roles: ['leader', 'admin'],
  input: decisionInputs.publish,
  load: loadDecision,
  guards: [
    bodyOnly,
    ({ input, facts }) =>
      facts.d.expert && !facts.d.expert.skipped && !input.expertOpinions
        ? [
            {
              code: 'DECISION_EXPERT_OPINIONS_UNEXPLAINED',
              message: '本决策经专家论证（专业性、技术性较强），公布时应当说明专家论证意见的采纳情况（第三十二条）',
            },
          ]
        : [],
  ],
  effect: async ({ tx, ctx, principal, input, facts, date }) => {
    const d = facts.d;
    const on = input.publishedOn ?? date;
    const discussion = d.discussion as { meetingName: string; heldOn: string };
    const base = { matterType: MAJOR_DECISION, matterId: d.id, orgId: d.bodyId, date: on };
    const text = await issueInstrument(ctx, tx, actorOf(principal), {
      ...base,
      kind: 'policyDecision',
      data: { decisionTitle: d.title, decisionText: input.text, discussedAt: discussion.meetingName, discussedOn: discussion.heldOn },
    });
    const explanation = await issueInstrument(ctx, tx, actorOf(principal), {
      ...base,
      kind: 'policyDecisionExplanation',
      data: {
        decisionTitle: d.title,
        explanation: input.explanation,
        procedure: procedureLines(d),
        ...(input.publicOpinions ? { publicOpinions: input.publicOpinions } : {}),
        ...(input.expertOpinions ? { expertOpinions: input.expertOpinions } : {}),
      },
    });
    const item = (await findCatalogueItem(tx, d.catalogueItemId))!;
    const content: PublishedDecision = {
      title: d.title,
      body: await orgName(tx, d.bodyId),
      publishedOn: on,
      number: text.number,
      text: input.text,
      explanation: input.explanation,
      publicOpinions: input.publicOpinions ?? '',
      expertOpinions: input.expertOpinions ?? '',
      catalogueYear: d.year,
      catalogueSeq: item.seq,
    };
    await tx.query('update major_decisions set publication = $2, published_on = $3 where id = $1', [d.id, JSON.stringify(content), on]);
    return { number: text.number, instrumentIds: [text.id, explanation.id] };
  },
});
