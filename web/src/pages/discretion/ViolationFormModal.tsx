/**
 * 新增 / 修改违法行为: code, name, field, the articles it violates and that punish it (article ids of
 * the law library), the statutory conditions and, per penalty kind, the statutory fine ranges.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, Input, Modal, Row, Select, Space, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import type { PenaltyProvision, StatutoryCondition } from '../../../../src/domain/discretion/model';
import { applyModes, penaltyKinds } from '../../../../src/domain/discretion/vocabulary';
import { api } from '../../api/client';
import { discretionKeys, useReference, type ViolationDetail } from './api';
import { boundText, conditionsText, parseBound, parseConditions } from './branchDsl';
import { withEarlier } from './earlierStatutes';

interface BranchValues {
  id: string;
  label: string;
  when: string;
  min: string;
  max: string;
  articleId: string;
  text: string;
  /** 应当/可以 for this range where it differs from the provision (电子商务法 第八十一条 情节严重) */
  mode?: 'required' | 'optional' | null;
}
interface Values {
  code: string;
  name: string;
  field: string;
  active?: boolean;
  violates: string[];
  punishes: string[];
  conditions: StatutoryCondition[];
  provisions: (Omit<PenaltyProvision, 'branches'> & { branches?: BranchValues[] })[];
  /** 修改依据时保留原依据 (从旧兼从轻, 行政处罚法 第三十七条): the statute as it was becomes an earlier version */
  keepEarlier?: boolean;
}

const toValues = (v: ViolationDetail): Values => ({
  code: v.code,
  name: v.name,
  field: v.field,
  active: v.active,
  violates: v.violates,
  punishes: v.punishes,
  conditions: v.conditions,
  provisions: v.provisions.map((p) => ({
    ...p,
    branches: p.branches?.map((b) => ({ ...b, when: conditionsText(b.when), min: boundText(b.min), max: boundText(b.max) })),
  })),
});

function fromValues(v: Values): { body: Omit<Values, 'provisions'> & { provisions: PenaltyProvision[] }; problems: string[] } {
  const problems: string[] = [];
  const provisions = (v.provisions ?? []).map((p, i) => {
    const branches =
      p.kind === 'fine'
        ? (p.branches ?? []).map((b, j) => {
            const when = parseConditions(b.when ?? '');
            const min = parseBound(b.min ?? '');
            const max = parseBound(b.max ?? '');
            for (const x of [when, min, max]) if (typeof x === 'string') problems.push(`第 ${i + 1} 种处罚第 ${j + 1} 个法定幅度：${x}`);
            return {
              id: b.id,
              label: b.label,
              when: typeof when === 'string' ? [] : when,
              min: typeof min === 'string' ? { fen: 0 } : min,
              max: typeof max === 'string' ? { fen: 0 } : max,
              articleId: b.articleId,
              text: b.text,
              ...(b.mode ? { mode: b.mode } : {}),
            };
          })
        : undefined;
    return {
      kind: p.kind,
      mode: p.mode,
      onlyIf: p.onlyIf || null,
      articleId: p.articleId,
      text: p.text,
      ...(branches ? { branches } : {}),
      ...(p.reservedTo ? { reservedTo: p.reservedTo } : {}),
    };
  });
  const { keepEarlier: _k, ...rest } = v;
  return { body: { ...rest, conditions: v.conditions ?? [], provisions }, problems };
}

