/**
 * Background target-pool imports, so the browser can show a progress bar for a 200 000-row file.
 * Jobs live in memory (a restart forgets them; the import itself is one transaction, so a lost job
 * either committed completely or not at all). Only the user who started a job can read it.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../platform/errors.ts';
import type { ImportProgress, ImportTargetsResult } from './commands/import-targets.ts';

export interface ImportJob {
  id: string;
  userId: string;
  status: 'running' | 'done' | 'failed';
  phase: ImportProgress['phase'];
  done: number;
  total: number;
  result: ImportTargetsResult | null;
  error: { code: string; message: string; details?: unknown } | null;
  finishedAt: number | null;
}

const jobs = new Map<string, ImportJob>();
const KEEP_MS = 60 * 60 * 1000;

export function startJob(userId: string, run: (progress: (p: ImportProgress) => void) => Promise<ImportTargetsResult>): ImportJob {
  for (const [id, j] of jobs) if (j.finishedAt && Date.now() - j.finishedAt > KEEP_MS) jobs.delete(id);
  const job: ImportJob = { id: randomUUID(), userId, status: 'running', phase: 'read', done: 0, total: 0, result: null, error: null, finishedAt: null };
  jobs.set(job.id, job);
  run((p) => Object.assign(job, p))
    .then((r) => Object.assign(job, { status: 'done', phase: 'done', result: r, finishedAt: Date.now() }))
    .catch((e: unknown) => {
      const err =
        e instanceof AppError
          ? { code: e.code, message: e.messageZh, details: e.details }
          : { code: 'INTERNAL_ERROR', message: '导入失败（服务器内部错误），未导入任何内容' };
      Object.assign(job, { status: 'failed', error: err, finishedAt: Date.now() });
    });
  return job;
}

export function getJob(userId: string, id: string): ImportJob | null {
  const j = jobs.get(id);
  return j && j.userId === userId ? j : null;
}

export const presentJob = ({ userId: _u, finishedAt: _f, ...j }: ImportJob) => j;
