/**
 * "Basis changed" (依据变更): what a new version of a law means for an article someone cites.
 * An article whose text did not change in the revision is not affected (no flag); a changed text is
 * 'amended'; an article whose label is gone is 'removed' — unless its text moved verbatim to another
 * number (renumbering), which is reported as 'amended' pointing at the new number.
 */

export type BasisChangeKind = 'amended' | 'unchanged' | 'removed' | 'repealed';

export interface VersionArticle {
  id: string;
  label: string;
  body: string;
}

export interface BasisChange {
  change: BasisChangeKind;
  newArticleId: string | null;
}

/** Bodies compared as the law reads them: whitespace and line breaks do not make a change. */
export const sameText = (a: string, b: string) => a.replace(/[\s\u3000]+/g, '') === b.replace(/[\s\u3000]+/g, '');

/**
 * @param superseded the article with the cited label in the version being replaced (null if that
 *   version had no such label: the citation was already affected by an earlier revision)
 * @param next the articles of the new version
 * @returns null when the citation is not affected
 */
export function basisChange(superseded: VersionArticle | null, next: VersionArticle[]): BasisChange | null {
  if (!superseded) return null;
  const sameLabel = next.find((a) => a.label === superseded.label);
  if (sameLabel && sameText(sameLabel.body, superseded.body)) return null;
  const moved = next.find((a) => sameText(a.body, superseded.body));
  if (moved) return { change: 'amended', newArticleId: moved.id };
  if (sameLabel) return { change: 'amended', newArticleId: sameLabel.id };
  return { change: 'removed', newArticleId: null };
}

export const basisChangeLabels: Record<BasisChangeKind, string> = {
  amended: '条文已修改',
  unchanged: '条文未变',
  removed: '条文已删除',
  repealed: '法律法规已废止',
};
