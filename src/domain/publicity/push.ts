/**
 * 行政处罚信息推送 (市场监督管理行政处罚信息公示规定 第十条): when the deciding body and the party's 登记地（住所地）are not in the
 * same 省、自治区、直辖市, the body pushes the penalty information, through its provincial department, to the market
 * regulator of the party's registration place within ten working days (rule `publicity.push`). The registration place
 * of a registered party is read from its 统一社会信用代码: characters 3–8 are the 登记管理机关行政区划码 (GB 32100-2015
 * 第4.3节), whose first two digits are the province. Pure.
 */

/** The province (two digits of GB/T 2260) of the registration authority named in a 统一社会信用代码, or null. */
export function registrationProvince(uscc: string | null | undefined): string | null {
  const code = uscc?.trim().toUpperCase();
  if (code?.length !== 18) return null;
  const division = code.slice(2, 8);
  return /^\d{6}$/.test(division) && division !== '000000' ? division.slice(0, 2) : null;
}

/**
 * Whether the penalty information must be pushed to another province's regulator: the party's registration
 * province (from its code) differs from the body's (from its division code). Unknown on either side → false: the
 * 20-working-day publication of 第九条 applies and nothing is opened on a guess.
 */
export function pushToRegistrationPlaceRequired(partyUscc: string | null | undefined, bodyDivisionCode: string | null | undefined): boolean {
  const party = registrationProvince(partyUscc);
  const body = bodyDivisionCode && /^\d{6}$/.test(bodyDivisionCode) ? bodyDivisionCode.slice(0, 2) : null;
  return !!party && !!body && party !== body;
}

export const PUSH_BASIS = '市场监督管理行政处罚信息公示规定@2021-07-30#第十条';
