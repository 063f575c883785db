/** The 政府信息公开 rules in the 规则目录: what each answer must state (its `check` is the guard of 作出答复). */
import { answerProblems, answerTypeLabels, type AnswerType, withholdingGroundLabels, type WithholdingGround } from '../../domain/disclosure/rules.ts';
import { legalRule } from '../../domain/legalRules.ts';

const OGI = '政府信息公开条例@2019-04-03';
const typeByLabel = Object.fromEntries(Object.entries(answerTypeLabels).map(([k, v]) => [v, k])) as Record<string, AnswerType>;
const groundByLabel = Object.fromEntries(Object.entries(withholdingGroundLabels).map(([k, v]) => [v, k])) as Record<string, WithholdingGround>;

export const disclosureLegalRules = [
  legalRule<{ answerType: string; access: string; ground: string; reason: string; otherBody: string }, { allowed: boolean }>({
    id: 'disclosure.answerContent',
    kind: 'guard',
    name: '政府信息公开申请答复应当载明的内容',
    statement:
      '答复按第三十六条各项作出：已主动公开或予以公开的，告知获取信息的方式、途径；不予公开的，说明理由（第十四条、第十五条、第十六条的依据）；部分公开的，提供可以公开的部分并对不予公开的部分说明理由（第三十七条）；非本机关负责公开、能够确定负责机关的，告知该机关的名称、联系方式；信息不存在、重复申请等，写明情况。缺少应当载明的内容的，不能作出答复。',
    basis: [`${OGI}#第三十六条`, `${OGI}#第三十七条`, `${OGI}#第十四条`, `${OGI}#第十五条`, `${OGI}#第十六条`],
    changedOn: '2026-12-07',
    fields: {
      answerType: '答复类型',
      access: '获取方式、途径',
      ground: '不予公开的依据',
      reason: '理由',
      otherBody: '负责公开的行政机关',
      allowed: '可以作出答复',
    },
    examples: [
      {
        text: '第三十六条第（二）项“向申请人提供该政府信息，或者告知申请人获取该政府信息的方式、途径和时间”：予以公开并告知电子邮件发送',
        given: { answerType: '予以公开', access: '电子邮件发送', ground: '', reason: '', otherBody: '' },
        expect: { allowed: true },
      },
      {
        text: '第三十六条第（三）项“告知申请人不予公开并说明理由”：不予公开而未写依据和理由的，不能答复',
        given: { answerType: '不予公开', access: '', ground: '', reason: '', otherBody: '' },
        expect: { allowed: false },
      },
      {
        text: '第十五条“涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的政府信息，行政机关不得公开”：以此为依据部分公开，写明理由并提供其余部分',
        given: {
          answerType: '部分公开',
          access: '纸质文本邮寄',
          ground: withholdingGroundLabels.thirdPartyRights,
          reason: '第三方不同意公开其配方信息',
          otherBody: '',
        },
        expect: { allowed: true },
      },
      {
        text: '第三十六条第（五）项“能够确定负责公开该政府信息的行政机关的，告知申请人该行政机关的名称、联系方式”：未写联系方式的，不能答复',
        given: { answerType: '非本机关负责公开', access: '', ground: '', reason: '', otherBody: '示例区卫生健康局' },
        expect: { allowed: false },
      },
    ],
    check: (g) => ({
      allowed:
        answerProblems(
          {
            type: typeByLabel[g.answerType],
            access: g.access || null,
            ground: groundByLabel[g.ground] ?? null,
            reason: g.reason || null,
            otherBody: g.otherBody ? { name: g.otherBody, contact: g.otherBody.includes('：') ? g.otherBody.split('：')[1] : '' } : null,
          },
          { state: 'received', correctionDueOn: null, date: '2026-12-07' },
        ).length === 0,
    }),
  }),
];
