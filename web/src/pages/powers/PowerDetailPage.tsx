import { ArrowLeftOutlined, DeleteOutlined, EditOutlined, HistoryOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, Descriptions, Empty, List, Row, Skeleton, Space, Steps, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { powerFieldLabels, type PowerContent } from '../../../../src/domain/powers';
import { PageTitle, QueryError } from '../../components/common';
import { chinaTime } from '../../lib/format';
import { usePowerItem, type PowerItemDetail, type PowerVersion } from './api';
import { BasisLinks, CategoryTag, periodText } from './parts';
import { PowerFormModal, type PowerFormTarget } from './PowerFormModal';
import { RemovePowerModal } from './RemovePowerModal';

const flagLabels: Record<string, string> = {
  amended: '条文已修改',
  unchanged: '法律已修订（本条未变）',
  removed: '新版本中已删除本条',
  repealed: '法律已废止',
};

function statusTag(i: PowerItemDetail) {
  if (i.removed) return <Tag color="red">已取消</Tag>;
  if (!i.inEffect) return <Tag color="blue">{i.validFrom > i.asOf ? '尚未生效' : '非当日版本'}</Tag>;
  return <Tag color="green">有效</Tag>;
}

function History({ versions, onShow }: { versions: PowerVersion[]; onShow: (date: string) => void }) {
  return (
    <Timeline
      items={[...versions].reverse().map((v) => ({
        key: v.versionId,
        color: v.change.kind === 'remove' ? 'red' : v.change.kind === 'add' ? 'green' : 'blue',
        content: (
          <div data-testid={`version-${v.versionNo}`} style={{ paddingBottom: 8 }}>
            <Space wrap size={[8, 4]}>
              <Typography.Text strong>
                第 {v.versionNo} 版 · {v.change.kindLabel}
              </Typography.Text>
              <Tag>{v.change.reasonLabel}</Tag>
              <span>{v.removed ? `${v.validFrom} 起取消` : periodText(v.validFrom, v.validTo)}</span>
              {!v.removed && (
                <Button size="small" type="link" onClick={() => onShow(v.validFrom)}>
                  查看此版本
                </Button>
              )}
            </Space>
            <div>{v.change.note}</div>
            {v.changedFields.length > 0 && (
              <div style={{ fontSize: 12 }}>变更内容：{v.changedFields.map((f) => powerFieldLabels[f as keyof PowerContent] ?? f).join('、')}</div>
            )}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              批准：{v.change.approver.name} · 经办：{v.change.requestedBy.name} · 记录于 {chinaTime(v.change.recordedAt, false)}
              {v.change.importBatch && ' · 批量导入'}
            </Typography.Text>
          </div>
        ),
      }))}
    />
  );
}

/** One power item as of a date: content, legal basis, procedure, service guide, sub-items and its history of changes. */
export default function PowerDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const asOf = params.get('asOf') ?? undefined;
  const q = usePowerItem(id, asOf);
  const i = q.data;
  const [form, setForm] = useState<PowerFormTarget>(null);
  const [removing, setRemoving] = useState<PowerItemDetail | null>(null);
  const setAsOf = (d: string | undefined) => setParams(d ? { asOf: d } : {}, { replace: true });
  const openFlags = i?.basisFlags.filter((f) => f.status === 'open') ?? [];
  const list = (items: string[]) =>
    items.length ? (
      <List
        size="small"
        dataSource={items}
        renderItem={(s, n) => (
          <List.Item>
            {n + 1}. {s}
          </List.Item>
        )}
      />
    ) : (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="无" />
    );

  return (
    <div>
      <PageTitle
        title={
          <Space wrap>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/powers')} aria-label="返回权责清单" />
            <span>{i ? i.name : '权责事项'}</span>
            {i && <CategoryTag category={i.category} />}
            {i && statusTag(i)}
          </Space>
        }
        extra={
          i && (
            <Space wrap>
              <DatePicker placeholder="查看某日的版本" value={asOf ? dayjs(asOf) : null} onChange={(d) => setAsOf(d ? d.format('YYYY-MM-DD') : undefined)} />
              {i.abilities.amend && !i.removed && !i.parentId && (
                <Button
                  icon={<PlusOutlined />}
                  onClick={() =>
                    setForm({
                      mode: 'add',
                      bodyId: i.bodyId,
                      parent: { id: i.id, code: i.code, category: i.category, unitId: i.unitId, subItems: i.subItems.length },
                    })
                  }
                >
                  新增子项
                </Button>
              )}
              {i.abilities.amend && !i.removed && (
                <Button icon={<EditOutlined />} onClick={() => setForm({ mode: 'amend', item: i })}>
                  变更
                </Button>
              )}
              {i.abilities.remove && !i.removed && (
                <Button danger icon={<DeleteOutlined />} onClick={() => setRemoving(i)}>
                  取消
                </Button>
              )}
              {i.abilities.viewRecord && (
                <Button icon={<HistoryOutlined />} onClick={() => navigate(`/record/powerItem/${i.id}`)}>
                  全过程记录
                </Button>
              )}
            </Space>
          )
        }
      />
      {q.error && <QueryError error={q.error} retry={() => q.refetch()} />}
      {q.isPending && (
        <Card>
          <Skeleton active />
        </Card>
      )}
      {i && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {!i.inEffect && (
            <Alert
              type="info"
              showIcon
              title={
                i.removed
                  ? `该事项已于 ${i.validFrom} 取消，下面显示取消前的内容`
                  : `${i.asOf} 没有有效版本，下面显示最新版本（${periodText(i.validFrom, i.validTo)}）`
              }
            />
          )}
          {openFlags.length > 0 && (
            <Alert
              type="warning"
              showIcon
              data-testid="basis-flags"
              title={`设定依据已变动，请复核本事项（${openFlags.length} 条）`}
              description={openFlags.map((f) => (
                <div key={f.id}>
                  <Link to={`/laws/articles/${encodeURIComponent(f.articleId)}`}>{f.articleId}</Link>：{flagLabels[f.change] ?? f.change}
                  {f.newArticleId && (
                    <>
                      {' '}
                      → <Link to={`/laws/articles/${encodeURIComponent(f.newArticleId)}`}>{f.newArticleId}</Link>
                    </>
                  )}
                </div>
              ))}
            />
          )}
          <Card title="基本信息">
            <Descriptions
              column={{ xs: 1, sm: 2, lg: 3 }}
              items={[
                {
                  key: 'code',
                  label: '事项编码',
                  children: (
                    <Typography.Text className="fz-mono" copyable>
                      {i.code}
                    </Typography.Text>
                  ),
                },
                { key: 'cat', label: '职权类别', children: i.categoryLabel },
                { key: 'body', label: '实施主体', children: i.bodyName },
                { key: 'unit', label: '承办机构', children: i.unitName },
                {
                  key: 'parent',
                  label: '所属事项',
                  children: i.parent ? (
                    <Link to={`/powers/${i.parent.id}`}>
                      {i.parent.code} {i.parent.name}
                    </Link>
                  ) : (
                    '（主项）'
                  ),
                },
                {
                  key: 'ver',
                  label: '版本',
                  children: i.removed ? `第 ${i.versionNo} 版：${i.validFrom} 起取消` : `第 ${i.versionNo} 版，${periodText(i.validFrom, i.validTo)}`,
                },
                { key: 'limit', label: '办理时限', children: i.timeLimit ?? '—' },
                { key: 'fee', label: '收费标准', children: i.fee ?? '—' },
                { key: 'phone', label: '咨询电话', children: i.phone ?? '—' },
                { key: 'office', label: '办理地点', children: i.office ?? '—' },
                { key: 'remarks', label: '备注（内部）', children: i.remarks ?? '—' },
              ]}
            />
          </Card>
          <Card title="设定依据">
            <BasisLinks basis={i.basis} vertical />
          </Card>
          {i.subItems.length > 0 && (
            <Card title={`子项（${i.subItems.length}）`}>
              <List
                size="small"
                dataSource={i.subItems}
                renderItem={(s) => (
                  <List.Item>
                    <Link to={`/powers/${s.id}${asOf ? `?asOf=${asOf}` : ''}`}>
                      {s.code} {s.name}
                    </Link>
                  </List.Item>
                )}
              />
            </Card>
          )}
          <Row gutter={16}>
            <Col xs={24} lg={12}>
              <Card title="责任事项" style={{ height: '100%' }}>
                {list(i.responsibilities)}
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title="追责情形" style={{ height: '100%' }}>
                {list(i.accountability)}
              </Card>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} lg={12}>
              <Card title="办理流程" style={{ height: '100%' }}>
                {i.steps.length ? (
                  <Steps orientation="vertical" size="small" current={-1} items={i.steps.map((s) => ({ title: s.name, content: s.timeLimit ?? undefined }))} />
                ) : (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="无" />
                )}
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title="申请材料" style={{ height: '100%' }}>
                {list(i.materials)}
              </Card>
            </Col>
          </Row>
          <Card title="调整记录（立改废）" extra={i.abilities.viewRecord && <Link to={`/record/powerItem/${i.id}`}>在记录页验证</Link>}>
            <History versions={i.versions} onShow={(d) => setAsOf(d)} />
          </Card>
        </Space>
      )}
      <PowerFormModal target={form} onClose={() => setForm(null)} onSaved={(nid) => nid !== id && navigate(`/powers/${nid}`)} />
      <RemovePowerModal item={removing} onClose={() => setRemoving(null)} />
    </div>
  );
}
