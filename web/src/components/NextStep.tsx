/**
 * 下一步 (issue 14): the banner every matter page shows — who acts next and until when — and the state of each
 * transition button, both from the server's guidance (`GET /api/todo/matters/:id`, a dry run of the guards on
 * today's facts). A button that can only fail is disabled and says why.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { z } from 'zod';
import type { ZMatterGuidance } from '../../../src/modules/todo/responses';
import { api } from '../api/client';

export type MatterGuidance = z.infer<typeof ZMatterGuidance>;
export type GuidanceStep = MatterGuidance['steps'][number];

/** The guidance of a matter at its version (a new version, after an act, is a new query). */
export const useGuidance = (matterId: string, version: number | undefined) =>
  useQuery({
    queryKey: ['todo', 'matter', matterId, version],
    queryFn: () => api.get<MatterGuidance>(`/api/todo/matters/${encodeURIComponent(matterId)}`),
    enabled: !!matterId && version !== undefined,
  });

/** 下一步：…（谁，期限）, with the caller's own steps that wait and why. */
export function NextStepBanner({ guidance }: { guidance: MatterGuidance | undefined }) {
  if (!guidance) return null;
  const waiting = guidance.steps.filter((s) => s.mine && s.required && s.blocked.length);
  const overdue = guidance.steps.some((s) => s.required && s.due?.overdue);
  return (
    <Alert
      data-testid="next-step"
      type={guidance.final ? 'success' : overdue ? 'error' : 'info'}
      showIcon
      title={guidance.summary}
      description={
        waiting.length ? (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {waiting.map((s) => (
              <li key={s.transition}>
                <Typography.Text strong>{s.label}</Typography.Text>：{s.blocked.map((b) => b.message).join('；')}
              </li>
            ))}
          </ul>
        ) : undefined
      }
      style={{ marginBottom: 12 }}
    />
  );
}

/** The guidance of one transition: disabled with its reason when the dry run found what stops it. */
export function stepState(guidance: MatterGuidance | undefined, transition: string): { disabled: boolean; reason: string | null; required: boolean } {
  const s = guidance?.steps.find((x) => x.transition === transition);
  const reason = s?.mine && s.blocked.length ? s.blocked.map((b) => b.message).join('；') : null;
  return { disabled: !!reason, reason, required: s?.required ?? true };
}

/** Transitions in guidance order (required before optional acts). */
export function inGuidanceOrder<T extends { id: string }>(transitions: T[], guidance: MatterGuidance | undefined): T[] {
  const order = new Map(guidance?.steps.map((s, i) => [s.transition, i]));
  return [...transitions].sort((a, b) => (order.get(a.id) ?? 99) - (order.get(b.id) ?? 99));
}

/** A transition's button: primary when required, disabled with a tooltip giving the reason when it cannot pass today. */
export function StepButton({
  guidance,
  id,
  onClick,
  children,
  testId,
  danger,
  loading,
}: {
  guidance: MatterGuidance | undefined;
  id: string;
  onClick: () => void;
  children: ReactNode;
  testId?: string;
  danger?: boolean;
  loading?: boolean;
}) {
  const s = stepState(guidance, id);
  const button = (
    <Button
      type={s.required ? 'primary' : 'default'}
      danger={danger}
      loading={loading}
      disabled={s.disabled}
      data-testid={testId}
      data-reason={s.reason ?? undefined}
      onClick={onClick}
    >
      {children}
    </Button>
  );
  return s.reason ? (
    <Tooltip title={s.reason}>
      {/* a disabled button fires no mouse events: the span carries the tooltip */}
      <span>{button}</span>
    </Tooltip>
  ) : (
    button
  );
}
