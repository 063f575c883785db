/** 设定依据: one reference per line (《法名》第X条 or an article id), resolved against the law library as one types. */
import { Alert, Button, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { resolveBasis, type ResolvedRef } from './api';
import { ArticleLink } from './parts';

/** Resolves every line; returns the article ids, or the problems found. */
export async function resolveBasisText(text: string): Promise<{ ids: string[]; errors: string[]; refs: ResolvedRef[] }> {
  if (!text.trim()) return { ids: [], errors: ['设定依据不能为空'], refs: [] };
  const refs = await resolveBasis(text);
  const errors = refs.flatMap((r) => (r.error ? [r.error] : []));
  return { ids: [...new Set(refs.flatMap((r) => r.articles.map((a) => a.articleId)))], errors, refs };
}

export function BasisInput({ value, onChange, id }: { value?: string; onChange?: (v: string) => void; id?: string }) {
  const [refs, setRefs] = useState<ResolvedRef[] | null>(null);
  const [busy, setBusy] = useState(false);
  const check = async () => {
    setBusy(true);
    try {
      setRefs((await resolveBasisText(value ?? '')).refs);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Input.TextArea
        id={id}
        rows={3}
        value={value}
        onChange={(e) => {
          onChange?.(e.target.value);
          setRefs(null);
        }}
        placeholder={'每行一条，如：\n《中华人民共和国食品安全法》第三十四条、第一百二十四条\n食品安全法@2021-04-29#第一百二十六条'}
      />
      <Space>
        <Button size="small" onClick={check} loading={busy} disabled={!value?.trim()}>
          解析条文
        </Button>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          “《法名》第X条”按法律法规数据库中的现行版本解析
        </Typography.Text>
      </Space>
      {refs && (
        <div data-testid="basis-preview">
          {refs.map((r) =>
            r.error ? (
              <Alert key={r.raw} type="error" showIcon title={r.error} style={{ marginBottom: 4 }} />
            ) : (
              <div key={r.raw}>
                {r.articles.map((a) => (
                  <div key={a.articleId}>
                    <ArticleLink a={a} showVersion />
                  </div>
                ))}
              </div>
            ),
          )}
        </div>
      )}
    </Space>
  );
}
