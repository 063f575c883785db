import { describe, expect, it } from 'vitest';
import { fenToWanYuan, penaltyRecord, validatePenaltyRecord, type PenaltySource } from './creditExport.ts';

const source: PenaltySource = {
  partyType: 'organisation',
  partyName: '示例区鑫隆超市有限公司',
  uscc: '91990105MA01ABCD2W',
  legalRep: '李鑫隆',
  legalRepId: null,
  idNumber: null,
  number: '示市监处罚〔2026〕1号',
  violation: '经营超过保质期的食品',
  facts: '销售超过保质期的酸奶',
  basis: '《中华人民共和国食品安全法》第一百二十四条',
  penalties: [{ kind: 'fine', label: '罚款', amountFen: 15_000_000, note: null }],
  penaltyText: '罚款150,000.00元',
  fineFen: 15_000_000,
  confiscationFen: 0,
  decidedOn: '2026-10-28',
  expiresOn: '2029-10-28',
  bodyName: '示例区市场监督管理局',
  bodyUscc: '11990105MB00000013',
};

describe('双公示 penalty record (CF_)', () => {
  it('writes amounts in 万元 and dates as YYYY/MM/DD', () => {
    expect(fenToWanYuan(15_000_000)).toBe('15');
    expect(fenToWanYuan(1_408_000)).toBe('1.408');
    const r = penaltyRecord(source);
    expect(r).toMatchObject({ CF_XDR_LB: '法人及非法人组织', CF_NR_FK: '15', CF_JDRQ: '2026/10/28', CF_GSJZQ: '2029/10/28' });
  });
  it('reports a wrong check character in the party’s and the body’s 统一社会信用代码, and a missing legal representative', () => {
    const errors = validatePenaltyRecord(penaltyRecord({ ...source, uscc: '91990105MA01EFGH3K', legalRep: null }));
    const codes = errors.map((e) => `${e.field}:${e.code}`);
    expect(codes).toEqual(expect.arrayContaining(['CF_XDR_SHXYM:USCC_INVALID', 'CF_FRDB:REQUIRED']));
    expect(errors.find((e) => e.field === 'CF_XDR_SHXYM')!.message).toContain('91990105MA01EFGH3K');
  });
  it('reports a bad resident id of a natural person', () => {
    const errors = validatePenaltyRecord(penaltyRecord({ ...source, partyType: 'naturalPerson', uscc: null, legalRep: null, idNumber: '110105194912310021' }));
    expect(errors.map((e) => e.code)).toContain('RESIDENT_ID_INVALID');
  });
});
