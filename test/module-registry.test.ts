/**
 * The module shape (docs/architecture.md, "Adding to the platform"): each module folder has one entry that
 * app.ts lists, the registry built from the list is complete, and it refuses a module that forgot a part.
 * These tests fail when a step of the checklist is skipped.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { platformModules } from '../src/app.ts';
import { deadlineRules } from '../src/domain/deadlines/rules.ts';
import { matterPages, matterTypeLabels } from '../src/domain/vocabulary.ts';
import type { WorkflowDef } from '../src/domain/workflow.ts';
import { buildRegistry, defineModule, type ModuleDef } from '../src/platform/modules.ts';
import { recordEventLabels, recordEvents } from '../src/platform/record/events.ts';
import { readOnlyMatterResolver, type GuardInput } from '../src/platform/workflow/engine.ts';

const MODULES = join(import.meta.dirname, '..', 'src', 'modules');
const registry = buildRegistry(platformModules);

const flow = (type: string, patch: Partial<WorkflowDef<GuardInput<never>>> = {}): WorkflowDef<GuardInput<never>> => ({
  type,
  version: 1,
  label: '测试',
  initial: 'open',
  states: { open: { label: '办理中' }, done: { label: '办结', final: true } },
  transitions: { finish: { label: '办结', from: ['open'], to: 'done', roles: ['admin'] } },
  ...patch,
});
const mod = (m: Partial<ModuleDef>): ModuleDef => defineModule({ name: 'probe', label: '测试', ...m });

describe('the module registry', () => {
  it('lists every module folder once, each with its entry module.ts', () => {
    const folders = readdirSync(MODULES, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    for (const f of folders) expect(existsSync(join(MODULES, f, 'module.ts')), `src/modules/${f}/module.ts`).toBe(true);
    expect(platformModules.map((m) => m.name).sort()).toEqual(folders);
  });

  it('declares no module by import side effect: no bare imports, no register… calls at module level', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.endsWith('.ts')) {
          const s = readFileSync(p, 'utf8');
          if (/^import '[^']+';$/m.test(s) || /^register[A-Z]\w*\(/m.test(s)) offenders.push(p);
        }
      }
    };
    walk(join(import.meta.dirname, '..', 'src'));
    expect(offenders).toEqual([]);
  });

  it('gives every workflow matter type a resolver, and every matter type of the record a label', () => {
    for (const m of platformModules)
      for (const w of m.workflows ?? []) {
        expect(registry.resolverOf(w.type), w.type).toBeTypeOf('function');
        expect(matterTypeLabels[w.type], w.type).toBeTruthy();
        // the 待办 and the reminders link to the matter's page in the console
        expect(matterPages[w.type], w.type).toMatch(/^\//);
      }
    for (const m of platformModules) for (const type of Object.keys(m.matterResolvers ?? {})) expect(matterTypeLabels[type], type).toBeTruthy();
  });

  it('labels every record event and opens only deadline rules that cite their law', () => {
    for (const e of Object.keys(recordEvents)) expect(recordEventLabels[e as keyof typeof recordEvents], e).toBeTruthy();
    for (const r of deadlineRules) expect(r.basis.length > 0 || !!r.sourceNote, r.id).toBe(true);
  });

  it('finds each transition of a module workflow in its transitions/ folder, under its name', () => {
    for (const m of platformModules)
      for (const w of m.workflows ?? []) {
        const dir = join(MODULES, m.name, 'transitions');
        if (!existsSync(dir)) continue; // a workflow small enough to be declared in workflow.ts
        for (const t of Object.keys(w.transitions)) expect(existsSync(join(dir, `${t}.ts`)), `${m.name}/transitions/${t}.ts`).toBe(true);
      }
  });

  it('refuses at start-up a module that forgot a part or declared one twice', () => {
    expect(() => buildRegistry([mod({ workflows: [flow('probeMatter')] })])).toThrow(/probeMatter has no matter resolver/);
    const ok = mod({ workflows: [flow('probeMatter')], matterResolvers: { probeMatter: readOnlyMatterResolver } });
    expect(() => buildRegistry([ok])).not.toThrow();
    expect(() => buildRegistry([ok, { ...ok }])).toThrow(/listed twice/);
    expect(() => buildRegistry([ok, mod({ name: 'other', workflows: [flow('probeMatter')] })])).toThrow(/probeMatter@1 is declared twice/);
    const listener = (transitions: string[]) => ({ name: 'probe.listener', type: 'probeMatter', transitions, run: async () => {} });
    expect(() => buildRegistry([{ ...ok, listeners: [listener(['finish'])] }])).not.toThrow();
    expect(() => buildRegistry([{ ...ok, listeners: [listener(['nope'])] }])).toThrow(/probeMatter has no transition nope/);
    expect(() => buildRegistry([mod({ listeners: [listener(['finish'])] })])).toThrow(/no workflow of type probeMatter/);
    expect(() => buildRegistry([{ ...ok, visibility: { elsewhere: async () => true } }])).toThrow(/visibility of elsewhere/);
    const badRule = flow('probeMatter', {
      transitions: { finish: { label: '办结', from: ['open'], to: 'done', roles: ['admin'], opens: [{ ruleId: 'no.such.rule' }] } },
    });
    expect(() => buildRegistry([{ ...ok, workflows: [badRule] }])).toThrow(/unknown deadline rule no.such.rule/);
  });

  it('is immutable once built', () => {
    expect(Object.isFrozen(registry)).toBe(true);
    expect(Object.isFrozen(registry.modules)).toBe(true);
  });
});
