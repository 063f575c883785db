/** 法律法规: full-text search over every version of every article, and the library's list of laws. */
import { UploadOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Empty, Input, List, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { lawLevelLabels, lawLevels, lawStatusLabels, lawStatuses, type LawLevel, type LawStatus } from '../../../../src/domain/lawMetadata';
import { useSession } from '../../auth/session';
import { PageTitle, QueryError } from '../../components/common';
import { articleUrl, lawUrl, useLawSearch, useLawSources, type LawSource, type SearchParams } from './api';
import { ImportLawModal } from './ImportLawModal';
import { LevelTag, Snippet, StatusTag } from './parts';
import { OwnDocumentsCard } from '../normativeDocuments/OwnDocumentsCard';

const PAGE_SIZE = 20;

export default function LawSearchPage() {
  const { abilities } = useSession();
  const [params, setParams] = useSearchParams();
  const [importing, setImporting] = useState(false);
  const p: SearchParams = {
    q: params.get('q') ?? '',
    level: params.get('level') ?? undefined,
    status: params.get('status') ?? undefined,
    issuer: params.get('issuer') ?? undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    page: Number(params.get('page') ?? 1),
    pageSize: PAGE_SIZE,
  };
  const set = (patch: Partial<Record<keyof SearchParams, string | number | undefined>>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    if (!('page' in patch)) next.delete('page');
    setParams(next, { replace: !('q' in patch) });
  };
  const [draft, setDraft] = useState(p.q);
  const sources = useLawSources({ level: p.level, status: p.status });
  const search = useLawSearch(p);
  const issuers = useMemo(() => [...new Set((sources.data ?? []).map((s) => s.issuer).filter((x): x is string => !!x))].sort(), [sources.data]);
  const shownSources = (sources.data ?? []).filter((s) => !p.issuer || s.issuer === p.issuer);

  return (
    <div>
      <PageTitle
        title="法律法规"
        sub="法律、行政法规和部门规章的全部版本，按条检索；平台中引用法律的地方都指向这里的具体条文版本。"
        extra={
          abilities.manageLaws && (
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              导入法律法规
            </Button>
          )
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap size="middle">
          <Input.Search
            allowClear
            enterButton="检索"
            placeholder="输入检索词，如：罚款、听证、责令改正"
            style={{ width: 380 }}
            maxLength={200}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onSearch={(v) => set({ q: v.trim() || undefined })}
            data-testid="law-search-input"
          />
          <Select
            allowClear
            placeholder="效力级别"
            style={{ width: 140 }}
            value={p.level}
            onChange={(v) => set({ level: v })}
            options={lawLevels.map((l) => ({ value: l, label: lawLevelLabels[l] }))}
          />
          <Select
            allowClear
            placeholder="时效性"
            style={{ width: 120 }}
            value={p.status}
            onChange={(v) => set({ status: v })}
            options={lawStatuses.map((s) => ({ value: s, label: lawStatusLabels[s] }))}
          />
          <Select
            allowClear
            placeholder="制定机关"
            style={{ width: 220 }}
            value={p.issuer}
            onChange={(v) => set({ issuer: v })}
            options={issuers.map((i) => ({ value: i, label: i }))}
          />
          <DatePicker.RangePicker
            placeholder={['公布日期自', '至']}
            value={p.from && p.to ? [dayjs(p.from), dayjs(p.to)] : null}
            onChange={(r) => set({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })}
          />
        </Space>
      </Card>
      {p.q ? (
        <Results p={p} search={search} onPage={(page) => set({ page })} />
      ) : (
        <LawList loading={sources.isLoading} items={shownSources} error={sources.error} />
      )}
      {!p.q && (!p.level || p.level === 'normativeDocument') && <OwnDocumentsCard />}
      <ImportLawModal open={importing} onClose={() => setImporting(false)} />
    </div>
  );
}

function Results({ p, search, onPage }: { p: SearchParams; search: ReturnType<typeof useLawSearch>; onPage: (page: number) => void }) {
  const r = search.data;
  if (search.error) return <QueryError error={search.error} retry={() => search.refetch()} />;
  return (
    <Card
      size="small"
      title={
        r ? (
          <span>
            “{r.q}”共 <b data-testid="law-search-total">{r.total}</b> 条{r.totalCapped ? '以上（命中较多，未逐条计数；请增加检索词或筛选条件缩小范围）' : ''}
            {r.mode === 'substring' ? '（单字检索：按字面匹配）' : ''}
          </span>
        ) : (
          '检索中…'
        )
      }
      extra={r && <Typography.Text type="secondary">用时 {r.tookMs} ms</Typography.Text>}
    >
      {r && r.sources.length > 0 && (
        <div style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary">名称相符的法律法规：</Typography.Text>
          {r.sources.map((s) => (
            <Link key={s.id} to={lawUrl(s.id)} style={{ marginInlineEnd: 12 }}>
              《{s.title}》
            </Link>
          ))}
        </div>
      )}
      <List
        loading={search.isFetching}
        dataSource={r?.hits ?? []}
        locale={{ emptyText: <Empty description={r?.mode === 'none' ? '检索词中没有可检索的汉字、字母或数字' : '没有找到相关条文'} /> }}
        pagination={
          r && r.total > PAGE_SIZE
            ? { current: p.page, pageSize: PAGE_SIZE, total: Math.min(r.total, 500 * PAGE_SIZE), showSizeChanger: false, onChange: onPage }
            : false
        }
        renderItem={(h) => (
          <List.Item key={h.articleId} data-testid="law-hit">
            <div style={{ width: '100%' }}>
              <Space wrap size={4} style={{ marginBottom: 4 }}>
                <Link to={articleUrl(h.articleId)} style={{ fontWeight: 600 }}>
                  《{h.title}》{h.label}
                </Link>
                <LevelTag level={h.level as LawLevel} />
                <StatusTag status={h.versionStatus as LawStatus} />
                <Typography.Text type="secondary">
                  {h.versionDate} 版{h.heading ? ` · ${h.heading}` : ''}
                </Typography.Text>
              </Space>
              <Snippet html={h.snippet} />
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}

function LawList({ items, loading, error }: { items: LawSource[]; loading: boolean; error: Error | null }) {
  if (error) return <QueryError error={error} />;
  return (
    <Card size="small" title={`法律法规（${items.length} 部）`}>
      <Table<LawSource>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={items}
        pagination={false}
        columns={[
          { title: '名称', dataIndex: 'title', render: (t: string, s) => <Link to={lawUrl(s.id)}>{t}</Link> },
          { title: '效力级别', dataIndex: 'level', width: 110, render: (l: LawLevel) => <LevelTag level={l} /> },
          { title: '制定机关', dataIndex: 'issuer', width: 220, render: (i: string | null) => i ?? '—' },
          { title: '现行版本', width: 120, render: (_, s) => s.versions[s.versions.length - 1].versionDate },
          { title: '施行日期', width: 120, render: (_, s) => s.versions[s.versions.length - 1].effectiveOn ?? '—' },
          { title: '时效性', dataIndex: 'status', width: 100, render: (st: LawStatus) => <StatusTag status={st} /> },
          { title: '版本', width: 90, render: (_, s) => (s.versions.length > 1 ? <Tag color="purple">{s.versions.length} 个版本</Tag> : '1 个') },
        ]}
      />
    </Card>
  );
}
