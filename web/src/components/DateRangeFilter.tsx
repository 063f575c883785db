/**
 * A list's date range (起止日期), kept in the page's address as `from` and `to` so a link and the back button keep it;
 * clearing it removes both. The lists that filter by a date use this one control.
 */
import { DatePicker } from 'antd';
import dayjs from 'dayjs';

export function DateRangeFilter({
  params,
  setParams,
  label = '日期范围',
}: {
  params: URLSearchParams;
  setParams: (next: URLSearchParams, o: { replace: boolean }) => void;
  label?: string;
}) {
  const from = params.get('from');
  const to = params.get('to');
  return (
    <DatePicker.RangePicker
      aria-label={label}
      value={from && to ? [dayjs(from), dayjs(to)] : null}
      onChange={(v) => {
        const next = new URLSearchParams(params);
        if (v?.[0] && v[1]) {
          next.set('from', v[0].format('YYYY-MM-DD'));
          next.set('to', v[1].format('YYYY-MM-DD'));
        } else {
          next.delete('from');
          next.delete('to');
        }
        next.delete('page');
        setParams(next, { replace: true });
      }}
    />
  );
}
