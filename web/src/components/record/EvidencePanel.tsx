import { CameraOutlined, DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Input, Table, Typography, Upload, type UploadFile, type UploadProps } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { keys } from '../../api/queries';
import { uploadResumable } from '../../api/resumableUpload';
import type { Evidence } from '../../api/types';
import { chinaTime, formatBytes } from '../../lib/format';
import { Hash } from '../common';

interface Props {
  matterType: string;
  matterId: string;
  evidence: Evidence[];
  canUpload: boolean;
}

/**
 * Evidence files of a matter: a resumable upload (断点续传, tus) with progress — a dropped connection is retried
 * from where the server stopped, and choosing the same file again after a reload continues it — from the file
 * picker or, on a phone, straight from the camera; the server hashes the bytes and records the hash. The list
 * shows hash and download (the server re-checks the hash first).
 */
export function EvidencePanel({ matterType, matterId, evidence, canUpload }: Props) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [description, setDescription] = useState('');
  // uploads in progress or failed; finished files move to the table below
  const [fileList, setFileList] = useState<UploadFile[]>([]);

  const customRequest: UploadProps['customRequest'] = ({ file, onProgress, onSuccess, onError }) => {
    const f = file as File;
    const { promise, abort } = uploadResumable(
      f,
      { matterType, matterId, description: description.trim() || undefined },
      (percent) => onProgress?.({ percent }),
      () => message.info(`“${f.name}”此前已上传一部分，从中断处继续上传`),
    );
    promise
      .then(() => {
        onSuccess?.({});
        message.success(`“${f.name}”已上传并记入全过程记录`);
        setDescription('');
        queryClient.invalidateQueries({ queryKey: keys.matter(matterType, matterId) });
      })
      .catch((e: unknown) => {
        const err = e instanceof Error ? e : new Error(String(e));
        if (!(e instanceof ApiError && e.code === 'ABORTED')) message.error(`“${f.name}”上传失败：${err.message}`);
        onError?.(err);
      });
    return { abort };
  };

  return (
    <div>
      {canUpload && (
        <div style={{ marginBottom: 16 }}>
          <Input
            placeholder="证据说明（可选），如：现场检查执法记录仪视频"
            value={description}
            maxLength={500}
            onChange={(e) => setDescription(e.target.value)}
            style={{ marginBottom: 8 }}
          />
          <Upload.Dragger
            name="file"
            multiple
            customRequest={customRequest}
            fileList={fileList}
            onChange={({ fileList: next }) => setFileList(next.filter((f) => f.status !== 'done'))}
            showUploadList={{ showRemoveIcon: true }}
            data-testid="evidence-upload"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">点击或拖拽文件到此处上传证据</p>
            <p className="ant-upload-hint">
              支持执法记录仪视频、照片、文书扫描件等；断点续传，网络中断后自动从中断处继续；文件哈希值将记入全过程记录，防止篡改。
            </p>
          </Upload.Dragger>
          {/* on a phone the camera opens directly; the same resumable upload */}
          <Upload
            accept="image/*,video/*"
            capture="environment"
            multiple={false}
            showUploadList={false}
            customRequest={customRequest}
            onChange={({ file: f }) =>
              setFileList((list) => {
                const rest = list.filter((x) => x.uid !== f.uid);
                return f.status === 'done' ? rest : [...rest, f];
              })
            }
          >
            <Button icon={<CameraOutlined />} block style={{ marginTop: 8 }} data-testid="evidence-camera">
              拍照或录像上传
            </Button>
          </Upload>
        </div>
      )}
      <Table<Evidence>
        rowKey="id"
        size="small"
        dataSource={evidence}
        pagination={false}
        locale={{ emptyText: '暂无证据文件' }}
        scroll={{ x: 800 }}
        columns={[
          {
            title: '文件名',
            dataIndex: 'fileName',
            render: (v: string, e) => (
              <div>
                <div>{v}</div>
                {e.description && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {e.description}
                  </Typography.Text>
                )}
              </div>
            ),
          },
          { title: '大小', dataIndex: 'sizeBytes', width: 100, render: (v: number) => formatBytes(v) },
          { title: '内容哈希', dataIndex: 'contentHash', render: (v: string, e) => <Hash value={v} prefix={`${e.hashAlg.toUpperCase()}:`} /> },
          { title: '上传时间', dataIndex: 'uploadedAt', width: 170, render: (v: string) => chinaTime(v) },
          {
            title: '操作',
            key: 'op',
            width: 90,
            render: (_, e) => (
              <a href={`/api/record/evidence/${encodeURIComponent(e.id)}/content`} download={e.fileName}>
                <DownloadOutlined /> 下载
              </a>
            ),
          },
        ]}
      />
    </div>
  );
}
