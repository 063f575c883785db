import { describe, expect, it } from 'vitest';
import { checkCertifiedDuty, effectiveStatus, type OfficerFacts } from './certifiedDuty.ts';

const cert = (over: Partial<OfficerFacts['certificates'][number]> = {}) => ({
  id: 'c',
  number: 'N1',
  fields: ['food'],
  validFrom: '2024-01-01',
  validTo: '2028-12-31',
  status: 'valid' as const,
  ...over,
});
const officer = (id: string, certs = [cert({ id: `c${id}`, number: `N${id}` })], active = true): OfficerFacts => ({
  id,
  name: `执法人员${id}`,
  active,
  certificates: certs,
});

describe('持证上岗 guard', () => {
  it.each([
    { name: 'two certified officers may inspect', officers: [officer('1'), officer('2')], act: 'inspection', allowed: true, codes: [] },
    { name: 'one officer may not inspect (≥ 2)', officers: [officer('1')], act: 'inspection', allowed: false, codes: ['TOO_FEW_OFFICERS'] },
    { name: 'one officer may serve a document', officers: [officer('1')], act: 'service', allowed: true, codes: [] },
    // 行政处罚法 第四十二条 "执法人员不得少于两人，法律另有规定的除外" — 第五十一条、第五十二条 (当场处罚) provide nothing otherwise
    {
      name: 'one officer may not decide on the spot (第四十二条)',
      officers: [officer('1')],
      act: 'summaryPenalty',
      allowed: false,
      codes: ['TOO_FEW_OFFICERS'],
    },
    { name: 'two certified officers may decide on the spot', officers: [officer('1'), officer('2')], act: 'summaryPenalty', allowed: true, codes: [] },
    {
      name: 'the same officer twice does not make two',
      officers: [officer('1'), officer('1')],
      act: 'inquiry',
      allowed: false,
      codes: ['DUPLICATE_OFFICER', 'TOO_FEW_OFFICERS'],
    },
    {
      name: 'an expired certificate does not count',
      officers: [officer('1'), officer('2', [cert({ validTo: '2025-01-01' })])],
      act: 'inspection',
      allowed: false,
      codes: ['NO_VALID_CERTIFICATE', 'TOO_FEW_OFFICERS'],
    },
    {
      name: 'a suspended certificate does not count',
      officers: [officer('1'), officer('2', [cert({ status: 'suspended' })])],
      act: 'sampling',
      allowed: false,
      codes: ['NO_VALID_CERTIFICATE', 'TOO_FEW_OFFICERS'],
    },
    {
      name: 'a certificate for another field does not count',
      officers: [officer('1'), officer('2', [cert({ fields: ['pricing'] })])],
      act: 'inspection',
      allowed: false,
      codes: ['FIELD_NOT_COVERED', 'TOO_FEW_OFFICERS'],
    },
    {
      name: 'a general certificate covers every field',
      officers: [officer('1'), officer('2', [cert({ fields: ['general'] })])],
      act: 'inspection',
      allowed: true,
      codes: [],
    },
    {
      name: 'an inactive officer does not count',
      officers: [officer('1'), officer('2', undefined, false)],
      act: 'inspection',
      allowed: false,
      codes: ['OFFICER_INACTIVE', 'TOO_FEW_OFFICERS'],
    },
    {
      name: 'three with one uncertified: the uncertified may not take part',
      officers: [officer('1'), officer('2'), officer('3', [])],
      act: 'inspection',
      allowed: false,
      codes: ['NO_VALID_CERTIFICATE'],
    },
  ] as const)('$name', ({ officers, act, allowed, codes }) => {
    const r = checkCertifiedDuty([...officers], act, 'food', '2026-06-01');
    expect(r.allowed).toBe(allowed);
    expect(r.problems.map((p) => p.code)).toEqual(codes);
    for (const p of r.problems) expect(p.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('judges the certificate on the date of the act, not today', () => {
    const o = [officer('1', [cert({ validFrom: '2026-07-01' })]), officer('2')];
    expect(checkCertifiedDuty(o, 'inspection', 'food', '2026-06-30').allowed).toBe(false);
    expect(checkCertifiedDuty(o, 'inspection', 'food', '2026-07-01').allowed).toBe(true);
    expect(effectiveStatus(cert({ validTo: '2026-06-30' }), '2026-06-30')).toBe('valid');
    expect(effectiveStatus(cert({ validTo: '2026-06-30' }), '2026-07-01')).toBe('expired');
  });
});
