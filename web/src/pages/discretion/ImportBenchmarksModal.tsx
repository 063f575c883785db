/** 导入裁量基准表: choose the file and the adopting org, check (nothing written), see row errors or the plan, import — all or nothing. */
import { InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Modal, Select, Space, Statistic, Table, Tag, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { api, ApiError } from '../../api/client';
import { useOrgs } from '../../api/queries';
import { useSession } from '../../auth/session';
import { discretionKeys, type ImportResult, type SheetRowError } from './api';

const MAX_BYTES = 8 * 1024 * 1024;
const toBase64 = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(new Error('无法读取文件'));
    r.readAsDataURL(file);
  });
const actions = { created: { text: '新增', color: 'green' }, updated: { text: '修改', color: 'blue' }, unchanged: { text: '未变', color: 'default' } } as const;

export function ImportBenchmarksModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { user } = useSession();
  const { message } = App.useApp();
  const orgs = useOrgs();
  const queryClient = useQueryClient();
  const [orgId, setOrgId] = useState(user.orgId);
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<ImportResult | null>(null);
  const [errors, setErrors] = useState<SheetRowError[] | null>(null);
  const [busy, setBusy] = useState<'check' | 'import' | null>(null);

  useEffect(() => {
    if (open) {
      setFile(null);
      setChecked(null);
      setErrors(null);
      setOrgId(user.orgId);
    }
  }, [open, user.orgId]);

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(dryRun ? 'check' : 'import');
    setErrors(null);
    try {
      const r = await api.post<ImportResult>('/api/discretion/benchmarks/import', { fileBase64: await toBase64(file), orgId, dryRun });
      if (dryRun) setChecked(r);
      else {
        message.success(`已导入：新增 ${r.created} 个、修改 ${r.updated} 个基准`);
        await queryClient.invalidateQueries({ queryKey: discretionKeys.all });
        onClose();
      }
    } catch (e) {
      setChecked(null);
      if (e instanceof ApiError && e.code === 'IMPORT_INVALID') setErrors((e.details as { errors: SheetRowError[] }).errors);
      else message.error(e instanceof Error ? e.message : '导入失败');
    } finally {
      setBusy(null);
    }
  };
  const changes = checked ? checked.created + checked.updated : 0;
  return (
    <Modal
      title="导入裁量基准表（.xlsx）"
      open={open}
      onCancel={onClose}
      width={900}
      footer={
        <Space>
          <Button onClick={onClose}>关闭</Button>
          <Button onClick={() => run(true)} loading={busy === 'check'} disabled={!file}>
            校验
          </Button>
          <Button type="primary" onClick={() => run(false)} loading={busy === 'import'} disabled={!checked || changes === 0} data-testid="import-confirm">
            导入{checked ? `（${changes} 个基准）` : ''}
          </Button>
        </Space>
      }
    >
      <Space style={{ marginBottom: 12 }}>
        <span>制定机关</span>
        <Select
          style={{ width: 280 }}
          value={orgId}
          onChange={(v) => {
            setOrgId(v);
            setChecked(null);
          }}
          options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
        />
      </Space>
      <Upload.Dragger
        accept=".xlsx"
        maxCount={1}
        fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
        data-testid="import-file"
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
        <p>点击或拖入 .xlsx 文件（工作表：裁量基准、裁量情节、免罚清单；格式见导出文件的“填写说明”）</p>
        <p style={{ color: '#8c8c8c' }}>同一违法行为、同一生效日期的已有基准按文件内容替换；任何一行有错误则整体不导入</p>
      </Upload.Dragger>
      {errors && (
        <>
          <Alert type="error" showIcon style={{ margin: '12px 0' }} title={`文件有 ${errors.length} 处错误，未导入任何内容`} />
          <Table<SheetRowError>
            size="small"
            rowKey={(e, i) => `${e.sheet}-${e.row}-${i}`}
            dataSource={errors}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            data-testid="import-errors"
            columns={[
              { title: '工作表', dataIndex: 'sheet', width: 100 },
              { title: '行号', dataIndex: 'row', width: 70, render: (r: number) => r || '—' },
              { title: '列', dataIndex: 'column', width: 120, render: (c: string | null) => c ?? '—' },
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
            style={{ margin: '12px 0' }}
            title={changes ? '校验通过，可以导入' : '校验通过，与现有基准相比没有变化'}
          />
          <Space size={32} style={{ marginBottom: 12 }}>
            <Statistic title="新增" value={checked.created} />
            <Statistic title="修改" value={checked.updated} />
            <Statistic title="未变" value={checked.unchanged} />
            <Statistic title="行数" value={checked.rows} />
          </Space>
          <Table
            size="small"
            rowKey={(b) => `${b.violationCode}@${b.validFrom}`}
            dataSource={checked.benchmarks.filter((b) => b.action !== 'unchanged')}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            columns={[
              { title: '违法行为', dataIndex: 'violationCode' },
              { title: '生效日期', dataIndex: 'validFrom' },
              { title: '处理', dataIndex: 'action', render: (a: keyof typeof actions) => <Tag color={actions[a].color}>{actions[a].text}</Tag> },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
