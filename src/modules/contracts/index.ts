/** 合同合法性审查、立法征询 (contracts): what the module offers other modules — they import it from here. */
export { findContract, type ContractRow } from './store.ts';
export { contractCategories } from '../../domain/legality/contracts.ts';
