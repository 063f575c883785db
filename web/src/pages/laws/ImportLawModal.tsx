/**
 * 导入法律法规: a Markdown file in the library's format. A file with problems is not imported and
 * every problem is listed with its line; the same text again changes nothing.
 */
import { InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Modal, Select, Space, Table, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { lawLevelLabels, lawLevels } from '../../../../src/domain/lawMetadata';
import { api, ApiError } from '../../api/client';
import { lawKeys, lawUrl, type ImportLawResult, type LawTextProblem } from './api';

const MAX_BYTES = 4 * 1024 * 1024;

export function ImportLawModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [level, setLevel] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<LawTextProblem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<ImportLawResult | null>(null);

  useEffect(() => {
    if (!open) return;
    setFile(null);
    setLevel(undefined);
    setProblems(null);
    setError(null);
    setDone(null);
  }, [open]);

  const submit = async () => {
    if (!file) return;
    setBusy(true);
    setProblems(null);
    setError(null);
    try {
      const r = await api.post<ImportLawResult>('/api/laws/import', { fileName: file.name, text: await file.text(), ...(level ? { level } : {}) });
      setDone(r);
      if (r.created) {
        message.success(`已导入《${r.title}》${r.versionDate} 版，共 ${r.articleCount} 条`);
        await queryClient.invalidateQueries({ queryKey: lawKeys.all });
      } else message.info('该版本已导入且内容相同，未作改动');
    } catch (e) {
      if (e instanceof ApiError && e.code === 'LAW_TEXT_INVALID') setProblems((e.details as { problems: LawTextProblem[] }).problems);
      else setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title="导入法律法规"
      open={open}
      onCancel={onClose}
      width={720}
      destroyOnHidden
      okText={done ? '完成' : '导入'}
      onOk={done ? onClose : submit}
      okButtonProps={{ disabled: !file && !done, loading: busy }}
      cancelButtonProps={{ style: done ? { display: 'none' } : undefined }}
    >
      {!done && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            文件为 Markdown：第一行“# 名称”，其后是“2021年1月22日 …通过/修订/公布/施行”等历史行、“&lt;!-- INFO END --&gt;”，再是“## 第一章 …”标题和“第一条
            …”条文。 文件名宜为“名称(YYYY-MM-DD).md”，日期即版本日期。
          </Typography.Paragraph>
          <Upload.Dragger
            accept=".md,.markdown,.txt"
            multiple={false}
            maxCount={1}
            showUploadList={!!file}
            beforeUpload={(f) => {
              if (f.size > MAX_BYTES) message.error('文件超过 4 MB');
              else setFile(f);
              setProblems(null);
              setError(null);
              return false;
            }}
            onRemove={() => setFile(null)}
            fileList={file ? [{ uid: 'law', name: file.name, status: 'done' }] : []}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">点击或拖入法律法规文本文件</p>
          </Upload.Dragger>
          <Space>
            <span>效力级别：</span>
            <Select
              allowClear
              placeholder="按制定机关自动判断"
              style={{ width: 220 }}
              value={level}
              onChange={setLevel}
              options={lawLevels.map((l) => ({ value: l, label: lawLevelLabels[l] }))}
            />
          </Space>
        </Space>
      )}
      {error && <Alert type="error" showIcon title="未导入" description={error} style={{ marginTop: 12 }} />}
      {problems && (
        <div style={{ marginTop: 12 }} data-testid="law-import-problems">
          <Alert type="error" showIcon title={`文本有 ${problems.length} 处问题，未导入任何内容；请修改后重新导入`} style={{ marginBottom: 8 }} />
          <Table
            rowKey={(p) => `${p.line}-${p.code}`}
            size="small"
            pagination={false}
            dataSource={problems}
            scroll={{ y: 300 }}
            columns={[
              { title: '行号', dataIndex: 'line', width: 80 },
              { title: '问题', dataIndex: 'message' },
            ]}
          />
        </div>
      )}
      {done && (
        <Alert
          type={done.created ? 'success' : 'info'}
          showIcon
          title={
            done.created
              ? `已导入《${done.title}》${done.versionDate} 版（${done.articleCount} 条）`
              : `《${done.title}》${done.versionDate} 版已导入且内容相同，未作改动`
          }
          description={
            <div>
              {done.amendedVersionIds.length > 0 && <div>旧版本已标记为“已修改”：{done.amendedVersionIds.join('、')}</div>}
              {done.flagsRaised > 0 && (
                <div>
                  引用了被修改条文的事项生成依据变更提示 {done.flagsRaised} 条，请到{' '}
                  <Link to="/laws/basis-flags" onClick={onClose}>
                    依据变更
                  </Link>{' '}
                  处理
                </div>
              )}
              {done.warnings.map((w) => (
                <div key={`${w.line}-${w.code}`}>
                  提示（第 {w.line} 行）：{w.message}
                </div>
              ))}
              <Link to={lawUrl(done.sourceId, done.versionId)} onClick={onClose}>
                查看全文
              </Link>
            </div>
          }
        />
      )}
    </Modal>
  );
}
