/** 导入检查对象名录: upload (with progress), then the server's progress while it checks and writes; row-level errors when refused. */
import { InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Checkbox, Modal, Progress, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { api, ApiError, uploadRaw } from '../../api/client';
import { inspectionKeys, type ImportJob } from './api';

const phaseLabel: Record<string, string> = { read: '读取文件', check: '逐行校验', write: '写入名录库', done: '完成' };
type RowError = { row: number; column: string; message: string };

export function ImportTargetsModal({ bodyId, open, onClose }: { bodyId: string; open: boolean; onClose: () => void }) {
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [fromRegister, setFromRegister] = useState(false);
  const [upload, setUpload] = useState<number | null>(null);
  const [job, setJob] = useState<ImportJob | null>(null);
  const [error, setError] = useState<{ message: string; rows: RowError[] } | null>(null);
  const busy = upload !== null && (!job || job.status === 'running');

  const reset = () => {
    setFile(null);
    setUpload(null);
    setJob(null);
    setError(null);
  };
  const start = async () => {
    if (!file) return;
    setError(null);
    setJob(null);
    setUpload(0);
    try {
      const url = `/api/inspections/targets/import?bodyId=${encodeURIComponent(bodyId)}&fileName=${encodeURIComponent(file.name)}&background=true${fromRegister ? '&fromRegister=true' : ''}`;
      let j = await uploadRaw<ImportJob>(url, file, (p) => setUpload(p)).promise;
      setUpload(100);
      setJob(j);
      while (j.status === 'running') {
        await new Promise((r) => setTimeout(r, 400));
        j = await api.get<ImportJob>(`/api/inspections/targets/import/${j.id}`);
        setJob(j);
      }
      if (j.status === 'failed') {
        const rows = (j.error?.details as { errors?: RowError[] } | undefined)?.errors ?? [];
        setError({ message: j.error?.message ?? '导入失败', rows });
      } else qc.invalidateQueries({ queryKey: inspectionKeys.all });
    } catch (e) {
      setUpload(null);
      setError({ message: e instanceof ApiError ? e.message : String(e), rows: [] });
    }
  };
  const pct = job ? (job.phase === 'done' ? 100 : job.total ? Math.floor((job.done / job.total) * 100) : 0) : 0;

  return (
    <Modal
      title="导入检查对象名录"
      open={open}
      width={720}
      okText={job?.status === 'done' ? '完成' : '开始导入'}
      cancelText="关闭"
      okButtonProps={{ disabled: !file || busy, loading: busy }}
      onOk={() => (job?.status === 'done' ? (reset(), onClose()) : start())}
      onCancel={() => {
        if (!busy) {
          reset();
          onClose();
        }
      }}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary">
          支持 .xlsx 和 UTF-8 编码的 .csv（<a href="/api/inspections/targets/template.xlsx">下载模板</a>
          ）。按统一社会信用代码合并：已有的更新，新的增加。任何一行有错误时整个文件都不会导入，并逐行列出错误。
        </Typography.Paragraph>
        <Upload.Dragger
          accept=".xlsx,.csv"
          maxCount={1}
          beforeUpload={(f) => {
            setFile(f);
            setJob(null);
            setError(null);
            setUpload(null);
            return false;
          }}
          showUploadList={!!file}
          onRemove={() => setFile(null)}
          disabled={busy}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p>点击或拖入名录文件</p>
        </Upload.Dragger>
        <Checkbox checked={fromRegister} onChange={(e) => setFromRegister(e.target.checked)} disabled={busy}>
          来自登记机关名录（校验位错误的代码标记为“待核实”，不拒绝）
        </Checkbox>
        {upload !== null && (
          <div>
            <Typography.Text>上传文件</Typography.Text>
            <Progress percent={upload} size="small" />
          </div>
        )}
        {job && (
          <div data-testid="import-progress">
            <Typography.Text>
              {phaseLabel[job.phase] ?? job.phase}
              {job.total ? `：${job.done.toLocaleString()} / ${job.total.toLocaleString()}` : job.done ? `：${job.done.toLocaleString()} 行` : ''}
            </Typography.Text>
            <Progress percent={pct} status={job.status === 'failed' ? 'exception' : job.status === 'done' ? 'success' : 'active'} />
          </div>
        )}
        {job?.result && (
          <Alert
            type="success"
            showIcon
            title={`已导入 ${job.result.rows} 行：新增 ${job.result.added}，更新 ${job.result.updated}，未变 ${job.result.unchanged}${job.result.flagged ? `，待核实代码 ${job.result.flagged}` : ''}`}
          />
        )}
        {error && (
          <>
            <Alert type="error" showIcon title="未导入" description={error.message} />
            {error.rows.length > 0 && (
              <Table<RowError>
                size="small"
                rowKey={(r) => `${r.row}-${r.column}-${r.message}`}
                dataSource={error.rows}
                pagination={{ pageSize: 8 }}
                columns={[
                  { title: '行', dataIndex: 'row', width: 60 },
                  { title: '列', dataIndex: 'column', width: 140 },
                  { title: '错误', dataIndex: 'message' },
                ]}
              />
            )}
          </>
        )}
      </Space>
    </Modal>
  );
}
