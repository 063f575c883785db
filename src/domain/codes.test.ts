import { describe, expect, it } from 'vitest';
import { isValidResidentId, isValidUscc, residentIdCheckChar, residentIdProblem, usccCheckChar, usccProblem } from './codes.ts';

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it('accepts codes with the right check character', () => {
    for (const body of ['91110000100000000', '91440300MA5FXXXXX'.replace(/X/g, '0'), '12100000400000000']) {
      const code = body + usccCheckChar(body);
      expect(isValidUscc(code)).toBe(true);
    }
    // published example code of GB 32100-2015 style
    expect(isValidUscc('91350100M000100Y43')).toBe(true);
  });
  it('rejects a wrong check character, lower case, forbidden letters and wrong length', () => {
    const body = '91110000100000000';
    const good = body + usccCheckChar(body);
    const wrong = body + (good[17] === '0' ? '1' : '0');
    expect(isValidUscc(wrong)).toBe(false);
    expect(isValidUscc(good.toLowerCase())).toBe(good === good.toLowerCase());
    expect(isValidUscc('91110000I00000000' + '0')).toBe(false); // I is not in the character set
    expect(isValidUscc(good.slice(0, 17))).toBe(false);
    expect(isValidUscc('')).toBe(false);
  });
});

describe('公民身份号码 (GB 11643-1999)', () => {
  it('accepts the standard example and computed ids', () => {
    expect(isValidResidentId('11010519491231002X')).toBe(true);
    const body = '44010519900307123';
    expect(isValidResidentId(body + residentIdCheckChar(body))).toBe(true);
  });
  it("accepts a person born before 1900: the standard's own example 440524188001010014 (born 1880-01-01)", () => {
    // GB 11643-1999's example: 地址码 440524, 出生日期码 18800101, 顺序码 001, 校验码 4
    expect(isValidResidentId('440524188001010014')).toBe(true);
    expect(isValidResidentId('440524088001010014'.slice(0, 17) + residentIdCheckChar('44052408800101001'))).toBe(false);
  });
  it('rejects a wrong check digit and impossible birth dates', () => {
    expect(isValidResidentId('110105194912310021')).toBe(false);
    const feb30 = '44010519900230123';
    expect(isValidResidentId(feb30 + residentIdCheckChar(feb30))).toBe(false);
    expect(isValidResidentId('11010519491231002x')).toBe(false);
  });
});

describe('what is wrong with a code, in words', () => {
  it('names the length first, then the characters, the division code, the check character', () => {
    expect(usccProblem('91990')).toBe('统一社会信用代码应为18位（现为5位）');
    expect(usccProblem('91990105MA01ABCD2WX')).toBe('统一社会信用代码应为18位（现为19位）');
    expect(usccProblem('91990105MA01ABCDOW')).toContain('不使用 I、O、Z、S、V');
    expect(usccProblem('91A90105MA01ABCD2W')).toContain('第3至8位应为行政区划代码');
    expect(usccProblem('91990105MA01ABCD2X')).toBe('统一社会信用代码校验位不正确');
    expect(usccProblem('91990105MA01ABCD2W')).toBeNull();
    expect(residentIdProblem('4405241880')).toBe('公民身份号码应为18位（现为10位）');
    expect(residentIdProblem('44052418800101001A', '法定代表人身份号码')).toContain('法定代表人身份号码前17位应为数字');
    expect(residentIdProblem('440524188001010015')).toBe('公民身份号码校验位不正确');
    expect(residentIdProblem('440524188001010014')).toBeNull();
    const body = '44052418801301001';
    expect(residentIdProblem(body + residentIdCheckChar(body))).toBe('公民身份号码中的出生日期不正确');
  });
});
