/** 合同 and 立法征询 (modules/contracts): the closed sets the module, the record and the console share. Pure. */
export const contractCategories = {
  procurement: '采购合同',
  entrustment: '委托合同',
  cooperation: '合作协议',
  lease: '租赁合同',
  service: '服务合同',
  other: '其他合同',
} as const;
export type ContractCategory = keyof typeof contractCategories;
export const contractCategoryIds = Object.keys(contractCategories) as [ContractCategory, ...ContractCategory[]];

export const contractStates = {
  draft: '草拟',
  underReview: '合法性审查',
  signed: '已签订（履行中）',
  closed: '履行完毕',
  abandoned: '不予签订',
} as const;
export type ContractState = keyof typeof contractStates;

export const contractNoteKinds = { performance: '履行情况', dispute: '纠纷处理' } as const;

export const consultationStates = { received: '待答复', replied: '已答复' } as const;
