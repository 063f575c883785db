/** Small pieces the law library pages share: status and level tags, highlighted snippets, the diff view. */
import { Tag, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { lawLevelLabels, lawStatusLabels, type LawLevel, type LawStatus } from '../../../../src/domain/lawMetadata';
import type { DiffOp } from './api';

const statusColors: Record<LawStatus, string> = { effective: 'green', amended: 'orange', repealed: 'red', notYetEffective: 'blue' };

export const StatusTag = ({ status }: { status: LawStatus }) => <Tag color={statusColors[status]}>{lawStatusLabels[status]}</Tag>;
export const LevelTag = ({ level }: { level: LawLevel }) => <Tag>{lawLevelLabels[level]}</Tag>;

/** The server's snippet: law text HTML-escaped, matches in <mark>; nothing else is rendered as markup. */
export function Snippet({ html, style }: { html: string; style?: CSSProperties }) {
  return <div className="fz-law-snippet" style={{ lineHeight: 1.8, ...style }} dangerouslySetInnerHTML={{ __html: html }} />;
}

const opStyle: Record<DiffOp['op'], CSSProperties> = {
  equal: {},
  delete: { background: '#ffe7e7', color: '#a8071a', textDecoration: 'line-through' },
  insert: { background: '#e6f7e6', color: '#135200' },
};

/** A character-level diff: deletions struck through in red, insertions in green. */
export function DiffView({ ops, testId }: { ops: DiffOp[]; testId?: string }) {
  return (
    <Typography.Paragraph data-testid={testId} style={{ whiteSpace: 'pre-wrap', lineHeight: 1.9, marginBottom: 0 }}>
      {ops.map((o, i) => (
        <span key={i} style={opStyle[o.op]} data-op={o.op}>
          {o.text}
        </span>
      ))}
    </Typography.Paragraph>
  );
}

export function DiffLegend() {
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      <span style={opStyle.delete}>删除的文字</span>　<span style={opStyle.insert}>新增的文字</span>
    </Typography.Text>
  );
}
