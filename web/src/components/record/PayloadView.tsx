import { Descriptions, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useOrgs, useReference } from '../../api/queries';
import { powerChangeReasons } from '../../../../src/domain/powers';
import { formatBytes } from '../../lib/format';
import { certificateStatusLabels, orgKindLabels, roleLabels, trainingKindLabels } from '../../lib/labels';

const keyLabels: Record<string, string> = {
  name: '名称',
  shortName: '简称',
  displayName: '姓名',
  username: '用户名',
  kind: '类型',
  title: '名称',
  number: '证号',
  employeeNo: '工号',
  gender: '性别',
  position: '职务',
  orgId: '所属机构',
  parentId: '上级机构',
  roles: '角色',
  isEnforcementBody: '执法主体',
  legalBasis: '法定依据',
  uscc: '统一社会信用代码',
  divisionCode: '行政区划代码',
  sortOrder: '排序',
  issuingAuthority: '发证机关',
  areas: '执法区域',
  validFrom: '有效期自',
  validTo: '有效期至',
  fields: '执法领域',
  from: '原状态',
  to: '新状态',
  reason: '原因',
  heldOn: '日期',
  hours: '学时',
  score: '成绩',
  passed: '是否通过',
  organizer: '组织单位',
  fileName: '文件名',
  contentType: '文件类型',
  sizeBytes: '大小',
  hashAlg: '哈希算法',
  contentHash: '内容哈希',
  description: '说明',
  legalExamPassed: '通过法律知识考试',
  active: '启用',
  by: '修改方式',
  officerId: '关联执法人员',
  changes: '变更内容',
  // power list (权责清单)
  code: '事项编码',
  bodyId: '实施主体',
  versionNo: '版本',
  effectiveOn: '生效日期',
  note: '说明',
  approverId: '批准人',
  changedFields: '变更字段',
  cascadeOf: '随主项取消',
  importBatch: '导入批次',
  content: '版本内容',
  // violations and discretion benchmarks (违法行为与裁量基准)
  violationCode: '违法行为编码',
  field: '执法领域',
  ownerOrgId: '维护机关',
  violates: '违反条款',
  punishes: '处罚依据',
  conditions: '法定情形',
  provisions: '处罚种类与法定幅度',
  documentTitle: '基准名称',
  documentNumber: '文号',
  tiers: '裁量表',
  circumstances: '裁量情节',
  exemptions: '免罚清单',
  naturalPersonFen: '公民（分）',
  organisationFen: '法人或者其他组织（分）',
  articleId: '依据条文',
};

/** Display order: the order of keyLabels (the payload itself is stored with sorted keys). */
const order = Object.keys(keyLabels);
const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
const wide = new Set([
  'legalBasis',
  'fields',
  'contentHash',
  'changes',
  'reason',
  'description',
  'title',
  'note',
  'content',
  'provisions',
  'conditions',
  'tiers',
  'circumstances',
  'exemptions',
]);

/** Internal ids that repeat the matter itself; the raw JSON still shows them. */
const hiddenKeys = new Set([
  'certificateId',
  'trainingId',
  'evidenceId',
  'userId',
  'itemId',
  'changeId',
  'versionId',
  'violationId',
  'benchmarkId',
  'thresholdId',
]);

function useValueRenderer() {
  const orgs = useOrgs();
  const ref = useReference();
  const orgName = (id: string) => orgs.data?.find((o) => o.id === id)?.name ?? id;
  const render = (eventType: string, key: string, v: unknown): ReactNode => {
    if (v === null || v === undefined || v === '') return <Typography.Text type="secondary">（空）</Typography.Text>;
    if (typeof v === 'boolean') return v ? '是' : '否';
    if ((key === 'orgId' || key === 'bodyId' || key === 'ownerOrgId' || (key === 'parentId' && !eventType.startsWith('power.'))) && typeof v === 'string')
      return orgName(v);
    if (key === 'reason' && typeof v === 'string' && v in powerChangeReasons) return powerChangeReasons[v as keyof typeof powerChangeReasons];
    if (key === 'content' && typeof v === 'object' && v) return <span className="fz-mono">{JSON.stringify(v, null, 1)}</span>;
    if (key === 'kind' && typeof v === 'string')
      return (eventType.startsWith('training') ? trainingKindLabels[v] : orgKindLabels[v as keyof typeof orgKindLabels]) ?? v;
    if (key === 'roles' && Array.isArray(v)) return v.map((r) => <Tag key={String(r)}>{roleLabels[r as keyof typeof roleLabels] ?? String(r)}</Tag>);
    if (key === 'fields' && Array.isArray(v)) return v.map((f) => <Tag key={String(f)}>{ref.data?.fields[String(f)] ?? String(f)}</Tag>);
    if ((key === 'from' || key === 'to') && typeof v === 'string') return certificateStatusLabels[v] ?? v;
    if (key === 'by') return v === 'self' ? '本人修改' : v === 'admin' ? '管理员重置' : String(v);
    if (key === 'sizeBytes' && typeof v === 'number') return `${formatBytes(v)}（${v.toLocaleString('zh-CN')} 字节）`;
    if (key === 'contentHash' && typeof v === 'string')
      return (
        <Typography.Text className="fz-mono" copyable>
          {v}
        </Typography.Text>
      );
    if (key === 'changes' && typeof v === 'object' && !Array.isArray(v)) {
      return <PayloadFields eventType={eventType} payload={v as Record<string, unknown>} render={render} nested />;
    }
    if (Array.isArray(v) && v.some((x) => x !== null && typeof x === 'object')) return <span className="fz-mono">{JSON.stringify(v)}</span>;
    if (Array.isArray(v)) return v.map(String).join('、');
    if (typeof v === 'object') return <span className="fz-mono">{JSON.stringify(v)}</span>;
    return String(v);
  };
  return render;
}

type Render = ReturnType<typeof useValueRenderer>;

function PayloadFields({ eventType, payload, render, nested }: { eventType: string; payload: Record<string, unknown>; render: Render; nested?: boolean }) {
  const items = Object.entries(payload)
    .filter(([k]) => !hiddenKeys.has(k) && !(k === 'officerId' && !nested))
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([k, v]) => ({ key: k, label: keyLabels[k] ?? k, children: render(eventType, k, v), span: wide.has(k) ? ('filled' as const) : 1 }));
  if (!items.length) return <Typography.Text type="secondary">（无内容）</Typography.Text>;
  return (
    <Descriptions
      size="small"
      column={nested ? 1 : { xs: 1, lg: 2 }}
      bordered={!nested}
      items={items}
      styles={{ label: { width: 120, whiteSpace: 'nowrap' } }}
    />
  );
}

/** A record entry's payload in words; the exact signed JSON is one click away. */
export function PayloadView({ eventType, payload }: { eventType: string; payload: unknown }) {
  const render = useValueRenderer();
  return (
    <div>
      {payload && typeof payload === 'object' && !Array.isArray(payload) ? (
        <PayloadFields eventType={eventType} payload={payload as Record<string, unknown>} render={render} />
      ) : (
        <span className="fz-mono">{JSON.stringify(payload)}</span>
      )}
      <details style={{ marginTop: 4 }}>
        <summary style={{ cursor: 'pointer', color: '#888', fontSize: 12 }}>原始数据（JSON）</summary>
        <pre className="fz-mono" style={{ background: '#fafafa', padding: 8, margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>
          {JSON.stringify(payload, null, 2)}
        </pre>
      </details>
    </div>
  );
}
