/** Response schemas of the 待办 and the guidance of a matter (they generate the OpenAPI document). */
import { z } from 'zod';
import { ZDeadlineInScope } from '../../platform/schema.ts';

const str = z.string();

export const ZTodoItem = z.object({
  matterId: str,
  type: str,
  typeLabel: str,
  /** the console page of the matter (null: a type without one) */
  href: str.nullable(),
  title: str,
  stateLabel: str,
  /** the nearest open deadline */
  due: str.nullable(),
  overdue: z.boolean(),
  steps: z.array(
    z.object({
      transition: str,
      label: str,
      roles: z.array(str),
      required: z.boolean(),
      mine: z.boolean(),
      due: str.nullable(),
      /** why the caller cannot take it today */
      blocked: z.array(str),
    }),
  ),
});
export type TodoItem = z.infer<typeof ZTodoItem>;

export const ZTodoList = z.object({
  actNow: z.array(ZTodoItem),
  waiting: z.array(ZTodoItem),
  others: z.array(ZTodoItem),
  deadlines: z.array(ZDeadlineInScope.extend({ href: str.nullable() })),

  count: z.number().int(),
  /** more matters than the list looks at */
  truncated: z.boolean(),
});
export type TodoList = z.infer<typeof ZTodoList>;

export const ZTodoCount = z.object({ count: z.number().int(), overdue: z.number().int() });

export const ZMatterGuidance = z.object({
  matterId: str,
  type: str,
  state: str,
  stateLabel: str,
  final: z.boolean(),
  summary: str,
  steps: z.array(
    z.object({
      transition: str,
      label: str,
      toLabel: str,
      roles: z.array(z.object({ role: str, label: str })),
      actors: z.array(z.object({ userId: str, name: str, orgName: str })),
      due: z.object({ ruleId: str, label: str, due: str, overdue: z.boolean() }).nullable(),
      required: z.boolean(),
      mine: z.boolean(),
      blocked: z.array(z.object({ code: str, message: str })),
      checked: z.boolean(),
    }),
  ),
});

export const ZReminders = z.object({
  items: z.array(
    z.object({
      id: str,
      matterId: str,
      matterType: str,
      href: str.nullable(),
      stage: z.enum(['warning', 'overdue']),
      title: str,
      message: str,
      /** app (平台待办), email, sms */
      channels: z.array(str),
      createdAt: str,
    }),
  ),
});
