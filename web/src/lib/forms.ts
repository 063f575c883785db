import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';

const hasChinese = (s: string) => /[\u4e00-\u9fff]/.test(s);

/**
 * Shows a server error on a form: validation details go next to their fields (the server names
 * them as `/field`), and the Chinese message is returned for a toast.
 */
export function applyServerError(form: FormInstance | null, err: unknown): string {
  if (!(err instanceof ApiError)) return err instanceof Error ? err.message : '操作失败，请重试';
  if (form && Array.isArray(err.details)) {
    const fields = (err.details as { path?: string; message?: string }[])
      .filter((d) => d.path)
      .map((d) => ({
        name: d.path!.replace(/^\//, '').split(/[/.]/).filter(Boolean)[0],
        errors: [d.message && hasChinese(d.message) ? d.message : '不符合要求'],
      }))
      .filter((f) => !!f.name);
    if (fields.length) form.setFields(fields);
  }
  return err.message;
}
