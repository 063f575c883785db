import { Tag, Tooltip } from 'antd';

/**
 * 暂按法定节假日计算: the deadline's period touches a year whose official holiday schedule (国务院办公厅 通知) is not
 * entered yet; it was computed on the holidays of 《全国年节及纪念日放假办法》第二条 and the 补假 of 第六条, without
 * 调休, and is recomputed when an administrator enters the schedule.
 */
export function ProvisionalTag({ provisional }: { provisional: boolean }) {
  if (!provisional) return null;
  return (
    <Tooltip title="所涉年份尚无国务院办公厅的放假安排：暂按《全国年节及纪念日放假办法》第二条的法定节假日及第六条的补假计算（不含调休），录入放假安排后自动重新计算">
      <Tag color="gold" data-testid="deadline-provisional">
        暂按法定节假日计算
      </Tag>
    </Tooltip>
  );
}
