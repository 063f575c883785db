import { PageTitle } from '../../components/common';
import { DeadlineCalculator } from './DeadlineCalculator';
import { YearCalendar } from './YearCalendar';

/** 工作日与期限: the deadline calculator and the working-day calendar it uses. */
export default function DeadlinesPage() {
  return (
    <div>
      <PageTitle
        title="工作日与法定期限"
        sub="期限以法律规定计算：《行政处罚法》第八十五条所称“二日”“三日”“五日”“七日”为工作日，不含法定节假日；以日、月、年计算的期间届满日为休息日是否顺延，由每条规则载明（当事人的期间顺延；追责时效、公示期届满即止，不顺延）。尚无国务院办公厅放假安排的年份，暂按《全国年节及纪念日放假办法》第二条的法定节假日和第六条的补假计算。"
      />
      <DeadlineCalculator />
      <YearCalendar />
    </div>
  );
}
