/**
 * Check digits of Chinese identity codes.
 * 统一社会信用代码 (uscc): GB 32100-2015 §4–5. 公民身份号码 (residentId): GB 11643-1999 (ISO 7064 MOD 11-2).
 */

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function usccCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARS.indexOf(first17[i]);
    if (v < 0) return null;
    sum += v * USCC_WEIGHTS[i];
  }
  const c = 31 - (sum % 31);
  return USCC_CHARS[c === 31 ? 0 : c];
}

/** True when `code` is a well-formed 18-character uscc with a correct check character. */
export function isValidUscc(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false;
  return usccCheckChar(code.slice(0, 17)) === code[17];
}

/**
 * What is wrong with a 统一社会信用代码, in the words a form shows, or null when it is valid: its length
 * first (a five-character code is too short, not a wrong check character), then its characters, the
 * division code (positions 3–8), the check character.
 */
export function usccProblem(code: string, name = '统一社会信用代码'): string | null {
  if (code.length !== 18) return `${name}应为18位（现为${code.length}位）`;
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return `${name}只能由数字和大写字母组成，不使用 I、O、Z、S、V`;
  if (!/^.{2}\d{6}/.test(code)) return `${name}第3至8位应为行政区划代码（数字）`;
  return isValidUscc(code) ? null : `${name}校验位不正确`;
}

/** GB 11643-1999 gives no lower bound; 1800 keeps its own 1880 example valid and refuses a mistyped century (0880, 1080 …). */
const EARLIEST_BIRTH_YEAR = 1800;
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

export function residentIdCheckChar(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11];
}

/**
 * True when `id` is an 18-digit resident id with a real birth date and a correct check character. The standard
 * sets no earliest birth year — its own example 440524188001010014 was born in 1880 — so any real date from 1800
 * on is accepted (the shape YYYY stops at 1800 only to refuse a digit typo in the century).
 */
export function isValidResidentId(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < EARLIEST_BIRTH_YEAR || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return false;
  return residentIdCheckChar(id.slice(0, 17)) === id[17];
}

/** What is wrong with a 公民身份号码 (length, characters, birth date, check character), or null when it is valid. */
export function residentIdProblem(id: string, name = '公民身份号码'): string | null {
  if (id.length !== 18) return `${name}应为18位（现为${id.length}位）`;
  if (!/^\d{17}[\dX]$/.test(id)) return `${name}前17位应为数字，最后一位为数字或 X`;
  if (residentIdCheckChar(id.slice(0, 17)) !== id[17]) return `${name}校验位不正确`;
  return isValidResidentId(id) ? null : `${name}中的出生日期不正确`;
}

/** GB/T 2260 six-digit administrative division code (shape only). */
export const isDivisionCodeShape = (code: string) => /^[1-8]\d{5}$/.test(code);
