/** A task: the draw screen (commitment → draw → reveal), the assignment, progress of results, completion and publication. */
import { CheckCircleOutlined, SafetyOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, List, Space, Steps, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError } from '../../api/client';
import { Hash, PageTitle, QueryError } from '../../components/common';
import { NextStepBanner, StepButton, useGuidance } from '../../components/NextStep';
import { chinaTime } from '../../lib/format';
import { inspectionKeys, useAssignments, useTask, type DrawCheck, type Task } from './api';

type Excluded = { officerId: string; name: string; orgName: string; reason: string };

export default function TaskPage() {
  const { id = '' } = useParams();
  const { data: t, error, refetch } = useTask(id);
  const drawn = !!t?.draw?.drawnAt;
  const assignments = useAssignments(id, drawn);
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [problem, setProblem] = useState<{ message: string; excluded: Excluded[] } | null>(null);
  const [check, setCheck] = useState<DrawCheck | null>(null);
  const act = useMutation({
    mutationFn: (step: string) => api.post<Task>(`/api/inspections/tasks/${id}/${step}`, { expectedVersion: t!.version }),
    onSuccess: (next) => {
      setProblem(null);
      qc.setQueryData(inspectionKeys.task(id), next);
      qc.invalidateQueries({ queryKey: inspectionKeys.all });
      message.success(next.stateLabel);
    },
    onError: (e) =>
      setProblem({ message: e.message, excluded: e instanceof ApiError ? ((e.details as { excluded?: Excluded[] } | undefined)?.excluded ?? []) : [] }),
  });
  const verify = useMutation({ mutationFn: () => api.get<DrawCheck>(`/api/inspections/tasks/${id}/verify`), onSuccess: setCheck });
  const guidance = useGuidance(id, t?.version).data;
  if (error) return <QueryError error={error} retry={refetch} />;
  if (!t) return null;
  const d = t.draw;
  const step = !d ? 0 : !d.drawnAt ? 1 : 2;
  const can = (x: string) => t.transitions.some((tr) => tr.id === x);

  return (
    <>
      <PageTitle
        title={t.name}
        sub={`${t.bodyName} · ${t.year} 年 ${t.planTitle}`}
        extra={
          <Space>
            <Tag color="blue">{t.stateLabel}</Tag>
            {t.abilities.viewRecord && <Link to={`/record/inspectionTask/${t.id}`}>执法全过程记录</Link>}
          </Space>
        }
      />
      <NextStepBanner guidance={guidance} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="抽查事项">{t.items.map((i) => `${i.code} ${i.name}`).join('；')}</Descriptions.Item>
          <Descriptions.Item label="执法领域">{t.fieldLabel}</Descriptions.Item>
          <Descriptions.Item label="检查期间">
            {t.periodStart} 至 {t.periodEnd}
          </Descriptions.Item>
          <Descriptions.Item label="抽查比例">
            {(['A', 'B', 'C', 'D'] as const)
              .map((c) => `${c} 类 ${t.targetCounts?.[c] !== undefined ? `${t.targetCounts[c]} 户` : `${t.ratios[c]}%`}`)
              .join('，')}
          </Descriptions.Item>
          <Descriptions.Item label="每户检查人员">
            {t.perTarget} 名{t.differentUnits ? '，来自不同科所' : ''}
          </Descriptions.Item>
          <Descriptions.Item label="对象范围">
            {[t.filter.industries.join('、') || '全部行业', t.filter.riskClasses.length ? `${t.filter.riskClasses.join('')} 类` : '全部风险分类'].join('；')}
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <Card title="抽取" size="small" style={{ marginBottom: 16 }}>
        <Steps
          current={step}
          style={{ marginBottom: 16 }}
          responsive
          items={[
            { title: '冻结候选名单并公布承诺', description: d ? `${d.targetCount} 户对象、${d.inspectorCount} 名人员` : '候选名单摘要 + 对服务器密钥的承诺' },
            { title: '抽取', description: d && !d.drawnAt ? `公共随机值：${chinaTime(d.publicAfter)} 之后的第一个签名树头` : '用签名树头作公共随机值' },
            { title: '公开种子', description: d?.drawnAt ? `已于 ${chinaTime(d.drawnAt)} 抽取` : '任何人可复核' },
          ]}
        />
        {problem && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            title="未能完成"
            description={
              <>
                <div>{problem.message}</div>
                {problem.excluded.length > 0 && (
                  <Table<Excluded>
                    size="small"
                    rowKey="officerId"
                    dataSource={problem.excluded}
                    pagination={{ pageSize: 6 }}
                    style={{ marginTop: 8 }}
                    columns={[
                      { title: '人员', dataIndex: 'name' },
                      { title: '科所', dataIndex: 'orgName' },
                      { title: '未入选原因', dataIndex: 'reason' },
                    ]}
                  />
                )}
              </>
            }
          />
        )}
        <Space style={{ marginBottom: 12 }} wrap>
          {can('commit') && (
            <StepButton loading={act.isPending} guidance={guidance} id="commit" onClick={() => act.mutate('commit')}>
              冻结候选名单并公布承诺
            </StepButton>
          )}
          {can('draw') && (
            <StepButton loading={act.isPending} guidance={guidance} id="draw" onClick={() => act.mutate('draw')}>
              抽取并公开种子
            </StepButton>
          )}
          {d?.drawnAt && (
            <Button icon={<SafetyOutlined />} loading={verify.isPending} onClick={() => verify.mutate()}>
              复核抽取
            </Button>
          )}
          {d && (
            <a href={`/api/public/inspections/draws/${t.id}`} target="_blank" rel="noreferrer">
              抽取公示文件（JSON）
            </a>
          )}
        </Space>
        {d && (
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label="算法">
              {d.algorithm}（{d.hashAlg.toUpperCase()}）
            </Descriptions.Item>
            <Descriptions.Item label="候选名单摘要">
              <Hash value={d.candidatesDigest} full />
            </Descriptions.Item>
            <Descriptions.Item label="承诺">
              <Hash value={d.commitment} full />
            </Descriptions.Item>
            <Descriptions.Item label="公布时间">{chinaTime(d.committedAt)}</Descriptions.Item>
            {d.drawnAt && (
              <Descriptions.Item label="公共随机值">
                第 {d.treeHeadId} 号签名树头（{d.treeSize} 条）根哈希 <Hash value={d.publicValue!} />
              </Descriptions.Item>
            )}
            {d.drawnAt && (
              <Descriptions.Item label="服务器密钥（已公开）">
                <Hash value={d.secret!} full />
              </Descriptions.Item>
            )}
            {d.drawnAt && (
              <Descriptions.Item label="种子">
                <span data-testid="draw-seed">
                  <Hash value={d.seed!} full />
                </span>
              </Descriptions.Item>
            )}
            {d.excluded.length > 0 && (
              <Descriptions.Item label="未入选的人员">
                {d.excluded.length} 名（
                {d.excluded
                  .slice(0, 4)
                  .map((x) => `${x.name}：${x.reason}`)
                  .join('；')}
                {d.excluded.length > 4 ? '……' : ''}）
              </Descriptions.Item>
            )}
          </Descriptions>
        )}
        {check && (
          <Alert
            style={{ marginTop: 12 }}
            type={check.ok ? 'success' : 'error'}
            showIcon
            icon={<CheckCircleOutlined />}
            title={check.ok ? '复核通过：重新抽取的结果与公布的完全一致' : '复核未通过'}
            description={
              <List
                size="small"
                dataSource={check.checks}
                renderItem={(c) => (
                  <List.Item>
                    {c.ok ? '✓' : '✗'} {c.message}
                  </List.Item>
                )}
              />
            }
          />
        )}
      </Card>

      {drawn && (
        <Card
          title={`抽中的检查对象（已录入 ${t.counts.entered} / ${t.counts.drawn}，发现问题 ${t.counts.problems}，转线索 ${t.counts.leads}）`}
          size="small"
          style={{ marginBottom: 16 }}
          extra={
            <Space>
              {can('complete') && (
                <StepButton loading={act.isPending} guidance={guidance} id="complete" onClick={() => act.mutate('complete')}>
                  结束检查
                </StepButton>
              )}
              {can('publish') && (
                <StepButton loading={act.isPending} guidance={guidance} id="publish" onClick={() => act.mutate('publish')}>
                  公示抽查结果
                </StepButton>
              )}
            </Space>
          }
        >
          {t.publication && (
            <Alert
              style={{ marginBottom: 12 }}
              type={t.publication.status === 'published' ? 'success' : 'warning'}
              showIcon
              title={
                t.publication.status === 'published'
                  ? `结果已于 ${chinaTime(t.publication.publishedAt)} 公示`
                  : `检查结果形成于 ${t.publication.resultsFormedOn}，须于 ${t.publication.dueDate} 前公示（20 个工作日，《食品生产经营监督检查管理办法》第三十九条）`
              }
            />
          )}
          <Table
            rowKey="targetId"
            size="small"
            loading={assignments.isFetching}
            dataSource={assignments.data ?? []}
            pagination={{ pageSize: 20 }}
            columns={[
              { title: '序', dataIndex: 'seq', width: 50, render: (s: number) => s + 1 },
              {
                title: '检查对象',
                dataIndex: 'name',
                render: (v: string, r) => (
                  <>
                    <div>{v}</div>
                    <Typography.Text type="secondary" className="fz-mono">
                      {r.uscc}
                    </Typography.Text>
                  </>
                ),
              },
              { title: '风险', dataIndex: 'riskClass', render: (c: string) => `${c} 类` },
              {
                title: '检查人员',
                dataIndex: 'inspectors',
                render: (is: { officerId: string; name: string; orgName: string }[]) => is.map((i) => `${i.name}（${i.orgName}）`).join('、'),
              },
              {
                title: '结果',
                dataIndex: 'result',
                render: (r: { findingLabel: string; leadRequested: boolean } | null) =>
                  r ? (
                    <Space>
                      <Tag>{r.findingLabel}</Tag>
                      {r.leadRequested && <Tag color="red">已转线索</Tag>}
                    </Space>
                  ) : (
                    <Typography.Text type="secondary">未录入</Typography.Text>
                  ),
              },
            ]}
          />
        </Card>
      )}
    </>
  );
}
