import { Alert, Button, Typography } from 'antd';
import type { ReactNode } from 'react';
import { shortHash } from '../lib/format';

/** Page heading with actions on the right. */
export function PageTitle({ title, extra, sub }: { title: ReactNode; extra?: ReactNode; sub?: ReactNode }) {
  return (
    <div className="fz-page-title">
      <div>
        <h1>{title}</h1>
        {sub && <Typography.Text type="secondary">{sub}</Typography.Text>}
      </div>
      {extra && <div>{extra}</div>}
    </div>
  );
}

/** A failed query, with the server's Chinese message and a retry button. */
export function QueryError({ error, retry }: { error: Error; retry?: () => void }) {
  return (
    <Alert
      type="error"
      showIcon
      title="加载失败"
      description={error.message}
      action={
        retry && (
          <Button size="small" onClick={retry}>
            重试
          </Button>
        )
      }
      style={{ marginBottom: 16 }}
    />
  );
}

/** A hash in monospace, shortened unless `full`, always copyable in full. */
export function Hash({ value, full = false, prefix }: { value: string; full?: boolean; prefix?: string }) {
  return (
    <Typography.Text className="fz-mono" copyable={{ text: value, tooltips: ['复制', '已复制'] }} title={value}>
      {prefix}
      {full ? value : shortHash(value)}
    </Typography.Text>
  );
}
