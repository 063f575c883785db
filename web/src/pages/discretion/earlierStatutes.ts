/**
 * When the amendment of a law changes what punishes a violation, the statute as it was stays for acts committed under
 * it (行政处罚法 第三十七条 "实施行政处罚，适用违法行为发生时的法律、法规、规章的规定"): the violation form keeps it as an
 * earlier version, which the calculator compares with the new one (从旧兼从轻).
 */
import type { ViolationDetail } from './api';

type Statute = Pick<ViolationDetail, 'violates' | 'punishes' | 'conditions' | 'provisions'>;

/** The update with the statute as it was added to the earlier versions — only when the statute changed. */
export function withEarlier<B extends Statute>(v: ViolationDetail, body: B): B & { earlierStatutes?: Statute[] } {
  const statute = (x: Statute): Statute => ({ violates: x.violates, punishes: x.punishes, conditions: x.conditions, provisions: x.provisions });
  if (JSON.stringify(statute(v)) === JSON.stringify(statute(body))) return body;
  return { ...body, earlierStatutes: [...v.earlierStatutes, statute(v)] };
}
