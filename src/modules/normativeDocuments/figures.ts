/**
 * The figures of 规范性文件 (统计指标目录, platform/figures): documents made (published; a new version of an amended
 * document counts as made again), filed, cleaned up by outcome, and repealed — as the seed reports quote them.
 */
import { defineFigures } from '../../platform/figures/define.ts';

const href = `'/normative-documents/' || d.id`;
const title = `coalesce(d.number, '（未编号）') || ' ' || d.title`;

export const normativeDocumentFigures = defineFigures([
  {
    id: 'normativeDocuments.made',
    label: '制定规范性文件数',
    definition: '期间内公布的规范性文件件数（以公布日期计；修改后重新公布的新版本另计一件，按“新制定/修改”分列）',
    unit: 'items',
    aggregate: 'count',
    period: 'flow',
    dimensions: { kind: { label: '类型', values: { new: '新制定', amendment: '修改' } } },
    sources: [
      { ref: 'seed:002', quote: '2019年我局共起草制定了5份行政规范性文件' },
      {
        ref: 'seed:000',
        quote: '按计划、按进度推进《广州市市长质量奖评审管理办法》1个政府规范性文件和《广州市地方标准管理办法》等3个部门规范性文件的制修订工作',
      },
    ],
    facts: `select d.id as ref, ${title} as title, ${href} as href, d.body_id as org_id, d.published_on as on_date, 1 as value,
                   case when d.version_no > 1 then 'amendment' else 'new' end as kind
              from normative_documents d where d.published_on is not null`,
  },
  {
    id: 'normativeDocuments.filed',
    label: '报送备案规范性文件数',
    definition: '期间内报送备案的规范性文件件数（以报送日期计），按备案审查结果分列（未有结果的为“待审查”）',
    unit: 'items',
    aggregate: 'count',
    period: 'flow',
    dimensions: {
      result: {
        label: '备案审查结果',
        values: { registered: '准予备案（已登记）', correctionRequired: '要求纠正', notRegistered: '不予备案', pending: '待审查' },
      },
    },
    sources: [{ ref: 'rule:法规规章备案审查条例#第二十五条', quote: '建立相关的备案审查制度' }],
    facts: `select d.id as ref, ${title} as title, ${href} as href, d.body_id as org_id, d.filed_on as on_date, 1 as value,
                   coalesce(d.filing_result, 'pending') as result
              from normative_documents d where d.filed_on is not null`,
  },
  {
    id: 'normativeDocuments.cleaned',
    label: '清理规范性文件数',
    definition: '期间内作出清理决定的规范性文件件次（以决定日期计），按清理结果分列：继续有效、修改、废止、宣布失效（含有效期届满后确认失效）',
    unit: 'items',
    aggregate: 'count',
    period: 'flow',
    dimensions: { outcome: { label: '清理结果', values: { keep: '继续有效', amend: '修改', repeal: '废止', invalid: '宣布失效' } } },
    sources: [
      {
        ref: 'seed:000',
        quote: '对我局牵头起草、组织实施的……1 份政府规范性文件、……7份部门规范性文件进行了以“放管服”改革、生态环境保护为重点的全面清理',
      },
    ],
    facts: `select c.id as ref, ${title} as title, ${href} as href, d.body_id as org_id, c.decided_on as on_date, 1 as value, c.outcome
              from normative_cleanups c join normative_documents d on d.id = c.document_id`,
  },
  {
    id: 'normativeDocuments.repealed',
    label: '废止规范性文件数',
    definition: '期间内废止的规范性文件件数（以废止日期计；宣布失效、有效期届满失效和被新版本修改的不计入）',
    unit: 'items',
    aggregate: 'count',
    period: 'flow',
    sources: [{ ref: 'seed:000', quote: '同时完成《广州市叉车安全管理规定》和《广州市质量技术监督局举报违法行为奖励办法》的废止程序' }],
    facts: `select d.id as ref, ${title} as title, ${href} as href, d.body_id as org_id, d.ended_on as on_date, 1 as value
              from normative_documents d where d.state = 'repealed' and d.ended_on is not null`,
  },
]);
