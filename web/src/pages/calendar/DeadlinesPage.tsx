import { PageTitle } from '../../components/common';
import { DeadlineCalculator } from './DeadlineCalculator';
import { YearCalendar } from './YearCalendar';

/** 工作日与期限: the deadline calculator and the working-day calendar it uses. */
export default function DeadlinesPage() {
  return (
    <div>
      <PageTitle
        title="工作日与法定期限"
        sub="期限以法律规定计算：《行政处罚法》第八十五条所称“二日”“三日”“五日”“七日”为工作日；期间届满日为法定节假日的，顺延至其后的第一个工作日。"
      />
      <DeadlineCalculator />
      <YearCalendar />
    </div>
  );
}
