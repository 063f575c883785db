/**
 * The live calculator: facts in, the server's calculation out (tier, ranges in 元, thresholds, and
 * the explanation trace with links to the articles). With `draft`, it previews an unsaved benchmark.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Checkbox, Col, DatePicker, Descriptions, Form, InputNumber, List, Radio, Row, Space, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { parseYuan } from '../../../../src/domain/discretion/money';
import { lawCircumstances } from '../../../../src/domain/discretion/circumstances';
import type { BenchmarkRule, CircumstanceRule } from '../../../../src/domain/discretion/model';
import { discretionRules } from '../../../../src/domain/discretion/tiers';
import { baseKinds, circumstanceEffects, partyTypes, type BaseKind } from '../../../../src/domain/discretion/vocabulary';
import { chinaToday } from '../../lib/format';
import { calculate, type CalculateRequest, type CalculationResult, type ViolationDetail } from './api';
import { ApplyTag, ArticleLink, ArticleLinks, DecidingRuleView, MitigationTag, NatureTag, RangeText, TierTag, lawVersionText, yuan } from './parts';

/** The 第三十七条 steps of the trace, by rule id. */
const temporalRules: Record<string, string> = { 'temporal.newerLighter': '从旧兼从轻：适用新的规定', 'temporal.atViolation': '从旧：适用行为时的规定' };

export type Draft = NonNullable<CalculateRequest['draft']>;

export interface Facts {
  violationDate: string;
  decisionDate: string;
  partyType: 'naturalPerson' | 'organisation';
  bases: Partial<Record<BaseKind, number | null>>;
  unreliable: BaseKind[];
  circumstances: string[];
}

/** The bases the statute or the benchmarks of this violation compute with. */
function basesOf(v: ViolationDetail): { all: BaseKind[]; alternatives: BaseKind[] } {
  const all = new Set<BaseKind>();
  const alternatives = new Set<BaseKind>();
  for (const p of v.provisions) {
    for (const b of p.branches ?? []) {
      for (const x of [b.min, b.max]) if ('base' in x) all.add(x.base);
      for (const c of b.when) {
        for (const s of c.kind === 'anyOf' ? c.of : [c]) {
          if ('base' in s) all.add(s.base);
          if (s.kind === 'baseMissing') alternatives.add(s.base);
        }
      }
    }
  }
  if (v.provisions.some((p) => p.kind === 'confiscateIllegalGains')) all.add('illegalGains');
  return { all: [...all], alternatives: [...alternatives] };
}

const crossedTag = (c: 'yes' | 'possible' | 'no', yes: string) =>
  c === 'yes' ? <Tag color="red">{yes}</Tag> : c === 'possible' ? <Tag color="orange">视决定数额而定</Tag> : <Tag>未达到</Tag>;

