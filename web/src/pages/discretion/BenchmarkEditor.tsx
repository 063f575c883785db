/**
 * 裁量基准编辑: validity and adopting document, the tiers table (one row per tier × penalty kind),
 * circumstances and exemption lists — with the calculator previewing the unsaved benchmark beside it.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, DatePicker, Form, Input, Modal, Row, Select, Space, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { specMethods } from '../../../../src/domain/discretion/sheet';
import {
  applyModes,
  circumstanceEffects,
  circumstanceForces,
  circumstanceKinds,
  discretionTiers,
  exemptionLists,
  partyTypes,
  penaltyKinds,
} from '../../../../src/domain/discretion/vocabulary';
import { api } from '../../api/client';
import { useOrgs } from '../../api/queries';
import { useSession } from '../../auth/session';
import { discretionKeys, useReference, type Benchmark, type ViolationDetail } from './api';
import { conventionRows, fromValues, toValues, type BenchmarkValues } from './benchmarkForm';
import { CalculatorPanel } from './CalculatorPanel';

const opts = (t: Record<string, string>) => Object.entries(t).map(([value, label]) => ({ value, label }));
const methodOptions = [
  ...Object.values(specMethods).map((m) => ({ value: m.label, label: m.label })),
  ...Object.values(applyModes).map((l) => ({ value: l, label: l })),
];
const dateField = {
  getValueProps: (v: string | null) => ({ value: v ? dayjs(v) : null }),
  normalize: (d: dayjs.Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null),
};

export type EditorTarget = { violation: ViolationDetail; benchmark: Benchmark | null } | null;

export function BenchmarkEditor({ target, onClose }: { target: EditorTarget; onClose: () => void }) {
  const [form] = Form.useForm<BenchmarkValues>();
  const { message } = App.useApp();
  const { user } = useSession();
  const orgs = useOrgs();
  const ref = useReference();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<BenchmarkValues | null>(null);
  const [saving, setSaving] = useState(false);
  const [serverProblems, setServerProblems] = useState<string[]>([]);
  const v = target?.violation;

  useEffect(() => {
    if (!target) return;
    const initial: BenchmarkValues = target.benchmark
      ? toValues(target.benchmark)
      : {
          orgId: user.orgId,
          validFrom: dayjs().format('YYYY-MM-DD'),
          validTo: null,
          documentTitle: '',
          documentNumber: '',
          tiers: conventionRows(target.violation),
          circumstances: ref.data?.standardCircumstances.map((c) => ({ ...c, keeps: [], partyType: c.partyType ?? null })) ?? [],
          exemptions: [],
        };
    form.resetFields();
    form.setFieldsValue(initial);
    setValues(initial);
    setServerProblems([]);
  }, [target, form, user.orgId, ref.data]);

  const converted = useMemo(() => (values && v ? fromValues(values, v) : null), [values, v]);
  const draft = useMemo(() => (converted?.draft ? { id: target?.benchmark?.id ?? null, ...converted.draft } : null), [converted, target]);
  if (!target || !v) return null;
  const fine = v.provisions.find((p) => p.kind === 'fine');
  const kindOptions = v.provisions.map((p) => ({ value: p.kind, label: penaltyKinds[p.kind] }));
  const branchOptions = (fine?.branches ?? []).map((b) => ({ value: b.id, label: b.label }));

  const save = async () => {
    const vals = await form.validateFields().catch(() => null);
    if (!vals) return;
    const { draft: d, problems } = fromValues(vals, v);
    if (!d) {
      setServerProblems(problems.length ? problems : ['请填写生效日期、文号和名称']);
      return;
    }
    setSaving(true);
    try {
      const { orgId, ...body } = d;
      if (target.benchmark) await api.patch(`/api/discretion/benchmarks/${target.benchmark.id}`, body);
      else await api.post('/api/discretion/benchmarks', { violationId: v.id, orgId, ...body });
      message.success('裁量基准已保存，并记入执法全过程记录');
      await queryClient.invalidateQueries({ queryKey: discretionKeys.all });
      onClose();
    } catch (e) {
      const details = (e as { details?: { problems?: { message: string }[] } }).details;
      setServerProblems(details?.problems?.map((p) => p.message) ?? [e instanceof Error ? e.message : '保存失败']);
    } finally {
      setSaving(false);
    }
  };

  const removeButton = (remove: () => void) => <Button type="text" danger icon={<DeleteOutlined />} onClick={remove} aria-label="删除" />;

  return (
    <Modal
      open
      title={`${target.benchmark ? '修改' : '制定'}裁量基准：${v.code} ${v.name}`}
      width={1440}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={saving} onClick={save} data-testid="save-benchmark">
            保存
          </Button>
        </Space>
      }
    >
      <Row gutter={16}>
        <Col span={15}>
          {[...(converted?.problems ?? []), ...serverProblems].length > 0 && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              title="基准有误"
              description={[...(converted?.problems ?? []), ...serverProblems].map((p) => <div key={p}>{p}</div>)}
            />
          )}
          <Form
            form={form}
            layout="vertical"
            size="small"
            onValuesChange={(_, all) => {
              setValues(all);
              setServerProblems([]);
            }}
          >
            <Tabs
              items={[
                {
                  key: 'meta',
                  label: '基本信息',
                  forceRender: true,
                  children: (
                    <Row gutter={12}>
                      <Col span={12}>
                        <Form.Item label="制定机关" name="orgId" rules={[{ required: true }]}>
                          <Select disabled={!!target.benchmark} options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))} />
                        </Form.Item>
                      </Col>
                      <Col span={12}>
                        <Form.Item label="文号" name="documentNumber" rules={[{ required: true, message: '请填写文号' }]}>
                          <Input placeholder="如 示市监法〔2026〕5号" />
                        </Form.Item>
                      </Col>
                      <Col span={24}>
                        <Form.Item label="基准名称" name="documentTitle" rules={[{ required: true, message: '请填写基准名称' }]}>
                          <Input />
                        </Form.Item>
                      </Col>
                      <Col span={12}>
                        <Form.Item label="生效日期" name="validFrom" rules={[{ required: true }]} {...dateField}>
                          <DatePicker style={{ width: '100%' }} />
                        </Form.Item>
                      </Col>
                      <Col span={12}>
                        <Form.Item label="失效日期（空为长期）" name="validTo" {...dateField}>
                          <DatePicker style={{ width: '100%' }} />
                        </Form.Item>
                      </Col>
                      <Col span={24}>
                        <Typography.Text type="secondary">同一违法行为、同一机关的基准有效期不得重叠；修订时先为原基准设定失效日期。</Typography.Text>
                      </Col>
                    </Row>
                  ),
                },
                {
                  key: 'tiers',
                  label: '裁量表',
                  forceRender: true,
                  children: (
                    <Form.List name="tiers">
                      {(fields, { add, remove }) => (
                        <div data-testid="tier-rows">
                          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
                            法定幅度比例：自法定最低额起占幅度的百分比（从轻
                            0–30）；固定金额：元；倍数：计罚基数的倍数；法定最低额比例：减轻处罚时占法定最低额的百分比。
                          </Typography.Paragraph>
                          {fields.map((f) => (
                            <Space key={f.key} size={4} style={{ display: 'flex', marginBottom: 4 }} align="start">
                              <Form.Item name={[f.name, 'tier']} noStyle>
                                <Select style={{ width: 96 }} options={opts(discretionTiers)} />
                              </Form.Item>
                              <Form.Item name={[f.name, 'kind']} noStyle>
                                <Select style={{ width: 130 }} options={kindOptions} />
                              </Form.Item>
                              <Form.Item name={[f.name, 'branch']} noStyle>
                                <Select allowClear placeholder="全部法定幅度" style={{ width: 170 }} options={branchOptions} />
                              </Form.Item>
                              <Form.Item name={[f.name, 'method']} noStyle>
                                <Select style={{ width: 130 }} options={methodOptions} />
                              </Form.Item>
                              <Form.Item name={[f.name, 'lo']} noStyle>
                                <Input style={{ width: 80 }} placeholder="下限" />
                              </Form.Item>
                              <Form.Item name={[f.name, 'hi']} noStyle>
                                <Input style={{ width: 80 }} placeholder="上限" />
                              </Form.Item>
                              <Form.Item name={[f.name, 'note']} noStyle>
                                <Input style={{ width: 160 }} placeholder="说明" />
                              </Form.Item>
                              {removeButton(() => remove(f.name))}
                            </Space>
                          ))}
                          <Space>
                            <Button
                              icon={<PlusOutlined />}
                              onClick={() => add({ tier: 'standard', kind: kindOptions[0]?.value, method: '法定幅度比例', lo: '30', hi: '70' })}
                            >
                              添加一行
                            </Button>
                            <Button
                              onClick={() => {
                                form.setFieldValue('tiers', conventionRows(v));
                                setValues(form.getFieldsValue(true));
                              }}
                            >
                              按通行划分重新生成
                            </Button>
                          </Space>
                        </div>
                      )}
                    </Form.List>
                  ),
                },
                {
                  key: 'circumstances',
                  label: '裁量情节',
                  forceRender: true,
                  children: (
                    <Form.List name="circumstances">
                      {(fields, { add, remove }) => (
                        <div>
                          {fields.map((f) => (
                            <Space key={f.key} size={4} style={{ display: 'flex', marginBottom: 4 }} align="start" wrap>
                              <Form.Item name={[f.name, 'id']} noStyle>
                                <Input style={{ width: 130 }} placeholder="编号" />
                              </Form.Item>
                              <Form.Item name={[f.name, 'label']} noStyle>
                                <Input style={{ width: 260 }} placeholder="情节" />
                              </Form.Item>
                              <Form.Item name={[f.name, 'kind']} noStyle>
                                <Select style={{ width: 96 }} options={opts(circumstanceKinds)} />
                              </Form.Item>
                              {/* 法定 effects are 应当 unless the law says 可以 (行政处罚法 第三十一条) */}
                              <Form.Item name={[f.name, 'force']} noStyle>
                                <Select allowClear style={{ width: 96 }} placeholder="应当" options={opts(circumstanceForces)} />
                              </Form.Item>
                              <Form.Item name={[f.name, 'effect']} noStyle>
                                <Select style={{ width: 120 }} options={opts(circumstanceEffects)} />
                              </Form.Item>
                              <Form.Item name={[f.name, 'articleId']} noStyle>
                                <Input style={{ width: 220 }} placeholder="依据条文，如 行政处罚法@2021-01-22#第三十二条" />
                              </Form.Item>
                              <Form.Item name={[f.name, 'keeps']} noStyle>
                                <Select mode="multiple" style={{ width: 150 }} placeholder="仍予适用" options={kindOptions} />
                              </Form.Item>
                              <Form.Item name={[f.name, 'partyType']} noStyle>
                                <Select allowClear style={{ width: 120 }} placeholder="适用当事人" options={opts(partyTypes)} />
                              </Form.Item>
                              {removeButton(() => remove(f.name))}
                            </Space>
                          ))}
                          <Select
                            style={{ width: 360 }}
                            placeholder="添加常用情节"
                            value={null}
                            options={(ref.data?.standardCircumstances ?? []).map((c) => ({
                              value: c.id,
                              label: `${c.label}（${circumstanceEffects[c.effect]}）`,
                            }))}
                            onChange={(id) => {
                              const c = ref.data?.standardCircumstances.find((x) => x.id === id);
                              if (c) add({ ...c, keeps: [], partyType: c.partyType ?? null });
                            }}
                          />
                          <Button
                            icon={<PlusOutlined />}
                            style={{ marginInlineStart: 8 }}
                            onClick={() =>
                              add({ id: '', label: '', kind: 'discretionary', effect: 'lighter', articleId: '行政处罚法@2021-01-22#第五条', keeps: [] })
                            }
                          >
                            自定义情节
                          </Button>
                        </div>
                      )}
                    </Form.List>
                  ),
                },
                {
                  key: 'exemptions',
                  label: '免罚清单',
                  forceRender: true,
                  children: (
                    <Form.List name="exemptions">
                      {(fields, { add, remove }) => (
                        <div>
                          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
                            适用条件以“；”分隔：情节编号；非 情节编号；货值金额≤1000；当事人=公民。
                          </Typography.Paragraph>
                          {fields.map((f) => (
                            <Space key={f.key} size={4} style={{ display: 'flex', marginBottom: 4 }} align="start" wrap>
                              <Form.Item name={[f.name, 'list']} noStyle>
                                <Select style={{ width: 100 }} options={opts(exemptionLists)} />
                              </Form.Item>
                              <Form.Item name={[f.name, 'label']} noStyle>
                                <Input style={{ width: 220 }} placeholder="名称" />
                              </Form.Item>
                              <Form.Item name={[f.name, 'conditions']} noStyle>
                                <Input style={{ width: 300 }} placeholder="适用条件" />
                              </Form.Item>
                              <Form.Item name={[f.name, 'articleId']} noStyle>
                                <Input style={{ width: 230 }} placeholder="依据条文" />
                              </Form.Item>
                              {removeButton(() => remove(f.name))}
                            </Space>
                          ))}
                          <Space>
                            <Button
                              icon={<PlusOutlined />}
                              onClick={() =>
                                add({
                                  list: 'minorOffenceExemption',
                                  label: '违法行为轻微并及时改正，没有造成危害后果',
                                  conditions: 'minorViolation；correctedPromptly；noHarm',
                                  articleId: '行政处罚法@2021-01-22#第三十三条',
                                })
                              }
                            >
                              轻微不罚
                            </Button>
                            <Button
                              icon={<PlusOutlined />}
                              onClick={() =>
                                add({
                                  list: 'firstOffenceExemption',
                                  label: '初次违法且危害后果轻微并及时改正',
                                  conditions: 'firstOffence；harmSlight；correctedPromptly',
                                  articleId: '行政处罚法@2021-01-22#第三十三条',
                                })
                              }
                            >
                              首违不罚
                            </Button>
                          </Space>
                        </div>
                      )}
                    </Form.List>
                  ),
                },
              ]}
            />
          </Form>
        </Col>
        <Col span={9}>{draft ? <CalculatorPanel violation={v} draft={draft} /> : <Alert type="info" showIcon title="填写完整后显示实时预览" />}</Col>
      </Row>
    </Modal>
  );
}
