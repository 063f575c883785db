/** Queries and types of the law library pages (法律法规数据库); the types come from the server's schemas. */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { TArticle, TBasisFlag, TLawSource, TSearchResult, ZArticleDiff, ZImportLawResult, ZLawSourceDetail } from '../../../../src/modules/laws/schema.ts';
import { api, qs } from '../../api/client';

export type LawSource = TLawSource;
export type LawSourceDetail = z.infer<typeof ZLawSourceDetail>;
export type LawVersion = LawSource['versions'][number];
export type Article = TArticle;
export type ArticleDiff = z.infer<typeof ZArticleDiff>;
export type SearchResult = TSearchResult;
export type SearchHit = SearchResult['hits'][number];
export type BasisFlag = TBasisFlag;
export type ImportLawResult = z.infer<typeof ZImportLawResult>;
export type DiffOp = ArticleDiff['ops'][number];
export interface LawTextProblem {
  line: number;
  code: string;
  message: string;
}

export interface SearchParams {
  q: string;
  level?: string;
  status?: string;
  issuer?: string;
  from?: string;
  to?: string;
  sourceId?: string;
  page?: number;
  pageSize?: number;
}

export const lawKeys = {
  all: ['laws'] as const,
  sources: (f: object) => ['laws', 'sources', f] as const,
  source: (id: string, version?: string) => ['laws', 'source', id, version ?? null] as const,
  article: (id: string) => ['laws', 'article', id] as const,
  diff: (a: string, b: string) => ['laws', 'diff', a, b] as const,
  search: (p: SearchParams) => ['laws', 'search', p] as const,
  flags: (f: object) => ['laws', 'flags', f] as const,
};

export const useLawSources = (f: { level?: string; status?: string; q?: string } = {}) =>
  useQuery({
    queryKey: lawKeys.sources(f),
    queryFn: () => api.get<{ items: LawSource[] }>(`/api/laws${qs({ ...f })}`).then((r) => r.items),
    staleTime: 60_000,
  });

export const useLawSource = (id: string, version?: string) =>
  useQuery({
    queryKey: lawKeys.source(id, version),
    queryFn: () => api.get<LawSourceDetail>(`/api/laws/sources/${encodeURIComponent(id)}${qs({ version })}`),
    placeholderData: (prev) => prev,
  });

export const useArticle = (id: string) =>
  useQuery({ queryKey: lawKeys.article(id), queryFn: () => api.get<Article>(`/api/laws/articles/${encodeURIComponent(id)}`) });

export const useArticleDiff = (from: string, to: string | null) =>
  useQuery({
    queryKey: lawKeys.diff(from, to ?? ''),
    queryFn: () => api.get<ArticleDiff>(`/api/laws/articles/${encodeURIComponent(from)}/diff${qs({ with: to })}`),
    enabled: !!to,
  });

export const useLawSearch = (p: SearchParams) =>
  useQuery({
    queryKey: lawKeys.search(p),
    queryFn: () => api.get<SearchResult>(`/api/laws/search${qs({ ...p })}`),
    enabled: p.q.trim().length > 0,
    placeholderData: (prev) => prev,
  });

export const useBasisFlags = (f: { status: string; page: number; pageSize: number }) =>
  useQuery({
    queryKey: lawKeys.flags(f),
    queryFn: () => api.get<{ total: number; items: BasisFlag[] }>(`/api/laws/basis-flags${qs({ ...f })}`),
    placeholderData: (prev) => prev,
  });

export const lawUrl = (sourceId: string, versionId?: string) =>
  `/laws/sources/${encodeURIComponent(sourceId)}${versionId ? `?version=${encodeURIComponent(versionId)}` : ''}`;
export const articleUrl = (articleId: string) => `/laws/articles/${encodeURIComponent(articleId)}`;
