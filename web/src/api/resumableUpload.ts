/**
 * 断点续传: an evidence file over the tus 1.0 protocol (`/api/uploads`, tus-js-client). The file goes in chunks;
 * a lost connection is retried from the offset the server reports (HEAD), and the upload's address is kept in
 * localStorage under the file's fingerprint (matter, name, type, size, date), so choosing the same file again
 * after a reload continues where it stopped. On completion the server registers the evidence in the record and
 * answers its id (`Fazhi-Evidence-Id`).
 */
import { type DetailedError, Upload } from 'tus-js-client';
import { ApiError, currentCsrfToken, errorFrom } from './client';

export interface ResumableMeta {
  matterType: string;
  matterId: string;
  description?: string;
}

export interface ResumableHandle {
  /** resolves with the new evidence file's id */
  promise: Promise<string | null>;
  /** pauses: the bytes received stay on the server, the same file continues later */
  abort: () => void;
}

/** 4 MiB per request: a phone on a weak connection loses at most one chunk. */
export const UPLOAD_CHUNK_BYTES = 4 * 1024 * 1024;

const RETRY_DELAYS = [0, 1000, 2000, 4000, 8000, 15000, 30000, 30000, 60000, 60000];

function errorOf(e: Error | DetailedError): ApiError {
  const res = (e as DetailedError).originalResponse;
  if (!res) return new ApiError(0, 'NETWORK_ERROR', '网络中断，上传已暂停：重新选择同一文件即可从中断处继续');
  let body: unknown = null;
  try {
    body = JSON.parse(res.getBody());
  } catch {
    body = null;
  }
  return errorFrom(res.getStatus(), body);
}

export function uploadResumable(
  file: File,
  meta: ResumableMeta,
  onProgress: (percent: number, sent: number, total: number) => void,
  /** the same file was partly uploaded before (a reload, a dropped connection): it continues from there */
  onResumed?: () => void,
): ResumableHandle {
  let upload: Upload | null = null;
  const promise = new Promise<string | null>((resolve, reject) => {
    upload = new Upload(file, {
      endpoint: '/api/uploads',
      chunkSize: UPLOAD_CHUNK_BYTES,
      retryDelays: RETRY_DELAYS,
      storeFingerprintForResuming: true,
      removeFingerprintOnSuccess: true,
      metadata: {
        matterType: meta.matterType,
        matterId: meta.matterId,
        fileName: file.name,
        contentType: file.type || 'application/octet-stream',
        ...(meta.description ? { description: meta.description } : {}),
      },
      fingerprint: async (f) => ['fazhi-upload', meta.matterType, meta.matterId, f.name, f.type, f.size, f.lastModified].join('|'),
      onBeforeRequest: (req) => {
        const token = currentCsrfToken();
        if (token) req.setHeader('X-CSRF-Token', token);
      },
      // a lost connection or a server error is retried (HEAD, then PATCH from the offset); a refusal is final
      onShouldRetry: (err) => {
        const status = err.originalResponse?.getStatus() ?? 0;
        return status === 0 || status >= 500 || status === 409 || status === 423;
      },
      onProgress: (sent, total) => onProgress(total ? Math.floor((sent / total) * 100) : 0, sent, total),
      onSuccess: ({ lastResponse }) => resolve(lastResponse.getHeader('Fazhi-Evidence-Id') ?? null),
      onError: (e) => reject(errorOf(e)),
    });
    const u = upload;
    u.findPreviousUploads()
      .then((previous) => {
        const last = previous[0];
        if (last) {
          u.resumeFromPreviousUpload(last);
          onResumed?.();
        }
        u.start();
      })
      .catch(() => u.start());
  });
  return {
    promise,
    abort: () => void (upload as Upload | null)?.abort(),
  };
}
