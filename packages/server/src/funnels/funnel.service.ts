import {
  AppError,
  assertCalendarDate,
  createFunnelSchema,
  dateInZone,
  planSchema,
  solveFunnel,
  solvePlan,
  updateFunnelSchema,
  type Activity,
  type CalendarDate,
  type Funnel,
  type FunnelApplyResult,
  type FunnelSolveResult,
  type FunnelStageInput,
  type Goal,
  type Plan,
  type PlanSolution,
  type StageObservation,
} from '@bigrock/core';

import type { ActivityRepository } from '../activities/activity.repository.js';
import type { ActivityService } from '../activities/activity.service.js';
import type { Clock } from '../clock.js';
import { newId } from '../db/new-id.js';
import type { GoalRepository } from '../goals/goal.repository.js';
import { parseInput } from '../validation.js';
import type { WorkspaceRepository } from '../workspaces/workspace.repository.js';
import type { FunnelRepository } from './funnel.repository.js';

export interface FunnelServiceDeps {
  funnels: FunnelRepository;
  activities: ActivityRepository;
  activityService: ActivityService;
  goals: GoalRepository;
  workspaces: WorkspaceRepository;
  clock: Clock;
  workspaceId: string;
}

/** Working days a week when neither the funnel nor its goal says otherwise. */
const DEFAULT_WORKDAYS_PER_WEEK = 5;

const ceilTo2 = (value: number) => Math.ceil(value * 100 - 1e-9) / 100;

