import {
  addDays,
  AppError,
  activityNameKey,
  createTriageTaskSchema,
  dateInZone,
  hasHoursSource,
  MAX_TRIAGE_TASKS,
  TRIAGE_RULES,
  triageOverrideSchema,
  triageTask,
  triageTotals,
  triageValueBasis,
  updateTriageTaskSchema,
  type HoursSource,
  type TriagePlan,
  type TriagePlanTask,
  type TriageTask,
} from '@bigrock/core';

import type { Clock } from '../clock.js';
import { newId } from '../db/new-id.js';
import type { MoneyService } from '../money/money.service.js';
import type { TrackedTime } from '../reports/report.service.js';
import { parseInput } from '../validation.js';
import type { WorkspaceRepository } from '../workspaces/workspace.repository.js';
import { measuredHoursPerWeek } from './measured-hours.js';
import type { TriageTaskRepository } from './triage-task.repository.js';

/** Tracked hours a week are averaged over the last four weeks, today included. */
export const MEASURED_WEEKS = 4;

export type TriageService = ReturnType<typeof createTriageService>;

const notFound = (id: string) =>
  new AppError('not-found', `No triage task "${id}": list them with bigrock triage list or GET /api/v1/triage/tasks.`, {
    field: 'id',
  });

/** Recurring tasks and the plan triage makes of them: what to drop, automate, delegate, batch or produce. */
export function createTriageService({
  tracked,
  tasks,
  money,
  workspaces,
  clock,
  workspaceId,
}: {
  tracked: TrackedTime;
  tasks: TriageTaskRepository;
  money: Pick<MoneyService, 'get' | 'hourlyValue'>;
  workspaces: WorkspaceRepository;
  clock: Clock;
  workspaceId: string;
}) {
  async function get(id: string): Promise<TriageTask> {
    const task = await tasks.find(workspaceId, id);
    if (task === undefined) throw notFound(id);
    return task;
  }

  async function save(task: TriageTask): Promise<TriageTask> {
    if (!(await tasks.update(task))) throw notFound(task.id);
    return task;
  }

  return {
    list: (): Promise<TriageTask[]> => tasks.list(workspaceId),

    get,

    async create(input: unknown): Promise<TriageTask> {
      const fields = parseInput(createTriageTaskSchema, input);
      if ((await tasks.count(workspaceId)) >= MAX_TRIAGE_TASKS) {
        throw new AppError('conflict', `Triage keeps at most ${MAX_TRIAGE_TASKS} tasks: remove some first.`, {
          field: 'name',
        });
      }
      const now = clock.now().toISOString();
      const task: TriageTask = {
        id: newId(),
        workspaceId,
        name: fields.name,
        activity: fields.activity ?? null,
        hoursPerWeek: fields.hoursPerWeek ?? null,
        energy: fields.energy,
        producesIncome: fields.producesIncome ?? false,
        needed: fields.needed ?? true,
        onlyMe: fields.onlyMe ?? false,
        outsourceRate: fields.outsourceRate ?? null,
        automationOnce: fields.automationOnce ?? null,
        automationMonthly: fields.automationMonthly ?? null,
        reviewHoursPerWeek: fields.reviewHoursPerWeek ?? 0,
        override: null,
        createdAt: now,
        updatedAt: now,
      };
      await tasks.insert(task);
      return task;
    },

    async update(id: string, input: unknown): Promise<TriageTask> {
      const changes = parseInput(updateTriageTaskSchema, input);
      const current = await get(id);
      const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
      const next: TriageTask = { ...current, ...defined, updatedAt: clock.now().toISOString() };
      if (!hasHoursSource(next)) {
        throw new AppError(
          'invalid-input',
          'hoursPerWeek: give hoursPerWeek (an estimate) or activity (measured from tracking); a task needs one of the two.',
          { field: 'hoursPerWeek' },
        );
      }
      return save(next);
    },

    async remove(id: string): Promise<void> {
      if (!(await tasks.delete(workspaceId, id))) throw notFound(id);
    },

    /** Overrides the recommendation: the plan then counts this action, and shows the reason. */
    async override(id: string, input: unknown): Promise<TriageTask> {
      const override = parseInput(triageOverrideSchema, input);
      const current = await get(id);
      return save({ ...current, override, updatedAt: clock.now().toISOString() });
    },

    async clearOverride(id: string): Promise<TriageTask> {
      const current = await get(id);
      return save({ ...current, override: null, updatedAt: clock.now().toISOString() });
    },

    /** Every task's verdict and the plan's totals, at the hourly value (or the target rate). */
    async plan(): Promise<TriagePlan> {
      const [all, settings, value, workspace] = await Promise.all([
        tasks.list(workspaceId),
        money.get(),
        money.hourlyValue(),
        workspaces.find(workspaceId),
      ]);
      const basis = triageValueBasis({
        hourlyValue: value.hourlyValue,
        targetHourlyRate: settings.targetHourlyRate,
        currency: settings.currency,
      });
      const zone = workspace?.timeZone ?? 'UTC';
      const now = clock.now();
      const measuredTo = dateInZone(now, zone);
      const measuredFrom = addDays(measuredTo, -(MEASURED_WEEKS * 7 - 1));
      const measured = measuredHoursPerWeek(
        await tracked.trackedByDayAndActivity({ from: measuredFrom, to: measuredTo }),
        all.flatMap((task) => (task.activity === null ? [] : [task.activity])),
        MEASURED_WEEKS,
      );
      const planned = all.map((task): TriagePlanTask => {
        const measuredHours = task.activity === null ? null : (measured.get(activityNameKey(task.activity)) ?? 0);
        // Tracked hours when there are any; else the estimate; a linked activity not yet tracked counts 0.
        const [hoursPerWeek, hoursSource]: [number, HoursSource] =
          measuredHours !== null && measuredHours > 0
            ? [measuredHours, 'measured']
            : task.hoursPerWeek !== null
              ? [task.hoursPerWeek, 'estimated']
              : [0, 'none'];
        return {
          task,
          measuredHoursPerWeek: measuredHours,
          hoursPerWeek,
          hoursSource,
          verdict: triageTask({ ...task, hoursPerWeek }, basis),
        };
      });
      return {
        basis,
        measuredFrom,
        measuredTo,
        measuredWeeks: MEASURED_WEEKS,
        tasks: planned,
        totals: triageTotals(
          planned.map(({ verdict }) => verdict),
          basis,
        ),
        rules: TRIAGE_RULES,
      };
    },
  };
}
