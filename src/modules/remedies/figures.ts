/**
 * The figures of 行政复议 and 行政应诉 (统计指标目录, platform/figures) — the authoritative ones, counted from the remedies'
 * own records: reconsiderations decided and suits whose judgment took effect, by outcome and by the kind of act
 * challenged; the share corrected (被纠错率); the share of court hearings the head attended (负责人出庭应诉率); answers and
 * defences made on time.
 */
import { judgmentOutcomes, reconsiderationOutcomes, subjectKinds } from '../../domain/remedies/rules.ts';
import { defineFigures } from '../../platform/figures/define.ts';

const labels = (o: Record<string, { label: string }>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v.label]));
const subjectKind = { label: '被申请（被诉）行为类别', values: subjectKinds };
const seed004 = { ref: 'seed:004', quote: '收到行政复议机关的行政复议书8件,应诉的行政诉讼2件,都是涉及投诉举报处理类案件' };
const seed000 = { ref: 'seed:000', quote: '行政诉讼案件6宗,被行政复议案件2宗' };

export const remedyFigures = defineFigures([
  {
    id: 'remedies.reconsiderationsDecided',
    label: '行政复议案件数（本机关为被申请人）',
    definition:
      '期间内行政复议机关作出决定（含调解、和解、终止）的以本机关为被申请人的行政复议案件数，以决定日期计，按决定结果和被申请行为类别分列；本机关按2017年法自行办理的复议案件不计入',
    unit: 'cases',
    aggregate: 'count',
    period: 'flow',
    dimensions: { outcome: { label: '复议决定', values: labels(reconsiderationOutcomes) }, subject_kind: subjectKind },
    sources: [seed004, seed000],
    facts: `select r.id as ref, m.title, '/remedies/reconsiderations/' || r.id as href, r.body_id as org_id, r.decided_on as on_date, 1 as value,
                   r.outcome, r.subject_kind
              from reconsiderations r join matters m on m.id = r.id where r.decided_on is not null and not r.self_decided`,
  },
  {
    id: 'remedies.lawsuitsConcluded',
    label: '行政诉讼案件数（本机关为被告）',
    definition: '期间内裁判（含调解书、准予撤诉裁定）发生法律效力的以本机关为被告的行政诉讼案件数，以生效日期计，按生效裁判结果和被诉行为类别分列',
    unit: 'cases',
    aggregate: 'count',
    period: 'flow',
    dimensions: { outcome: { label: '裁判结果', values: labels(judgmentOutcomes) }, subject_kind: subjectKind },
    sources: [seed004, seed000],
    facts: `select l.id as ref, m.title, '/remedies/lawsuits/' || l.id as href, l.body_id as org_id, l.effective_on as on_date, 1 as value,
                   l.outcome, l.subject_kind
              from lawsuits l join matters m on m.id = l.id where l.effective_on is not null`,
  },
  {
    id: 'remedies.correctionRate',
    label: '行政复议和行政诉讼被纠错率',
    definition:
      '期间内审结（复议决定作出、裁判生效）的以本机关为被申请人或者被告的案件中，原行政行为被变更、撤销或者确认违法、无效的比例（调解、和解以其内容为准），复议、诉讼分列',
    unit: 'percent',
    aggregate: 'share',
    period: 'flow',
    dimensions: { kind: { label: '类别', values: { reconsideration: '行政复议', litigation: '行政诉讼' } }, subject_kind: subjectKind },
    sources: [
      { ref: 'seed:004', quote: '对未依法履职造成复议机关作出确认违法、撤销、变更、责令履行等不利于我局的复议决定的' },
      { ref: 'seed:004', quote: '经过积极应诉,所有的行政诉讼均获胜诉' },
    ],
    facts: `select r.id as ref, m.title, '/remedies/reconsiderations/' || r.id as href, r.body_id as org_id, r.decided_on as on_date,
                   case when r.effect = 'stands' then 0 else 1 end as value, 'reconsideration' as kind, r.subject_kind
              from reconsiderations r join matters m on m.id = r.id where r.decided_on is not null and not r.self_decided
            union all
            select l.id, m.title, '/remedies/lawsuits/' || l.id, l.body_id, l.effective_on,
                   case when l.effect = 'stands' then 0 else 1 end, 'litigation', l.subject_kind
              from lawsuits l join matters m on m.id = l.id where l.effective_on is not null`,
  },
  {
    id: 'remedies.headAppearanceRate',
    label: '行政机关负责人出庭应诉率',
    definition: '期间内开庭审理的以本机关为被告的行政诉讼庭次中，行政机关负责人（正职、副职或者分管负责人）出庭应诉的比例，以开庭日期计，每次开庭计一次',
    unit: 'percent',
    aggregate: 'share',
    period: 'flow',
    sources: [{ ref: 'rule:行政诉讼法#第三条', quote: '被诉行政机关负责人应当出庭应诉。不能出庭的，应当委托行政机关相应的工作人员出庭' }],
    facts: `select l.id || ':' || (h->>'id') as ref, m.title || '（' || (h->>'heldOn') || '）' as title, '/remedies/lawsuits/' || l.id as href, l.body_id as org_id,
                   (h->>'heldOn')::date as on_date, case when h->>'appearance' = 'head' then 1 else 0 end as value
              from lawsuits l join matters m on m.id = l.id cross join lateral jsonb_array_elements(l.hearings) h where h->>'kind' = 'court'`,
  },
  {
    id: 'remedies.answersOnTime',
    label: '行政复议按期答复率、行政诉讼按期答辩率',
    definition:
      '答复期限（收到申请书副本之日起十个工作日）或者答辩期限（收到起诉状副本之日起十五日）在期间内届满的案件中，在期限内提出书面答复或者答辩状的比例，复议、诉讼分列；未答复（答辩）即结案的计为未按期',
    unit: 'percent',
    aggregate: 'share',
    period: 'flow',
    dimensions: { kind: { label: '类别', values: { reconsideration: '行政复议答复', litigation: '行政诉讼答辩' } } },
    sources: [
      { ref: 'rule:行政复议法#第四十八条', quote: '被申请人应当自收到行政复议申请书副本或者行政复议申请笔录复印件之日起十日内，提出书面答复' },
      { ref: 'rule:行政诉讼法#第六十七条', quote: '被告应当在收到起诉状副本之日起十五日内向人民法院提交作出行政行为的证据和所依据的规范性文件，并提出答辩状' },
    ],
    facts: `select r.id as ref, m.title, '/remedies/reconsiderations/' || r.id as href, r.body_id as org_id, d.due_date as on_date,
                   case when r.answered_on is not null and r.answered_on <= d.due_date then 1 else 0 end as value, 'reconsideration' as kind
              from matter_deadlines d join reconsiderations r on r.id = d.matter_id join matters m on m.id = r.id
             where d.rule_id in ('reconsideration.answer', 'reconsideration.answer.2017')
            union all
            select l.id, m.title, '/remedies/lawsuits/' || l.id, l.body_id, d.due_date,
                   case when l.defended_on is not null and l.defended_on <= d.due_date then 1 else 0 end, 'litigation'
              from matter_deadlines d join lawsuits l on l.id = d.matter_id join matters m on m.id = l.id
             where d.rule_id = 'litigation.defence'`,
  },
  {
    id: 'remedies.disclosureRemedies',
    label: '因政府信息公开工作被申请行政复议、提起行政诉讼的案件数',
    definition:
      '期间内收到行政复议申请书副本或者起诉状副本的、被申请（被诉）行为为政府信息公开（依申请公开答复等）的案件数，以收到日期计，按类别和目前的办理结果分列：结果维持（维持、驳回复议请求或者诉讼请求、驳回上诉），结果纠正（变更、撤销、确认违法或者无效、责令履行），其他结果（调解、和解、终止、撤诉、驳回起诉、发回重审等），尚未审结（复议决定未作出、裁判未生效）；本机关按2017年法自行办理的复议案件不计入',
    unit: 'cases',
    aggregate: 'count',
    period: 'flow',
    dimensions: {
      kind: { label: '类别', values: { reconsideration: '行政复议', litigation: '行政诉讼' } },
      kind_result: {
        label: '类别和结果',
        values: {
          reconsiderationUpheld: '行政复议：结果维持',
          reconsiderationCorrected: '行政复议：结果纠正',
          reconsiderationOther: '行政复议：其他结果',
          reconsiderationPending: '行政复议：尚未审结',
          litigationUpheld: '行政诉讼：结果维持',
          litigationCorrected: '行政诉讼：结果纠正',
          litigationOther: '行政诉讼：其他结果',
          litigationPending: '行政诉讼：尚未审结',
        },
      },
    },
    sources: [{ ref: 'rule:政府信息公开条例#第五十条', quote: '因政府信息公开工作被申请行政复议、提起行政诉讼的情况' }],
    facts: `select r.id as ref, m.title, '/remedies/reconsiderations/' || r.id as href, r.body_id as org_id, r.received_on as on_date, 1 as value,
                   'reconsideration' as kind,
                   'reconsideration' || case when r.decided_on is null then 'Pending'
                                             when r.outcome in ('upheld', 'dismissed') then 'Upheld'
                                             when r.effect in ('changed', 'setAside') or r.outcome = 'performanceOrdered' then 'Corrected'
                                             else 'Other' end as kind_result
              from reconsiderations r join matters m on m.id = r.id where r.subject_kind = 'disclosure' and not r.self_decided
            union all
            select l.id, m.title, '/remedies/lawsuits/' || l.id, l.body_id, l.received_on, 1, 'litigation',
                   'litigation' || case when l.effective_on is null then 'Pending'
                                        when l.outcome in ('claimDismissed', 'appealDismissed') then 'Upheld'
                                        when l.effect in ('changed', 'setAside') or l.outcome = 'performanceOrdered' then 'Corrected'
                                        else 'Other' end
              from lawsuits l join matters m on m.id = l.id where l.subject_kind = 'disclosure'`,
  },
]);
