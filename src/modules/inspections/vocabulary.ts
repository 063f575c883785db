/** Labels of the random-inspection module (server and web). */
export const findingLabels = {
  qualified: '合格',
  problemFound: '发现问题',
  noProblemFound: '未发现问题',
  notFound: '未找到（查无下落）',
  correctionOrdered: '发现问题，责令整改',
} as const;
export type Finding = keyof typeof findingLabels;
export const findingIds = Object.keys(findingLabels) as [Finding, ...Finding[]];
/** findings that count as a problem in the statistics */
export const problemFindings: Finding[] = ['problemFound', 'correctionOrdered'];

export const inspectionMethodLabels = { onSite: '现场检查', documents: '书面检查', online: '网络监测', sampling: '抽样检测' } as const;
export type InspectionMethod = keyof typeof inspectionMethodLabels;
export const inspectionMethodIds = Object.keys(inspectionMethodLabels) as [InspectionMethod, ...InspectionMethod[]];

export const relationKinds = ['relative', 'formerEmployer', 'sameAddress', 'other'] as const;
