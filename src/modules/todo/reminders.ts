/**
 * 期限提醒: when an open deadline enters its warning period (the rule's `warnDays` before it is due) and again when it is
 * overdue, the users who take the step that meets it (guidance's actors: the assigned 办案人员, else the holders of its
 * roles who may act) are reminded — once per stage — in the console's 待办, by email and by SMS where configured. Each
 * reminder is a record entry on its matter (`matter.deadlineReminded`, recipients and channels) in the transaction
 * that writes the reminder rows; email and SMS go out after the commit.
 */
import { randomUUID } from 'node:crypto';
import { chinaToday } from '../../domain/dates.ts';
import type { Role } from '../../domain/vocabulary.ts';
import { inTransaction, type AppContext } from '../../platform/context.ts';
import { createNotifier, type Notifier, type Recipient } from '../../platform/notify.ts';
import { SYSTEM_ACTOR } from '../../platform/record/ledger.ts';
import type { MatterRow } from '../../platform/workflow/engine.ts';
import { actorsFor } from '../../platform/workflow/guidance.ts';

/** How many deadlines one run reminds of (the next run takes the rest). */
export const REMINDERS_PER_RUN = 500;

interface Due extends MatterRow {
  deadlineId: string;
  ruleId: string;
  label: string;
  due: string;
  stage: 'warning' | 'overdue';
}

/** The roles of the steps that meet the deadline from the matter's state (none: the matter's officers). */
function rolesMeeting(ctx: AppContext, m: Due): Role[] {
  const def = ctx.registry.workflowOf(m.type, m.workflowVersion);
  const roles = new Set<Role>();
  for (const t of Object.values(def?.transitions ?? {})) if (t.from.includes(m.state) && t.meets?.includes(m.ruleId)) for (const r of t.roles) roles.add(r);
  return roles.size ? [...roles] : ['officer'];
}

export const reminderText = (m: Pick<Due, 'title' | 'label' | 'due' | 'stage'>) => ({
  subject: `${m.stage === 'overdue' ? '已逾期' : '即将到期'}：${m.label}`,
  text: `${m.title}：${m.label}${m.stage === 'overdue' ? `已于 ${m.due} 届满，已逾期` : `将于 ${m.due} 届满`}，请及时办理。`,
});

/** One run of the reminder job; answers what it did. `notifier` for tests (default: from the configuration). */
export async function sendDeadlineReminders(
  ctx: AppContext,
  opts: { today?: string; notifier?: Notifier; log?: (msg: string) => void } = {},
): Promise<{ deadlines: number; reminders: number; failed: number }> {
  const today = opts.today ?? chinaToday();
  const notifier = opts.notifier ?? createNotifier(ctx.config);
  const rows = (
    await ctx.db.query<Due>(
      `select m.id, m.type, m.workflow_version as "workflowVersion", m.state, m.version, m.org_id as "orgId", m.title,
              d.id as "deadlineId", d.rule_id as "ruleId", d.label, d.due_date as due,
              case when d.due_date < $1 then 'overdue' else 'warning' end as stage
         from matter_deadlines d join matters m on m.id = d.matter_id
        where d.status = 'open' and m.closed_at is null and d.warn_from <= $1
          and not exists (select 1 from deadline_reminders r where r.deadline_id = d.id
                           and r.stage = case when d.due_date < $1 then 'overdue' else 'warning' end)
        order by d.due_date limit ${REMINDERS_PER_RUN}`,
      [today],
    )
  ).rows;
  let reminders = 0;
  let failed = 0;
  // deadlines someone was reminded of; one whose step nobody can take now is looked at again next run
  let reminded = 0;
  try {
    for (const m of rows) {
      const assigned = (await ctx.registry.assigneesOf(m.type)?.(ctx.db, m)) ?? {};
      const actors = await actorsFor(ctx.registry, ctx.db, m, rolesMeeting(ctx, m), assigned);
      if (!actors.length) continue;
      const contacts = (
        await ctx.db.query<Recipient & { id: string }>('select id, display_name as name, email, mobile from users where id = any($1)', [
          actors.map((a) => a.userId),
        ])
      ).rows;
      const text = reminderText(m);
      const written = await inTransaction(ctx, async (tx) => {
        const done: (Recipient & { id: string })[] = [];
        for (const r of contacts) {
          const ins = await tx.query(
            `insert into deadline_reminders (id, deadline_id, matter_id, matter_type, stage, user_id, channels, title, message)
             values ($1,$2,$3,$4,$5,$6,$7,$8,$9) on conflict do nothing`,
            [randomUUID(), m.deadlineId, m.id, m.type, m.stage, r.id, notifier.channelsFor(r), text.subject, text.text],
          );
          if (ins.rowCount) done.push(r);
        }
        if (done.length)
          await ctx.ledger.append(tx, {
            actor: SYSTEM_ACTOR,
            orgId: m.orgId,
            matterType: m.type,
            matterId: m.id,
            eventType: 'matter.deadlineReminded',
            payload: {
              matterId: m.id,
              deadlineId: m.deadlineId,
              ruleId: m.ruleId,
              due: m.due,
              stage: m.stage,
              recipients: done.map((r) => ({ userId: r.id, name: r.name })),
              reminderChannels: [...new Set(done.flatMap((r) => notifier.channelsFor(r)))],
            },
          });
        return done;
      });
      reminders += written.length;
      if (written.length) reminded++;
      for (const r of written) {
        const f = await notifier.deliver(r, text);
        for (const [channel, reason] of Object.entries(f)) {
          failed++;
          opts.log?.(`期限提醒未能通过${channel === 'email' ? '电子邮件' : '短信'}送达 ${r.name}：${reason}`);
        }
      }
    }
  } finally {
    if (!opts.notifier) notifier.close();
  }
  return { deadlines: reminded, reminders, failed };
}

/** The caller's reminders of the last 30 days, newest first. */
export async function remindersOf(ctx: AppContext, userId: string) {
  return (
    await ctx.db.query<{
      id: string;
      matterId: string;
      matterType: string;
      stage: string;
      title: string;
      message: string;
      channels: string[];
      createdAt: string;
    }>(
      `select id, matter_id as "matterId", matter_type as "matterType", stage, title, message, channels, created_at as "createdAt"
         from deadline_reminders where user_id = $1 and created_at > now() - interval '30 days' order by created_at desc limit 200`,
      [userId],
    )
  ).rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt).toISOString() }));
}
