import { Typography } from 'antd';
import { Link } from 'react-router';
import type { RecordEntry } from '../../api/types';

type Display = RecordEntry['display'];
type Value = Display['rows'][number]['values'][number];

/** The console's page of each kind of reference the record links (a matter's kind is its type). */
const pages: Record<string, (id: string) => string> = {
  case: (id) => `/cases/${id}`,
  publication: (id) => `/publicity/${id}`,
  inspectionTask: (id) => `/inspections/tasks/${id}`,
  officer: (id) => `/officers/${id}`,
  violation: (id) => `/discretion/violations/${id}`,
  powerItem: (id) => `/powers/${id}`,
  article: (id) => `/laws/articles/${encodeURIComponent(id)}`,
};

function ValueText({ v }: { v: Value }) {
  const page = v.link && pages[v.link.kind];
  return page && v.link ? <Link to={page(v.link.id)}>{v.text}</Link> : v.text;
}

/** A record entry's payload in words, as the server presents it (platform/record/present.ts): labelled rows, sub-fields indented. */
export function PayloadView({ display }: { display: Display }) {
  if (!display.rows.length) return <Typography.Text type="secondary">（无内容）</Typography.Text>;
  return (
    <table className="fz-record-fields" style={{ borderCollapse: 'collapse', width: '100%', fontSize: 13 }}>
      <tbody>
        {display.rows.map((r, i) => (
          <tr key={i} style={{ borderTop: r.depth === 0 ? '1px solid #f0f0f0' : undefined, verticalAlign: 'top' }}>
            <th
              style={{
                fontWeight: r.values.length ? 400 : 600,
                color: '#666',
                textAlign: 'left',
                whiteSpace: 'nowrap',
                padding: `2px 12px 2px ${8 + r.depth * 16}px`,
                width: 1,
              }}
            >
              {r.label}
            </th>
            <td style={{ padding: '2px 8px', whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
              {r.values.map((v, j) => (
                <span key={j}>
                  {j > 0 && '、'}
                  <ValueText v={v} />
                </span>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
