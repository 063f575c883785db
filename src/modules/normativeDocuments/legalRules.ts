/**
 * The normative-document rules in the 规则目录 (domain/legalRules.ts): when public comment may be skipped,
 * when the fair-competition review applies, which validity applies. Each `check` is the function the workflow runs.
 */
import { legalRule } from '../../domain/legalRules.ts';
import { commentSkipProblem, fairCompetitionRequired, isProvisionalTitle, nationalSettings } from '../../domain/normativeDocuments/rules.ts';

const YS = '优化营商环境条例@2019-10-22';

export const normativeLegalRules = [
  legalRule<{ affectsRights: boolean; reason: string }, { mayGoOn: boolean; problem: string | null }>({
    id: 'normativeDocument.comment',
    kind: 'guard',
    name: '规范性文件公开征求意见',
    statement:
      '涉及公民、法人和其他组织权利义务（与市场主体生产经营活动密切相关）的行政规范性文件，应当向社会公开征求意见，期限一般不少于30日；不公开征求意见的，须记录理由。',
    basis: [`${YS}#第六十二条`],
    sourceNote: '国办发〔2018〕37号对行政规范性文件公开征求意见的要求未入库；省级规定在 provinceSettings 中配置',
    changedOn: '2026-12-07',
    fields: { affectsRights: '涉及权利义务', reason: '不征求意见的理由', mayGoOn: '可不征求意见', problem: '问题' },
    examples: [
      {
        text: '第六十二条第二款：涉及市场主体权利义务的，应当通过报纸、网络等向社会公开征求意见，不能跳过',
        given: { affectsRights: true, reason: '时间紧' },
        expect: { mayGoOn: false, problem: 'affectsRights' },
      },
      {
        text: '不涉及权利义务的内部工作规范，记录理由后可不公开征求意见',
        given: { affectsRights: false, reason: '仅规范内部工作程序' },
        expect: { mayGoOn: true, problem: null },
      },
      { text: '不公开征求意见而不记录理由的，不能继续', given: { affectsRights: false, reason: '' }, expect: { mayGoOn: false, problem: 'reasonMissing' } },
    ],
    check: (g) => {
      const problem = commentSkipProblem({ affectsRights: g.affectsRights, reason: g.reason, required: nationalSettings.commentWhenAffectsRights.required });
      return { mayGoOn: problem === null, problem };
    },
  }),
  legalRule<{ concernsMarket: boolean }, { reviewRequired: boolean }>({
    id: 'normativeDocument.fairCompetition',
    kind: 'guard',
    name: '规范性文件公平竞争审查',
    statement: '起草涉及经营者经济活动的规范性文件，应当进行公平竞争审查；未经审查的，不得出台（提请合法性审核前、登记印发前各检查一次）。',
    basis: ['公平竞争审查条例@2024-06-06#第二条', `${YS}#第六十三条`],
    changedOn: '2026-12-07',
    fields: { concernsMarket: '涉及经营者经济活动', reviewRequired: '须公平竞争审查' },
    examples: [
      {
        text: '公平竞争审查条例第二条：起草涉及经营者经济活动的规范性文件，应当开展公平竞争审查',
        given: { concernsMarket: true },
        expect: { reviewRequired: true },
      },
      { text: '不涉及经营者经济活动的（如机关内部管理），不适用', given: { concernsMarket: false }, expect: { reviewRequired: false } },
    ],
    check: (g) => ({
      reviewRequired: fairCompetitionRequired({ concernsMarket: g.concernsMarket, required: nationalSettings.fairCompetitionWhenMarket.required }),
    }),
  }),
  legalRule<{ title: string }, { validity: string }>({
    id: 'normativeDocument.validityKind',
    kind: 'threshold',
    name: '规范性文件有效期（暂行、试行较短）',
    statement: '规范性文件自施行之日起在有效期内有效；标题含“暂行”“试行”的适用较短的有效期。期限按本省规定配置，平台默认一般五年、暂行试行二年（未核实）。',
    basis: [],
    sourceNote: '有效期制度由各省行政规范性文件管理规定确定，文本未入库；默认值未经核实',
    changedOn: '2026-12-07',
    fields: { title: '文件标题', validity: '适用的有效期规则' },
    examples: [
      {
        text: '标题含“试行”的，适用暂行、试行的有效期',
        given: { title: '示例区市场监督管理局关于规范商品明码标价行为的若干规定（试行）' },
        expect: { validity: nationalSettings.provisionalValidityRule },
      },
      {
        text: '一般规范性文件适用一般有效期',
        given: { title: '示例区市场监督管理局关于规范商品明码标价行为的若干规定' },
        expect: { validity: nationalSettings.validityRule },
      },
    ],
    check: (g) => ({ validity: isProvisionalTitle(g.title) ? nationalSettings.provisionalValidityRule : nationalSettings.validityRule }),
  }),
];