export function ViolationFormModal({ open, violation, onClose }: { open: boolean; violation: ViolationDetail | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const ref = useReference();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [problems, setProblems] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const conditionIds = (Form.useWatch('conditions', form) ?? []).map((c: StatutoryCondition | undefined) => c?.id).filter(Boolean) as string[];

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      violation
        ? toValues(violation)
        : {
            code: '',
            name: '',
            field: 'food',
            violates: [],
            punishes: [],
            conditions: [],
            provisions: [{ kind: 'fine', mode: 'required', articleId: '', text: '', branches: [] }],
          },
    );
    setProblems([]);
  }, [open, violation, form]);

  const save = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const { body, problems: p } = fromValues(values);
    if (p.length) return setProblems(p);
    setSaving(true);
    try {
      if (violation) {
        await api.patch(`/api/discretion/violations/${violation.id}`, values.keepEarlier ? withEarlier(violation, body) : body);
        message.success('违法行为已修改');
      } else {
        const { active: _a, ...create } = body;
        const r = await api.post<{ id: string }>('/api/discretion/violations', create);
        message.success('违法行为已新增');
        navigate(`/discretion/violations/${r.id}`);
      }
      await queryClient.invalidateQueries({ queryKey: discretionKeys.all });
      onClose();
    } catch (e) {
      const d = (e as { details?: { problems?: { message: string }[] } }).details;
      setProblems(d?.problems?.map((x) => x.message) ?? [e instanceof Error ? e.message : '保存失败']);
    } finally {
      setSaving(false);
    }
  };

  const articleSelect = <Select mode="tags" tokenSeparators={[',', '，', ' ']} placeholder="条文编号，如 食品安全法@2021-04-29#第三十四条" open={false} />;
  return (
    <Modal
      open={open}
      title={violation ? `修改违法行为 ${violation.code}` : '新增违法行为'}
      width={1100}
      onCancel={onClose}
      onOk={save}
      confirmLoading={saving}
      okText="保存"
      destroyOnHidden
    >
      {problems.length > 0 && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} title="无法保存" description={problems.map((p) => <div key={p}>{p}</div>)} />
      )}
      <Form form={form} layout="vertical" size="small" onValuesChange={() => setProblems([])}>
        <Row gutter={12}>
          <Col span={5}>
            <Form.Item label="编码" name="code" rules={[{ required: true }]}>
              <Input placeholder="如 SP-010" />
            </Form.Item>
          </Col>
          <Col span={11}>
            <Form.Item label="违法行为名称" name="name" rules={[{ required: true }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item label="执法领域" name="field" rules={[{ required: true }]}>
              <Select options={Object.entries(ref.data?.fields ?? {}).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
          </Col>
          {violation && (
            <Col span={3}>
              <Form.Item label="启用" name="active" valuePropName="checked">
                <Switch />
              </Form.Item>
            </Col>
          )}
          <Col span={12}>
            <Form.Item label="违反条款" name="violates" rules={[{ required: true }]}>
              {articleSelect}
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="处罚依据" name="punishes" rules={[{ required: true }]}>
              {articleSelect}
            </Form.Item>
          </Col>
          {violation && (
            <Col span={24}>
              <Form.Item
                name="keepEarlier"
                valuePropName="checked"
                label="法律修改后更新依据时，保留原依据为旧版本"
                extra={`违法行为发生时的规定仍适用于此前的行为，新的规定处罚较轻的适用新的规定（行政处罚法 第三十七条）。已保留 ${violation.earlierStatutes.length} 个旧版本。`}
              >
                <Switch />
              </Form.Item>
            </Col>
          )}
        </Row>
        <Typography.Title level={5}>法定情形（如 情节严重、逾期未改正）</Typography.Title>
        <Form.List name="conditions">
          {(fields, { add, remove }) => (
            <div style={{ marginBottom: 12 }}>
              {fields.map((f) => (
                <Space key={f.key} size={4} style={{ display: 'flex', marginBottom: 4 }}>
                  <Form.Item name={[f.name, 'id']} noStyle>
                    <Input style={{ width: 160 }} placeholder="编号，如 serious" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'label']} noStyle>
                    <Input style={{ width: 300 }} placeholder="情形" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'articleId']} noStyle>
                    <Input style={{ width: 300 }} placeholder="条文编号" />
                  </Form.Item>
                  <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="删除" />
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ id: '', label: '', articleId: '' })}>
                添加法定情形
              </Button>
            </div>
          )}
        </Form.List>
        <Typography.Title level={5}>处罚种类与法定幅度</Typography.Title>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          法定幅度按条文顺序逐一判断，第一个满足条件的适用。条件如“货值金额&lt;10000”“货值金额&gt;=10000”“无广告费用”“serious”“非 serious”，以“；”并列、“ 或
          ”择一；金额以元计，倍数写作“10倍货值金额”。
        </Typography.Paragraph>
        <Form.List name="provisions">
          {(fields, { add, remove }) => (
            <div>
              {fields.map((f) => (
                <Card
                  key={f.key}
                  size="small"
                  style={{ marginBottom: 8 }}
                  extra={<Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="删除" />}
                  title={
                    <Space size={4}>
                      <Form.Item name={[f.name, 'kind']} noStyle>
                        <Select style={{ width: 150 }} options={Object.entries(penaltyKinds).map(([value, label]) => ({ value, label }))} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'mode']} noStyle>
                        <Select
                          style={{ width: 110 }}
                          options={[
                            { value: 'required', label: applyModes.required },
                            { value: 'optional', label: applyModes.optional },
                          ]}
                        />
                      </Form.Item>
                      <Form.Item name={[f.name, 'onlyIf']} noStyle>
                        <Select allowClear style={{ width: 160 }} placeholder="无前提" options={conditionIds.map((id) => ({ value: id, label: id }))} />
                      </Form.Item>
                    </Space>
                  }
                >
                  <Space size={4} style={{ display: 'flex', marginBottom: 4 }}>
                    <Form.Item name={[f.name, 'articleId']} noStyle>
                      <Input style={{ width: 300 }} placeholder="条文编号" />
                    </Form.Item>
                    <Form.Item name={[f.name, 'text']} noStyle>
                      <Input style={{ width: 560 }} placeholder="条文原文" />
                    </Form.Item>
                    {/* kept as it is: a penalty another authority decides (药品管理法 第一百三十九条) */}
                    <Form.Item name={[f.name, 'reservedTo']} hidden>
                      <Input />
                    </Form.Item>
                    <Form.Item noStyle shouldUpdate>
                      {() => {
                        const r = form.getFieldValue(['provisions', f.name, 'reservedTo']);
                        return r ? <Typography.Text type="secondary">由{r.authority}决定（本机关提出建议）</Typography.Text> : null;
                      }}
                    </Form.Item>
                  </Space>
                  <Form.Item noStyle shouldUpdate>
                    {() =>
                      form.getFieldValue(['provisions', f.name, 'kind']) === 'fine' && (
                        <Form.List name={[f.name, 'branches']}>
                          {(bs, ops) => (
                            <div>
                              {bs.map((b) => (
                                <Space key={b.key} size={4} wrap style={{ display: 'flex', marginBottom: 4, paddingInlineStart: 16 }}>
                                  <Form.Item name={[b.name, 'id']} noStyle>
                                    <Input style={{ width: 100 }} placeholder="编号" />
                                  </Form.Item>
                                  <Form.Item name={[b.name, 'label']} noStyle>
                                    <Input style={{ width: 170 }} placeholder="名称" />
                                  </Form.Item>
                                  <Form.Item name={[b.name, 'when']} noStyle>
                                    <Input style={{ width: 200 }} placeholder="条件（空为无条件）" />
                                  </Form.Item>
                                  <Form.Item name={[b.name, 'min']} noStyle>
                                    <Input style={{ width: 120 }} placeholder="下限" />
                                  </Form.Item>
                                  <Form.Item name={[b.name, 'max']} noStyle>
                                    <Input style={{ width: 120 }} placeholder="上限" />
                                  </Form.Item>
                                  <Form.Item name={[b.name, 'articleId']} noStyle>
                                    <Input style={{ width: 230 }} placeholder="条文编号" />
                                  </Form.Item>
                                  <Form.Item name={[b.name, 'text']} noStyle>
                                    <Input style={{ width: 420 }} placeholder="原文" />
                                  </Form.Item>
                                  <Form.Item name={[b.name, 'mode']} noStyle>
                                    <Select
                                      allowClear
                                      style={{ width: 150 }}
                                      placeholder="同处罚种类"
                                      options={[
                                        { value: 'required', label: `本幅度${applyModes.required}` },
                                        { value: 'optional', label: `本幅度${applyModes.optional}` },
                                      ]}
                                    />
                                  </Form.Item>
                                  <Button type="text" danger icon={<DeleteOutlined />} onClick={() => ops.remove(b.name)} aria-label="删除" />
                                </Space>
                              ))}
                              <Button
                                size="small"
                                icon={<PlusOutlined />}
                                style={{ marginInlineStart: 16 }}
                                onClick={() =>
                                  ops.add({
                                    id: '',
                                    label: '',
                                    when: '',
                                    min: '',
                                    max: '',
                                    articleId: form.getFieldValue(['provisions', f.name, 'articleId']),
                                    text: '',
                                  })
                                }
                              >
                                添加法定幅度
                              </Button>
                            </div>
                          )}
                        </Form.List>
                      )
                    }
                  </Form.Item>
                </Card>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'warning', mode: 'required', articleId: '', text: '' })}>
                添加处罚种类
              </Button>
            </div>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
