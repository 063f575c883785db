/**
 * 访问日志: the closed vocabulary of audited personal-data reads, with Chinese labels, shared by the server and the
 * web console (migration 0013's check constraint names the same actions).
 */
export const accessActions = {
  'case.read': '查看案件卷宗',
  'case.record': '查看案件全过程记录',
  'record.list': '浏览记录总账（含案件记录）',
  'evidence.download': '下载证据文件',
  'instrument.read': '查看文书数据',
  'instrument.download': '下载文书文件',
  'creditExport.create': '生成双公示导出文件',
  'creditExport.download': '下载双公示导出文件',
  'complaint.person': '查看投诉人、举报人身份信息',
} as const;
export type AccessAction = keyof typeof accessActions;
export const accessActionIds = Object.keys(accessActions) as [AccessAction, ...AccessAction[]];

/** The resources an access row names, with their Chinese labels. */
export const accessResourceTypes: Record<string, string> = {
  case: '案件',
  evidence: '证据文件',
  instrument: '文书',
  creditExport: '双公示导出文件',
  ledger: '记录总账',
  complaint: '投诉举报',
};
