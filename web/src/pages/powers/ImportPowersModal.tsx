/**
 * 导入权责清单: choose a file and the change record, check it (nothing is written), look at the
 * row-level errors or the planned changes, then import — all rows or none.
 */
import { InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Modal, Select, Space, Statistic, Table, Tag, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { api, ApiError } from '../../api/client';
import { powerKeys, usePowerBodies, type ImportResult, type ImportRowError } from './api';
import { ChangeFields, toChange, type ChangeValues } from './ChangeFields';

const MAX_BYTES = 8 * 1024 * 1024;

function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(new Error('无法读取文件'));
    r.readAsDataURL(file);
  });
}

const actionLabels = { add: { text: '新增', color: 'green' }, amend: { text: '变更', color: 'blue' }, unchanged: { text: '未变', color: 'default' } } as const;

export function ImportPowersModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<ChangeValues & { bodyId: string }>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const bodies = usePowerBodies();
  const bodyId = Form.useWatch('bodyId', form);
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<ImportResult | null>(null);
  const [errors, setErrors] = useState<ImportRowError[] | null>(null);
  const [busy, setBusy] = useState<'check' | 'import' | null>(null);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    const own = bodies.data?.filter((b) => b.abilities.add) ?? [];
    if (own.length === 1) form.setFieldsValue({ bodyId: own[0].id });
    setFile(null);
    setChecked(null);
    setErrors(null);
  }, [open, form, bodies.data]);

  const run = async (dryRun: boolean) => {
    const v = await form.validateFields().catch(() => null);
    if (!v || !file) return;
    setBusy(dryRun ? 'check' : 'import');
    setErrors(null);
    try {
      const { bodyId: _b, ...change } = v;
      const r = await api.post<ImportResult>('/api/powers/import', { fileBase64: await toBase64(file), fileName: file.name, ...toChange(change), dryRun });
      if (dryRun) setChecked(r);
      else {
        message.success(`已导入：新增 ${r.added} 项，变更 ${r.amended} 项，未变 ${r.unchanged} 项`);
        await queryClient.invalidateQueries({ queryKey: powerKeys.all });
        onClose();
      }
    } catch (e) {
      setChecked(null);
      if (e instanceof ApiError && e.code === 'IMPORT_INVALID') setErrors((e.details as { errors: ImportRowError[] }).errors);
      else message.error(e instanceof Error ? e.message : '导入失败');
    } finally {
      setBusy(null);
    }
  };

  const changes = checked ? checked.added + checked.amended : 0;
  return (
    <Modal
      title="导入权责清单（.xlsx）"
      open={open}
      onCancel={onClose}
      width={900}
      forceRender
      footer={
        <Space>
          <Button onClick={onClose}>关闭</Button>
          <Button onClick={() => run(true)} loading={busy === 'check'} disabled={!file}>
            校验
          </Button>
          <Button type="primary" onClick={() => run(false)} loading={busy === 'import'} disabled={!checked || changes === 0} data-testid="import-confirm">
            导入{checked ? `（${changes} 项调整）` : ''}
          </Button>
        </Space>
      }
    >
      <Upload.Dragger
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        maxCount={1}
        data-testid="import-file"
        fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
        beforeUpload={(f) => {
          if (f.size > MAX_BYTES) message.error('文件超过 8 MiB');
          else {
            setFile(f);
            setChecked(null);
            setErrors(null);
          }
          return false;
        }}
        onRemove={() => {
          setFile(null);
          setChecked(null);
          setErrors(null);
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>
          点击或拖入 .xlsx
          文件（列：序号、事项编码、事项名称、子项名称、职权类别、实施主体、承办机构、设定依据、责任事项、追责情形、办理时限、收费标准、咨询电话、备注）
        </p>
        <p style={{ color: '#8c8c8c' }}>可先“导出 Excel”作为模板；新编码按新增、已有编码按变更处理，内容未变的行跳过</p>
      </Upload.Dragger>
      <Form form={form} name="import-powers" layout="vertical" style={{ marginTop: 16 }}>
        <Form.Item label="批准人所属执法主体" name="bodyId" rules={[{ required: true, message: '请选择执法主体' }]}>
          <Select options={(bodies.data ?? []).filter((b) => b.abilities.add).map((b) => ({ value: b.id, label: b.name }))} />
        </Form.Item>
        <ChangeFields bodyId={bodyId} />
      </Form>
      {errors && (
        <>
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            title={`文件有 ${errors.length} 处错误，未导入任何内容`}
            description="请按下表逐行修改后重新校验。"
          />
          <Table<ImportRowError>
            size="small"
            rowKey={(e, i) => `${e.row}-${e.column}-${i}`}
            dataSource={errors}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            data-testid="import-errors"
            columns={[
              { title: '行号', dataIndex: 'row', width: 70, render: (r: number) => (r ? r : '文件') },
              { title: '列', dataIndex: 'column', width: 110, render: (c: string) => c || '—' },
              { title: '问题', dataIndex: 'message' },
            ]}
          />
        </>
      )}
      {checked && (
        <>
          <Alert
            type={changes ? 'success' : 'info'}
            showIcon
            style={{ marginBottom: 12 }}
            title={changes ? '校验通过，可以导入' : '校验通过，但与现行清单相比没有任何变化'}
          />
          {checked.warnings.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title="请注意：以下事项已有经批准、尚未生效的调整"
              description={checked.warnings.map((w) => (
                <div key={w.row}>
                  第 {w.row} 行：{w.message}
                </div>
              ))}
            />
          )}
          <Space size={32} style={{ marginBottom: 12 }}>
            <Statistic title="新增" value={checked.added} />
            <Statistic title="变更" value={checked.amended} />
            <Statistic title="未变" value={checked.unchanged} />
          </Space>
          <Table
            size="small"
            rowKey="row"
            dataSource={checked.rows.filter((r) => r.action !== 'unchanged')}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            columns={[
              { title: '行号', dataIndex: 'row', width: 70 },
              { title: '事项编码', dataIndex: 'code' },
              {
                title: '处理',
                dataIndex: 'action',
                width: 90,
                render: (a: keyof typeof actionLabels) => <Tag color={actionLabels[a].color}>{actionLabels[a].text}</Tag>,
              },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
