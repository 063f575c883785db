/** Where the sample law library lives in the repository (laws/README.md: provenance and format). */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The 41 sample texts. */
export const SAMPLE_LAWS_DIR = join(REPO_ROOT, 'laws');
/** Further texts kept apart from the 41 (全国年节及纪念日放假办法, 价格违法行为行政处罚规定 …). */
export const MORE_LAWS_DIR = join(SAMPLE_LAWS_DIR, 'more');