export function createFunnelService({
  funnels,
  activities,
  activityService,
  goals,
  workspaces,
  clock,
  workspaceId,
}: FunnelServiceDeps) {
  async function today(): Promise<CalendarDate> {
    const workspace = await workspaces.find(workspaceId);
    return dateInZone(clock.now(), workspace?.timeZone ?? 'UTC');
  }

  async function find(ref: string): Promise<Funnel> {
    const funnel = (await funnels.find(workspaceId, ref)) ?? (await funnels.findByName(workspaceId, ref));
    if (funnel === undefined) {
      throw new AppError(
        'not-found',
        `No funnel is named "${ref}" or has that id; list them with bigrock funnel list.`,
        {
          field: 'funnel',
        },
      );
    }
    return funnel;
  }

  async function findGoal(goalId: string | null | undefined): Promise<Goal | undefined> {
    if (goalId === null || goalId === undefined) return undefined;
    const goal = await goals.find(workspaceId, goalId);
    if (goal === undefined)
      throw new AppError('invalid-input', `goalId: no goal has the id "${goalId}"; list the goals to find it.`, {
        field: 'goalId',
      });
    return goal;
  }

  async function assertNameFree(name: string, except?: string): Promise<void> {
    const existing = await funnels.findByName(workspaceId, name);
    if (existing !== undefined && existing.id !== except)
      throw new AppError('conflict', `A funnel named "${existing.name}" already exists; pick another name.`, {
        field: 'name',
      });
  }

  /** Each stage's activity, made when it does not exist yet; minutes given on a stage go to its activity. */
  async function resolveStages(stages: ReadonlyArray<FunnelStageInput>): Promise<Activity[]> {
    const resolved: Activity[] = [];
    for (const stage of stages) {
      const existing = await activities.findByName(workspaceId, stage.activity);
      if (existing === undefined) {
        resolved.push(
          await activityService.create({
            name: stage.activity,
            minutesPerUnit: stage.minutesPerUnit ?? null,
            activityClass: 'income',
          }),
        );
      } else if (stage.minutesPerUnit !== undefined && stage.minutesPerUnit !== existing.minutesPerUnit) {
        resolved.push(await activityService.update(existing.id, { minutesPerUnit: stage.minutesPerUnit }));
      } else {
        resolved.push(existing);
      }
    }
    return resolved;
  }

  function stagesOf(inputs: ReadonlyArray<FunnelStageInput>, resolved: Activity[]): Funnel['stages'] {
    return resolved.map((activity, index) => ({
      activityId: activity.id,
      activity: activity.name,
      unit: activity.unit,
      minutesPerUnit: activity.minutesPerUnit,
      conversionGuess: index === 0 ? null : (inputs[index]?.conversion ?? null),
    }));
  }

  /** The funnel as a plan: its own fields, else its goal's, else a clear error naming what is missing. */
  function toPlan(funnel: Funnel, goal: Goal | undefined): Plan {
    const missing = (field: string, what: string) =>
      new AppError(
        'invalid-input',
        `The funnel "${funnel.name}" has no ${what}: set it, or link a goal that has one.`,
        {
          field,
        },
      );
    const target = funnel.target ?? goal?.target ?? null;
    if (target === null) throw missing('target', 'target');
    const start = funnel.startDate ?? goal?.startDate ?? null;
    if (start === null) throw missing('startDate', 'start date');
    const deadline = funnel.deadline ?? goal?.deadline ?? null;
    if (deadline === null) throw missing('deadline', 'deadline');
    const hoursPerWeek = funnel.hoursPerWeek ?? goal?.hoursPerWeek ?? null;
    if (hoursPerWeek === null) throw missing('hoursPerWeek', 'hours a week available');
    const goalDays = goal !== undefined && goal.daysOff.length > 0 ? 7 - goal.daysOff.length : null;
    const plan = {
      hoursPerWeek,
      workdaysPerWeek: funnel.workdaysPerWeek ?? goalDays ?? DEFAULT_WORKDAYS_PER_WEEK,
      goal: {
        target,
        unit: funnel.unit ?? goal?.unit ?? funnel.stages.at(-1)?.unit ?? 'units',
        start,
        deadline,
        ...(funnel.valuePerUnit !== null && { valuePerUnit: funnel.valuePerUnit }),
      },
      stages: funnel.stages.map((stage, index) => ({
        activity: stage.activity,
        minutesPerUnit: stage.minutesPerUnit ?? 0,
        ...(index > 0 && { conversionFromPrevious: stage.conversionGuess ?? 1 }),
      })),
    };
    return parseInput(planSchema, plan);
  }

  async function solve(ref: string, options: { asOf?: string } = {}): Promise<FunnelSolveResult> {
    const funnel = await find(ref);
    const goal = await findGoal(funnel.goalId);
    const asOf = options.asOf === undefined ? await today() : assertCalendarDate(options.asOf, 'asOf');
    const plan = toPlan(funnel, goal);
    // Sums, not every log: by the database where the order of addition cannot change them.
    const stageIds = funnel.stages.map(({ activityId }) => activityId);
    const last = funnel.stages.at(-1);
    const [sums, achievedSums] = await Promise.all([
      activities.sumLogged(workspaceId, stageIds, { until: asOf }),
      activities.sumLogged(workspaceId, last === undefined ? [] : [last.activityId], {
        until: asOf,
        from: plan.goal.start,
      }),
    ]);
    const sumOf = (activityId: string) => sums.get(activityId) ?? 0;
    const observations: StageObservation[] = funnel.stages.map((stage, index) => ({
      trials: index === 0 ? 0 : sumOf(funnel.stages[index - 1]?.activityId ?? ''),
      successes: sumOf(stage.activityId),
    }));
    const achieved = last === undefined ? 0 : (achievedSums.get(last.activityId) ?? 0);
    const solution = solveFunnel(plan, { asOf, achieved, observations });
    for (const stage of funnel.stages) {
      if (stage.minutesPerUnit === null)
        solution.notes.push(
          `"${stage.activity}" has no minutes per unit, so its time is not counted: set them with bigrock activity edit "${stage.activity}" --minutes N.`,
        );
    }
    return { funnel: { id: funnel.id, name: funnel.name, goalId: funnel.goalId }, asOf, plan, ...solution };
  }

  return {
    today,
    find,
    solve,

    list(): Promise<Funnel[]> {
      return funnels.list(workspaceId);
    },

    async create(input: unknown): Promise<Funnel> {
      const fields = parseInput(createFunnelSchema, input);
      await assertNameFree(fields.name);
      const goal = await findGoal(fields.goalId);
      const resolved = await resolveStages(fields.stages);
      const now = clock.now().toISOString();
      const funnel: Funnel = {
        id: newId(),
        workspaceId,
        name: fields.name,
        goalId: goal?.id ?? null,
        target: fields.target ?? null,
        unit: fields.unit ?? null,
        valuePerUnit: fields.valuePerUnit ?? null,
        startDate: fields.startDate ?? (goal?.startDate ? null : await today()),
        deadline: fields.deadline ?? null,
        hoursPerWeek: fields.hoursPerWeek ?? null,
        workdaysPerWeek: fields.workdaysPerWeek ?? null,
        stages: stagesOf(fields.stages, resolved),
        createdAt: now,
        updatedAt: now,
      };
      await funnels.insert(funnel);
      return funnel;
    },

    async update(ref: string, input: unknown): Promise<Funnel> {
      const fields = parseInput(updateFunnelSchema, input);
      const current = await find(ref);
      if (fields.name !== undefined && fields.name !== current.name) await assertNameFree(fields.name, current.id);
      if (fields.goalId !== undefined) await findGoal(fields.goalId);
      const { stages: stageInputs, ...rest } = fields;
      const defined = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
      const stages =
        stageInputs === undefined ? current.stages : stagesOf(stageInputs, await resolveStages(stageInputs));
      const funnel: Funnel = { ...current, ...defined, stages, updatedAt: clock.now().toISOString() };
      if (funnel.startDate !== null && funnel.deadline !== null && funnel.deadline <= funnel.startDate)
        throw new AppError('invalid-input', `deadline: set it after the start date (${funnel.startDate}).`, {
          field: 'deadline',
        });
      await funnels.update(funnel);
      return find(funnel.id);
    },

    async delete(ref: string): Promise<void> {
      const funnel = await find(ref);
      await funnels.delete(workspaceId, funnel.id);
    },

    /**
     * Makes the solved rates the target rates of the stage activities, and links them to the
     * funnel's goal, so that the goal check measures the plan's hours: the first stage per working
     * day, the others per week, rounded up.
     */
    async apply(ref: string, options: { asOf?: string } = {}): Promise<FunnelApplyResult> {
      const solution = await solve(ref, options);
      const funnel = await find(ref);
      const updated: Activity[] = [];
      for (const [index, stage] of funnel.stages.entries()) {
        const rate = solution.stages[index];
        const activity = await activityService.find(stage.activityId);
        if (rate === undefined) continue;
        const daily = index === 0 && activity.workdays.length === solution.plan.workdaysPerWeek;
        const goalIds =
          funnel.goalId === null || activity.goalIds.includes(funnel.goalId)
            ? activity.goalIds
            : [...activity.goalIds, funnel.goalId];
        updated.push(
          await activityService.update(activity.id, {
            rate: Math.max(ceilTo2(daily ? rate.perDay : rate.perWeek), 0.01),
            ratePeriod: daily ? 'day' : 'week',
            goalIds,
          }),
        );
      }
      return { solution, activities: updated };
    },

    /** Solves a plan given whole, as a plan file holds it. */
    solvePlan(input: unknown): PlanSolution {
      return solvePlan(parseInput(planSchema, input));
    },
  };
}

export type FunnelService = ReturnType<typeof createFunnelService>;
