/**
 * A small typed client for the Fazhi API: same-origin fetch with the session cookie, the CSRF
 * header on every unsafe request, and errors thrown as ApiError carrying the server's code and
 * Chinese message.
 */

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details?: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

let csrfToken: string | null = null;

/** Called whenever the server hands out a token (login, /api/auth/me). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The token the CSRF header carries (the resumable uploader sets it on each of its requests). */
export const currentCsrfToken = (): string | null => csrfToken;

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
type QueryValue = string | number | boolean | null | undefined;

/** Builds `?a=1&b=2`, leaving out empty values. */
export function qs(params: Record<string, QueryValue>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : '';
}

export function errorFrom(status: number, body: unknown): ApiError {
  const e = (body as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
  if (e?.message) return new ApiError(status, e.code ?? `HTTP_${status}`, e.message, e.details);
  if (status === 413) return new ApiError(status, 'PAYLOAD_TOO_LARGE', '文件或请求体过大');
  if (status >= 500) return new ApiError(status, 'SERVER_ERROR', `服务器暂时无法处理请求（HTTP ${status}），请稍后重试`);
  return new ApiError(status, `HTTP_${status}`, `请求失败（HTTP ${status}）`);
}

async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', '无法连接服务器，请检查网络后重试');
  }
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!res.ok) throw errorFrom(res.status, data);
  return data as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body),
};

export interface UploadHandle<T> {
  promise: Promise<T>;
  abort: () => void;
}

/**
 * Sends a file's raw bytes (application/octet-stream) with XMLHttpRequest, which, unlike fetch,
 * reports upload progress — evidence can be hours of body-camera video.
 */
export function uploadRaw<T>(url: string, file: Blob, onProgress?: (percent: number, loaded: number, total: number) => void): UploadHandle<T> {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<T>((resolve, reject) => {
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('Accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && onProgress) onProgress(Math.floor((e.loaded / e.total) * 100), e.loaded, e.total);
    };
    xhr.onload = () => {
      let data: unknown = null;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        data = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as T);
      else reject(errorFrom(xhr.status, data));
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK_ERROR', '上传中断：无法连接服务器'));
    xhr.onabort = () => reject(new ApiError(0, 'ABORTED', '已取消上传'));
    xhr.send(file);
  });
  return { promise, abort: () => xhr.abort() };
}
