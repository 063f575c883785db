/**
 * A real pair of statute versions from laws/ for 从旧兼从轻 (行政处罚法 第三十七条): selling agricultural
 * produce that does not meet the quality-safety standards, under 农产品质量安全法 2018 (第五十条) and its 2022
 * revision (第七十一条, in force from 2023-01-01: "本法自2023年1月1日起施行"). A test fixture, not part of the
 * sample catalogue: under the 2022 text 第七十一条 names the 农业农村主管部门 as the deciding body, whereas the
 * 2018 第五十二条 gave 第五十条第二款 to the 市场监督管理部门; the pair is used for the comparison of the texts.
 */
import type { LawVersionPeriod, StatuteVersion, ViolationRule } from '../model.ts';

const V2018 = '农产品质量安全法@2018-10-26';
const V2022 = '农产品质量安全法@2022-09-02';

/** 2018 第五十条: "没收违法所得，并处二千元以上二万元以下罚款". */
export const agriculture2018: StatuteVersion = {
  violates: [`${V2018}#第三十三条`],
  punishes: [`${V2018}#第五十条`],
  conditions: [],
  provisions: [
    { kind: 'confiscateIllegalGains', mode: 'required', onlyIf: null, articleId: `${V2018}#第五十条`, text: '没收违法所得' },
    {
      kind: 'fine',
      mode: 'required',
      onlyIf: null,
      articleId: `${V2018}#第五十条`,
      text: '并处二千元以上二万元以下罚款',
      branches: [
        {
          id: 'fixed',
          label: '法定幅度',
          when: [],
          min: { fen: 200_000 },
          max: { fen: 2_000_000 },
          articleId: `${V2018}#第五十条`,
          text: '没收违法所得，并处二千元以上二万元以下罚款',
        },
      ],
    },
  ],
};

/** 2022 第七十一条: "货值金额不足一万元的，并处五万元以上十万元以下罚款，货值金额一万元以上的，并处货值金额十倍以上二十倍以下罚款". */
export const agricultureViolation: Omit<ViolationRule, 'id'> = {
  code: 'NC-001',
  name: '销售不符合农产品质量安全标准的农产品',
  field: 'food',
  violates: [`${V2022}#第三十六条`],
  punishes: [`${V2022}#第七十一条`],
  conditions: [],
  provisions: [
    { kind: 'confiscateIllegalGains', mode: 'required', onlyIf: null, articleId: `${V2022}#第七十一条`, text: '没收违法所得' },
    {
      kind: 'fine',
      mode: 'required',
      onlyIf: null,
      articleId: `${V2022}#第七十一条`,
      text: '违法生产经营的农产品货值金额不足一万元的，并处五万元以上十万元以下罚款，货值金额一万元以上的，并处货值金额十倍以上二十倍以下罚款',
      branches: [
        {
          id: 'floor',
          label: '货值金额不足一万元',
          when: [{ kind: 'baseBelow', base: 'goodsValue', fen: 1_000_000 }],
          min: { fen: 5_000_000 },
          max: { fen: 10_000_000 },
          articleId: `${V2022}#第七十一条`,
          text: '违法生产经营的农产品货值金额不足一万元的，并处五万元以上十万元以下罚款',
        },
        {
          id: 'multiple',
          label: '货值金额一万元以上',
          when: [{ kind: 'baseAtLeast', base: 'goodsValue', fen: 1_000_000 }],
          min: { base: 'goodsValue', permille: 10_000 },
          max: { base: 'goodsValue', permille: 20_000 },
          articleId: `${V2022}#第七十一条`,
          text: '货值金额一万元以上的，并处货值金额十倍以上二十倍以下罚款',
        },
      ],
    },
  ],
  earlierStatutes: [agriculture2018],
};

/** What the law library says of the two versions (its effective dates): the API test checks it against the imported texts. */
export const agriculturePeriods: LawVersionPeriod[] = [
  { versionId: V2018, from: '2018-10-26', to: '2022-12-31' },
  { versionId: V2022, from: '2023-01-01', to: null },
];
