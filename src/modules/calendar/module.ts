/** 工作日历 and 法定期限 (the module's entry). The calendar itself is reference data of the whole platform. */
import { defineModule } from '../../platform/modules.ts';
import { deadlineLegalRules } from './legalRules.ts';
import { registerCalendarRoutes } from './routes.ts';

export const calendarModule = defineModule({
  name: 'calendar',
  label: '工作日历与法定期限',
  routes: registerCalendarRoutes,
  rules: deadlineLegalRules,
  // a year's calendar is readable by everyone signed in
  matterResolvers: {
    calendar: async (_q, p, id) => (/^\d{4}$/.test(id) ? { orgId: p.orgId, title: `${id} 年工作日历`, viewRecord: true, uploadEvidence: false } : null),
  },
});
