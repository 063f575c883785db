/**
 * 规则目录: the legal rules every module declares (`rules` in its entry), read by any signed-in staff
 * member — the law the platform applies is no secret inside the bureau. Each example is run at the
 * request, so the page shows what the code computes today, not what someone wrote down.
 */
import { z } from 'zod';
import { citationLabel, legalRuleKindLabels, legalRuleKinds, runExample, type ExampleRecord } from '../../domain/legalRules.ts';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { errorResponses, principal, type App } from '../../platform/http.ts';
import type { RegisteredRule } from '../../platform/modules.ts';
import { ZLegalRule, ZLegalRuleList, type TLegalRule } from './responses.ts';

const tags = ['规则目录'];

type Plain = Record<string, string | number | boolean | null | (string | number)[]>;
const plain = (r: ExampleRecord): Plain => {
  const out: Plain = {};
  for (const [k, v] of Object.entries(r)) out[k] = Array.isArray(v) ? [...(v as readonly (string | number)[])] : (v as string | number | boolean | null);
  return out;
};

export function presentRule({ rule, module, moduleLabel }: RegisteredRule): TLegalRule {
  return {
    id: rule.id,
    kind: rule.kind,
    kindLabel: legalRuleKindLabels[rule.kind],
    name: rule.name,
    statement: rule.statement,
    basis: rule.basis.map((id) => ({ id, label: citationLabel(id) })),
    sourceNote: rule.sourceNote ?? null,
    changedOn: rule.changedOn,
    module,
    moduleLabel,
    fields: { ...rule.fields },
    examples: rule.examples.map((ex) => {
      const out = runExample(rule, ex);
      return {
        text: ex.text,
        given: plain(ex.given),
        expect: plain(ex.expect),
        actual: out.actual ? plain(out.actual) : null,
        passes: out.passes,
        error: out.error,
      };
    }),
  };
}

export function registerRuleRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/rules',
    {
      schema: {
        tags,
        summary: '规则目录：平台适用的全部法律规则（期限、程序条件、数额标准、法定裁量效果），含依据、说明和实例',
        querystring: z.strictObject({
          q: z.string().trim().max(50).optional(),
          kind: z.enum(legalRuleKinds).optional(),
        }),
        response: { 200: ZLegalRuleList, ...errorResponses },
      },
    },
    async (req) => {
      principal(req);
      const all = ctx.registry.rules;
      const { q, kind } = req.query;
      const items = all.filter(
        (r) => (!kind || r.rule.kind === kind) && (!q || r.rule.name.includes(q) || r.rule.statement.includes(q) || r.rule.id.includes(q)),
      );
      const counts = Object.fromEntries(legalRuleKinds.map((k) => [k, all.filter((r) => r.rule.kind === k).length]));
      return { items: items.map(presentRule), counts };
    },
  );

  app.get(
    '/api/rules/:id',
    {
      schema: { tags, summary: '规则目录中的一条规则', params: z.object({ id: z.string().min(1).max(100) }), response: { 200: ZLegalRule, ...errorResponses } },
    },
    async (req) => {
      principal(req);
      const r = ctx.registry.rules.find((x) => x.rule.id === req.params.id);
      if (!r) throw notFound('规则');
      return presentRule(r);
    },
  );
}
