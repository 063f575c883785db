/** 待办与办理指引 (the module's entry): one to-do list across every matter type, the next step of each matter, deadline reminders. */
import { defineModule } from '../../platform/modules.ts';
import { sendDeadlineReminders } from './reminders.ts';
import { registerTodoRoutes } from './routes.ts';

export const todoModule = defineModule({
  name: 'todo',
  label: '待办',
  routes: registerTodoRoutes,
  // 期限提醒: deadlines entering their warning period or overdue, to whoever takes the step that meets them
  jobs: [
    {
      name: 'todo.deadlineReminders',
      everyMs: (ctx) => ctx.config.reminderIntervalMs,
      run: async (ctx) => void (await sendDeadlineReminders(ctx, { log: console.warn })),
    },
  ],
});
