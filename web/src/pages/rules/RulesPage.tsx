/**
 * 规则目录: every legal rule the platform applies — time limits, procedural conditions, amounts and
 * statutory discretion effects — with its citations (links into the law library), a plain-Chinese
 * statement, its worked examples as computed by the running code, and when it last changed. For a legal
 * reviewer to audit the platform's law without reading code.
 */
import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Collapse, Empty, Input, Space, Spin, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { LegalRuleKind } from '../../../../src/domain/legalRules';
import type { TLegalRule, TLegalRuleList } from '../../../../src/modules/rules/responses';
import { api } from '../../api/client';
import { PageTitle, QueryError } from '../../components/common';
import { articleUrl } from '../laws/api';

type Value = TLegalRule['examples'][number]['given'][string];

const show = (v: Value | undefined): string => {
  if (v === undefined || v === null) return '—';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (Array.isArray(v)) return v.length ? v.join('、') : '（无）';
  return String(v);
};

/** the order of the groups (the labels come with the rules) */
const kinds = ['deadline', 'guard', 'threshold', 'discretion'] as const satisfies readonly LegalRuleKind[];

const kindColors: Record<LegalRuleKind, string> = { deadline: 'blue', guard: 'purple', threshold: 'orange', discretion: 'green' };

/** The worked examples of a rule: the case, what is given, what the rule must give and what the code gives today. */
function Examples({ rule }: { rule: TLegalRule }) {
  const givenKeys = [...new Set(rule.examples.flatMap((e) => Object.keys(e.given)))];
  const expectKeys = [...new Set(rule.examples.flatMap((e) => Object.keys(e.expect)))];
  const rows = rule.examples.map((e, i) => ({ key: i, ...e }));
  return (
    <Table
      size="small"
      pagination={false}
      dataSource={rows}
      data-testid={`examples-${rule.id}`}
      columns={[
        { title: '实例', dataIndex: 'text', width: '36%' },
        ...givenKeys.map((k) => ({ title: rule.fields[k] ?? k, key: `g-${k}`, render: (_: unknown, r: (typeof rows)[number]) => show(r.given[k]) })),
        ...expectKeys.map((k) => ({
          title: <strong>{rule.fields[k] ?? k}</strong>,
          key: `e-${k}`,
          render: (_: unknown, r: (typeof rows)[number]) => <strong style={{ whiteSpace: 'nowrap' }}>{show(r.expect[k])}</strong>,
        })),
        {
          title: '验证',
          key: 'passes',
          width: 60,
          render: (_: unknown, r: (typeof rows)[number]) =>
            r.passes ? (
              <Tooltip title="平台当前的计算结果与实例相符">
                <CheckCircleTwoTone twoToneColor="#52c41a" aria-label="相符" />
              </Tooltip>
            ) : (
              <Tooltip title={r.error ?? `平台当前的计算结果：${expectKeys.map((k) => `${rule.fields[k] ?? k} ${show(r.actual?.[k])}`).join('，')}`}>
                <CloseCircleTwoTone twoToneColor="#ff4d4f" aria-label="不符" />
              </Tooltip>
            ),
        },
      ]}
    />
  );
}

function RuleCard({ rule }: { rule: TLegalRule }) {
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      data-testid={`rule-${rule.id}`}
      title={
        <Space wrap>
          <span>{rule.name}</span>
          <Tag color={kindColors[rule.kind]}>{rule.kindLabel}</Tag>
        </Space>
      }
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          最近修改：{rule.changedOn}
        </Typography.Text>
      }
    >
      <Typography.Paragraph style={{ marginBottom: 8 }}>{rule.statement}</Typography.Paragraph>
      <div style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">依据：</Typography.Text>
        {rule.basis.length === 0 && <Typography.Text type="secondary">（法律法规库中无条文）</Typography.Text>}
        <Space size={[12, 4]} wrap>
          {rule.basis.map((b) => (
            <Link key={b.id} to={articleUrl(b.id)}>
              {b.label}
            </Link>
          ))}
        </Space>
      </div>
      {rule.sourceNote && (
        <Alert type="warning" showIcon style={{ marginBottom: 8 }} title="依据说明（条文不在法律法规库中，或需说明）" description={rule.sourceNote} />
      )}
      <Examples rule={rule} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }} className="fz-mono">
        {rule.id}
      </Typography.Text>
    </Card>
  );
}

export default function RulesPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const rules = useQuery({ queryKey: ['rules'], queryFn: () => api.get<TLegalRuleList>('/api/rules') });

  const shown = useMemo(() => (rules.data?.items ?? []).filter((r) => !q.trim() || r.name.includes(q.trim())), [rules.data, q]);
  const failing = (rules.data?.items ?? []).filter((r) => r.examples.some((e) => !e.passes));

  const groups = kinds
    .map((kind) => {
      const ofKind = shown.filter((r) => r.kind === kind);
      const modules = [...new Set(ofKind.map((r) => r.moduleLabel))];
      return {
        kind,
        label: ofKind[0]?.kindLabel ?? kind,
        count: ofKind.length,
        modules: modules.map((m) => ({ label: m, rules: ofKind.filter((r) => r.moduleLabel === m) })),
      };
    })
    .filter((g) => g.count > 0);

  return (
    <div>
      <PageTitle
        title="规则目录"
        sub="平台适用的全部法律规则：法定期限、程序条件、数额与标准、法定裁量效果。每条规则附依据条文、说明和实例；实例就是自动测试运行的实例，本页显示平台当前的计算结果。"
      />
      <Input.Search
        allowClear
        placeholder="按规则名称搜索，如：听证、公示、罚款"
        value={q}
        onChange={(e) => {
          const v = e.target.value;
          setParams(v.trim() ? { q: v } : {}, { replace: true });
        }}
        style={{ maxWidth: 420, marginBottom: 16 }}
        aria-label="搜索规则"
      />
      {rules.error && <QueryError error={rules.error} retry={() => rules.refetch()} />}
      {failing.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${failing.length} 条规则的实例与平台当前的计算结果不符`}
          description={failing.map((r) => r.name).join('、')}
        />
      )}
      {rules.isLoading ? (
        <Spin />
      ) : groups.length === 0 ? (
        <Empty description={q ? `没有名称包含“${q}”的规则` : '没有规则'} />
      ) : (
        <Collapse
          defaultActiveKey={groups.map((g) => g.kind)}
          items={groups.map((g) => ({
            key: g.kind,
            label: (
              <Space>
                <strong>{g.label}</strong>
                <Tag>{g.count} 条</Tag>
              </Space>
            ),
            children: g.modules.map((m) => (
              <div key={m.label} style={{ marginBottom: 8 }}>
                <Typography.Title level={5} style={{ marginTop: 4 }}>
                  {m.label}
                </Typography.Title>
                {m.rules.map((r) => (
                  <RuleCard key={r.id} rule={r} />
                ))}
              </div>
            )),
          }))}
        />
      )}
    </div>
  );
}