/** With `initial` the facts start from a case's; `onFactsChange` hands every change to a form that sends them. */
export function CalculatorPanel({
  violation,
  draft,
  benchmarks,
  initial,
  onFactsChange,
}: {
  violation: ViolationDetail;
  draft?: Draft | null;
  benchmarks?: Pick<BenchmarkRule, 'circumstances'>[];
  initial?: Partial<Facts>;
  onFactsChange?: (f: Facts) => void;
}) {
  const today = chinaToday();
  const [facts, setFacts] = useState<Facts>({
    violationDate: today,
    decisionDate: today,
    partyType: 'organisation',
    bases: {},
    unreliable: [],
    circumstances: [],
    ...initial,
  });
  useEffect(() => onFactsChange?.(facts), [facts, onFactsChange]);
  const [body, setBody] = useState<CalculateRequest | null>(null);
  const { all: bases, alternatives } = useMemo(() => basesOf(violation), [violation]);
  const circumstances = useMemo(() => {
    const map = new Map<string, CircumstanceRule | { id: string; label: string; effect: 'condition'; articleId: string }>();
    for (const s of [violation, ...(violation.earlierStatutes ?? [])])
      for (const c of s.conditions) if (!map.has(c.id)) map.set(c.id, { ...c, effect: 'condition' });
    for (const b of [...(draft ? [draft] : []), ...(benchmarks ?? violation.benchmarks)]) for (const c of b.circumstances) if (!map.has(c.id)) map.set(c.id, c);
    // the circumstances 行政处罚法 sets apply whether or not a benchmark lists them (第三十条至第三十三条)
    for (const c of lawCircumstances) if (!map.has(c.id)) map.set(c.id, c);
    return [...map.values()];
  }, [violation, draft, benchmarks]);

  useEffect(() => {
    const t = setTimeout(
      () =>
        setBody({
          violation: violation.id,
          violationDate: facts.violationDate,
          decisionDate: facts.decisionDate,
          partyType: facts.partyType,
          bases: facts.bases,
          unreliableBases: facts.unreliable,
          circumstances: facts.circumstances,
          ...(draft ? { draft } : {}),
        }),
      300,
    );
    return () => clearTimeout(t);
  }, [facts, draft, violation.id]);

  // the same dayjs objects across renders, or the picker resets what is being typed or pasted
  const violationDay = useMemo(() => dayjs(facts.violationDate), [facts.violationDate]);
  const decisionDay = useMemo(() => dayjs(facts.decisionDate), [facts.decisionDate]);
  const calc = useQuery({
    queryKey: ['discretion', 'calc', body],
    queryFn: () => calculate(body!),
    enabled: !!body,
    placeholderData: (prev) => prev,
    retry: false,
  });
  const r = calc.data;
  const groups: Record<string, typeof circumstances> = {};
  for (const c of circumstances) (groups[c.effect] ??= []).push(c);
  const groupLabel = (e: string) => (e === 'condition' ? '法定情形（处罚依据条款）' : (circumstanceEffects[e as keyof typeof circumstanceEffects] ?? e));

  return (
    <Card title="裁量计算（实时预览）" size="small" data-testid="calculator">
      <Form layout="vertical" size="small">
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item label="违法行为发生日期">
              <DatePicker
                value={violationDay}
                allowClear={false}
                style={{ width: '100%' }}
                onChange={(d) => d && setFacts({ ...facts, violationDate: d.format('YYYY-MM-DD') })}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="作出处罚决定日期">
              <DatePicker
                value={decisionDay}
                allowClear={false}
                style={{ width: '100%' }}
                onChange={(d) => d && setFacts({ ...facts, decisionDate: d.format('YYYY-MM-DD') })}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="当事人">
          <Radio.Group
            value={facts.partyType}
            onChange={(e) => setFacts({ ...facts, partyType: e.target.value })}
            options={Object.entries(partyTypes).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        {bases.map((b) => (
          <Form.Item key={b} label={`${baseKinds[b]}（元）`} style={{ marginBottom: 8 }}>
            <Space wrap>
              <InputNumber<number>
                min={0}
                precision={2}
                style={{ width: 180 }}
                placeholder="未知"
                data-testid={`base-${b}`}
                value={facts.bases[b] != null ? facts.bases[b]! / 100 : null}
                onChange={(v) => setFacts({ ...facts, bases: { ...facts.bases, [b]: v == null ? null : parseYuan(String(v)) } })}
              />
              {alternatives.includes(b) && (
                <Checkbox
                  checked={facts.unreliable.includes(b)}
                  onChange={(e) => setFacts({ ...facts, unreliable: e.target.checked ? [...facts.unreliable, b] : facts.unreliable.filter((x) => x !== b) })}
                >
                  无法计算或者明显偏低
                </Checkbox>
              )}
            </Space>
          </Form.Item>
        ))}
        <Form.Item label="情节" style={{ marginBottom: 0 }}>
          <Checkbox.Group value={facts.circumstances} onChange={(v) => setFacts({ ...facts, circumstances: v as string[] })} style={{ display: 'block' }}>
            {Object.entries(groups).map(([effect, list]) => (
              <div key={effect} style={{ marginBottom: 6 }}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {groupLabel(effect)}
                </Typography.Text>
                <div>
                  {list.map((c) => (
                    <div key={c.id} style={{ display: 'flex', alignItems: 'center' }}>
                      <Checkbox value={c.id} style={{ marginInlineStart: 0 }}>
                        {c.label}
                      </Checkbox>
                      {/* beside the box, not in its label: 法定 (应当/可以) or 酌定 */}
                      {'kind' in c && c.effect !== 'fact' && <NatureTag nature={c.kind} force={c.kind === 'statutory' ? (c.force ?? 'must') : undefined} />}
                    </div>
                  ))}
                </div>
              </div>
            ))}
          </Checkbox.Group>
        </Form.Item>
      </Form>
      {calc.error && (
        <Alert type="error" showIcon title="无法计算" description={(calc.error as Error).message} style={{ marginTop: 12 }} data-testid="calc-error" />
      )}
      {r && !calc.error && <Result r={r} />}
    </Card>
  );
}

function Result({ r }: { r: CalculationResult }) {
  return (
    <div style={{ marginTop: 12 }} data-testid="calc-result">
      <Space align="center" style={{ marginBottom: 8 }}>
        <Typography.Text strong>裁量阶次</Typography.Text>
        <TierTag tier={r.tier} />
        {r.exemption && <Tag color="green">{r.exemption.label}</Tag>}
        <MitigationTag m={r.mitigation} />
      </Space>
      {r.benchmark.reason === 'laterMoreLenient' && (
        <Alert type="info" showIcon style={{ marginBottom: 8 }} title={`从旧兼从轻：适用作出决定时施行的较轻基准（${r.benchmark.documentNumber}）`} />
      )}
      {r.statute.atViolation !== r.statute.atDecision && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          data-testid="statute-versions"
          title={
            r.statute.reason === 'laterMoreLenient'
              ? `从旧兼从轻：作出决定时施行的${lawVersionText(r.statute.atDecision)}处罚较轻，适用新的规定`
              : `从旧：违法行为发生时施行的${lawVersionText(r.statute.atViolation)}不重于作出决定时的${lawVersionText(r.statute.atDecision)}，适用行为时的规定`
          }
        />
      )}
      <Card size="small" title="决定阶次的规则" style={{ marginBottom: 8 }}>
        <DecidingRuleView rule={r.decidingRule} articles={r.articles} />
        {r.circumstances.length > 0 && (
          <div style={{ marginTop: 6 }} data-testid="applied-circumstances">
            {r.circumstances.map((c) => (
              <div key={c.id}>
                <NatureTag nature={c.nature} force={c.nature === 'statutory' ? c.force : undefined} />
                {c.label}
                <Typography.Text type="secondary">（{circumstanceEffects[c.effect]}）</Typography.Text>
              </div>
            ))}
          </div>
        )}
      </Card>
      <Descriptions size="small" column={1} bordered style={{ marginBottom: 8 }}>
        <Descriptions.Item label="处罚依据">
          {lawVersionText(r.statute.version)}
          <ArticleLinks ids={r.statute.punishes} articles={r.articles} />
        </Descriptions.Item>
        <Descriptions.Item label="适用基准">
          {r.benchmark.documentNumber ? `${r.benchmark.documentTitle}（${r.benchmark.documentNumber}）` : '无（按通行划分）'}
        </Descriptions.Item>
        {r.branch && (
          <Descriptions.Item label="法定幅度">
            {r.branch.label}：<RangeText range={r.legalRange} />
          </Descriptions.Item>
        )}
        <Descriptions.Item label="听证">
          {crossedTag(r.thresholds.hearing.crossed, '应告知听证权利')}
          <Typography.Text type="secondary">
            较大数额 {yuan(r.thresholds.hearing.thresholdFen)}（{r.thresholds.hearing.source}）
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="法制审核">
          {crossedTag(r.thresholds.majorDecision.crossed, '重大执法决定')}
          <Typography.Text type="secondary">
            {yuan(r.thresholds.majorDecision.thresholdFen)}（{r.thresholds.majorDecision.source}）
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="简易程序">{r.summaryProcedure.possible ? <Tag color="green">可以当场处罚</Tag> : <Tag>普通程序</Tag>}</Descriptions.Item>
      </Descriptions>
      <List
        size="small"
        bordered
        data-testid="calc-penalties"
        dataSource={r.penalties.filter((p) => p.applies !== 'none')}
        locale={{ emptyText: '不予处罚' }}
        renderItem={(p) => (
          <List.Item>
            <div style={{ width: '100%' }}>
              <Space>
                <Typography.Text strong>{p.label}</Typography.Text>
                <ApplyTag p={p} />
                {p.range ? <RangeText range={p.range} /> : p.amountFen !== null ? <span className="fz-mono">{yuan(p.amountFen)}</span> : null}
              </Space>
              <div style={{ fontSize: 12 }}>
                <ArticleLink id={p.articleId} articles={r.articles} />
                {p.reservedTo && (
                  <span style={{ marginInlineStart: 8 }}>
                    <ArticleLink id={p.reservedTo.articleId} articles={r.articles} />
                  </span>
                )}
                {p.note ? <Typography.Text type="secondary">　{p.note}</Typography.Text> : null}
              </div>
            </div>
          </List.Item>
        )}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        裁量过程与依据
      </Typography.Title>
      <Timeline
        data-testid="calc-trace"
        items={r.trace.map((s, i) => ({
          key: i,
          content: (
            <div>
              {s.rule && (
                <Tag color="purple" style={{ marginInlineEnd: 6 }}>
                  {discretionRules[s.rule as keyof typeof discretionRules]?.label ?? temporalRules[s.rule] ?? s.rule}
                </Tag>
              )}
              <span>{s.text}</span>
              <div>
                <ArticleLinks ids={s.articleIds} articles={r.articles} />
              </div>
            </div>
          ),
        }))}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        规则摘要 <span className="fz-mono">{r.rulesDigest.slice(0, 16)}</span>（记入案件时与输入一并固定）
      </Typography.Text>
    </div>
  );
}
