import {
  activityHoursPerWeek,
  addBlockSchema,
  addDays,
  AppError,
  applyTemplateSchema,
  assertCalendarDate,
  blockInstants,
  blockRecords,
  boundedNumber,
  carryOver,
  carryRockSchema,
  checkBlockShape,
  datesOfIsoWeek,
  dateInZone,
  DEFAULT_WORKING_HOURS,
  editBlockSchema,
  expandTemplate,
  findShippedTemplate,
  isAppError,
  isoWeekOf,
  isoWeekSchema,
  minutesOfDay,
  planAgainstActual,
  rockDateSchema,
  rockStart,
  setRockSchema,
  shippedTemplates,
  weekCapacity,
  weekHoursAvailable,
  weekdayOf,
  weekdays,
  type Activity,
  type BigRock,
  type BlockRecord,
  type CalendarDate,
  type CapacityFunnel,
  type IsoWeek,
  type TemplateBlock,
  type TemplateSummary,
  type TemplateView,
  type TodayPlan,
  type WeekBlock,
  type WeekPlan,
  type WeekTemplate,
} from '@bigrock/core';

import { z } from 'zod';

import type { ActivityRepository } from '../activities/activity.repository.js';
import type { ActivityService } from '../activities/activity.service.js';
import type { Clock } from '../clock.js';
import type { MoneySettingsRepository } from '../money/money-settings.repository.js';
import { newId } from '../db/new-id.js';
import type { FunnelService } from '../funnels/funnel.service.js';
import type { GoalRepository } from '../goals/goal.repository.js';
import type { GoalService } from '../goals/goal.service.js';
import type { TimeEntryRepository } from '../tracking/time-entry.repository.js';
import { parseInput } from '../validation.js';
import type { WorkspaceRepository } from '../workspaces/workspace.repository.js';
import type { PlannerRepository, StoredWeekBlock } from './planner.repository.js';

export interface PlannerServiceDeps {
  planner: PlannerRepository;
  activities: ActivityRepository;
  activityService: ActivityService;
  goals: GoalRepository;
  goalService: GoalService;
  funnelService: FunnelService;
  entries: TimeEntryRepository;
  workspaces: WorkspaceRepository;
  /** The money settings' hours a week, when set, stand for the hours available to plan. */
  moneySettings?: Pick<MoneySettingsRepository, 'get'>;
  clock: Clock;
  workspaceId: string;
}

/** The name of the template that repeating blocks go to when no template is active yet. */
export const OWN_TEMPLATE = 'my-week';

/** Hours available in a week, as a query gives them. */
export const hoursAvailableSchema = boundedNumber({ min: 0, max: 168, note: '(the hours in a week)' });

/** Weeks a record of kept and broken blocks looks back over: 1 to 26. */
export const recordWeeksSchema = boundedNumber({ min: 1, max: 26, whole: true, note: '(weeks looked back over)' });

const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * The id a block of a week not made yet goes by: its template block and its date. Once made, the
 * block keeps it as the UID the calendar feed publishes it under.
 */
export const expandedId = (templateBlockId: string, date: CalendarDate) => `t.${templateBlockId}.${date}`;
const expandedIdPattern = /^t\.(.+)\.(\d{4}-\d{2}-\d{2})$/;

const throwIssue = {
  addIssue({ path, message }: { path: PropertyKey[]; message: string }): never {
    const field = path.join('.');
    throw new AppError('invalid-input', `${field}: ${message}.`, { field });
  },
};

/** A template's blocks made the blocks of one week of its own (`weekId`), each with a new id. */
function weekBlocksOf(
  templateBlocks: Parameters<typeof expandTemplate>[0],
  week: Parameters<typeof expandTemplate>[1],
  zone: string,
  weekId: string,
): StoredWeekBlock[] {
  return expandTemplate(templateBlocks, week, zone).map((block) => ({
    id: newId(),
    weekId,
    templateBlockId: block.templateBlockId,
    date: block.date,
    start: block.start,
    end: block.end,
    activityId: block.activityId,
    activity: block.activity,
    kind: block.kind,
    note: block.note,
    skipped: false,
    feedUid: expandedId(block.templateBlockId, block.date),
    imported: null,
  }));
}

/**
 * The planner: weekly templates, the weeks made from them, one big rock a day, and each week
 * against what the time entries say happened and what the targets and funnels need.
 */
export function createPlannerService({
  planner,
  activities,
  activityService,
  goals,
  goalService,
  funnelService,
  entries,
  workspaces,
  moneySettings,
  clock,
  workspaceId,
}: PlannerServiceDeps) {
  async function timeZone(): Promise<string> {
    return (await workspaces.find(workspaceId))?.timeZone ?? 'UTC';
  }

  async function today(): Promise<CalendarDate> {
    return dateInZone(clock.now(), await timeZone());
  }

  async function weekOrThis(week: string | undefined): Promise<IsoWeek> {
    return week === undefined ? isoWeekOf(await today()) : parseInput(z.object({ week: isoWeekSchema }), { week }).week;
  }

  async function findActivity(ref: string): Promise<Activity> {
    const activity = (await activities.find(workspaceId, ref)) ?? (await activities.findByName(workspaceId, ref));
    if (activity === undefined)
      throw new AppError(
        'invalid-input',
        `activity: no activity is named "${ref}" or has that id; list them with bigrock activity list, or use a kind such as deep-work.`,
        { field: 'activity' },
      );
    return activity;
  }

  function placed(block: StoredWeekBlock, zone: string): WeekBlock {
    const { weekId: _weekId, feedUid: _feedUid, ...rest } = block;
    return { ...rest, weekday: weekdayOf(block.date), ...blockInstants(block.date, block.start, block.end, zone) };
  }

  /** The blocks of a week: its own once made, the active template's until then. */
  async function blocksOfWeek(
    week: IsoWeek,
    zone: string,
  ): Promise<{ made: boolean; template: string | null; blocks: WeekBlock[] }> {
    const stored = await planner.findWeek(workspaceId, week);
    if (stored !== undefined) {
      const template =
        stored.templateId === null ? undefined : await planner.findTemplate(workspaceId, stored.templateId);
      const blocks = (await planner.listWeekBlocks(workspaceId, stored.id)).map((block) => placed(block, zone));
      return { made: true, template: template?.name ?? null, blocks: blocks.sort((a, b) => a.startMs - b.startMs) };
    }
    const active = await planner.activeTemplate(workspaceId);
    if (active === undefined) return { made: false, template: null, blocks: [] };
    return {
      made: false,
      template: active.name,
      blocks: expandTemplate(active.blocks, week, zone).map((block) => ({
        ...block,
        id: expandedId(block.templateBlockId, block.date),
        skipped: false,
        imported: null,
      })),
    };
  }

  /** The week, made from the active template if it was not yet: before a change to one of its blocks. */
  async function ensureWeek(week: IsoWeek, zone: string) {
    const stored = await planner.findWeek(workspaceId, week);
    if (stored !== undefined) return stored;
    const active = await planner.activeTemplate(workspaceId);
    const now = clock.now().toISOString();
    const weekId = newId();
    const blocks = active === undefined ? [] : weekBlocksOf(active.blocks, week, zone, weekId);
    return planner.makeWeek(workspaceId, { id: weekId, week, templateId: active?.id ?? null }, blocks, now);
  }

  /** A block by its id, or by the id it goes by in a week not made yet (the week is then made). */
  async function findBlock(id: string, zone: string): Promise<StoredWeekBlock> {
    const expanded = expandedIdPattern.exec(id);
    let found: StoredWeekBlock | undefined;
    if (expanded !== null) {
      const [, templateBlockId = '', date = ''] = expanded;
      const week = await ensureWeek(isoWeekOf(assertCalendarDate(date, 'id')), zone);
      found = await planner.findWeekBlockFrom(workspaceId, week.id, templateBlockId, date);
    } else {
      found = await planner.findWeekBlock(workspaceId, id);
    }
    if (found === undefined)
      throw new AppError('not-found', `No block has the id "${id}"; see the week's blocks with bigrock week.`, {
        field: 'id',
      });
    return found;
  }

  async function capacityInputs(monday: CalendarDate) {
    const notes: string[] = [];
    const list = await activities.list(workspaceId);
    const funnels: CapacityFunnel[] = [];
    for (const funnel of await funnelService.list()) {
      try {
        const solved = await funnelService.solve(funnel.id, { asOf: monday });
        funnels.push({
          name: funnel.name,
          stages: solved.stages.map(({ activity, hoursPerWeek }) => ({ activity, hoursPerWeek })),
        });
      } catch (error) {
        if (!isAppError(error)) throw error;
        notes.push(`The funnel "${funnel.name}" is left out of the capacity: ${error.message}`);
      }
    }
    return {
      notes,
      funnels,
      activities: list.map((activity) => ({
        name: activity.name,
        activityClass: activity.activityClass,
        targetHoursPerWeek: activityHoursPerWeek(activity),
      })),
    };
  }

  async function trackedSpans(startMs: number, endMs: number) {
    const rows = await entries.listInRange(workspaceId, { startMs, endMs });
    return rows.map((row) => ({
      activity: row.activity,
      startMs: Number(row.start_ms),
      endMs: row.end_ms === null ? null : Number(row.end_ms),
    }));
  }

  function spanOf(blocks: readonly WeekBlock[]): { startMs: number; endMs: number } | null {
    if (blocks.length === 0) return null;
    return {
      startMs: Math.min(...blocks.map((block) => block.startMs)),
      endMs: Math.max(...blocks.map((block) => block.endMs)),
    };
  }

  async function actualOf(blocks: readonly WeekBlock[], dates: readonly CalendarDate[]) {
    const span = spanOf(blocks);
    const spans = span === null ? [] : await trackedSpans(span.startMs, span.endMs);
    return planAgainstActual(blocks, spans, dates, clock.now().getTime());
  }

  /** The hours available for the capacity: the workspace's working hours that week, unless given. */
  async function weekPlan(week: IsoWeek, givenHours?: number): Promise<WeekPlan> {
    const workspace = await workspaces.find(workspaceId);
    const zone = workspace?.timeZone ?? 'UTC';
    const hoursAvailable = weekHoursAvailable({
      week,
      timeZone: zone,
      workingHours: workspace?.workingHours ?? DEFAULT_WORKING_HOURS,
      hoursPerWeek: givenHours ?? (await moneySettings?.get(workspaceId))?.hoursPerWeek ?? undefined,
    });
    const dates = datesOfIsoWeek(week);
    const monday = dates[0] ?? '';
    const { made, template, blocks } = await blocksOfWeek(week, zone);
    const [rocks, inputs, actual] = await Promise.all([
      planner.listRocks(workspaceId, monday, dates[6] ?? monday),
      capacityInputs(monday),
      actualOf(blocks, dates),
    ]);
    return {
      week,
      dates,
      timeZone: zone,
      made,
      template,
      blocks,
      rocks,
      actual,
      capacity: weekCapacity({ blocks, hoursAvailable, activities: inputs.activities, funnels: inputs.funnels }),
      notes: inputs.notes,
    };
  }

  /** A shipped template stored in the workspace, making the activities it names that are missing. */
  async function storeShipped(name: string, firstWeek: IsoWeek): Promise<WeekTemplate> {
    const shipped = findShippedTemplate(name);
    if (shipped === undefined)
      throw new AppError('not-found', `No template is named "${name}"; list them with bigrock week template list.`, {
        field: 'name',
      });
    const ids = new Map<string, string>();
    for (const { name: activityName, activityClass } of shipped.activities) {
      const existing = await activities.findByName(workspaceId, activityName);
      const activity = existing ?? (await activityService.create({ name: activityName, activityClass }));
      ids.set(activityName, activity.id);
    }
    const now = clock.now().toISOString();
    // Its blocks repeat from the week it is first applied to, or from this week if that is later.
    const thisMonday = datesOfIsoWeek(isoWeekOf(await today()))[0] ?? '';
    const firstMonday = datesOfIsoWeek(firstWeek)[0] ?? thisMonday;
    const from = firstMonday < thisMonday ? firstMonday : thisMonday;
    const blocks: TemplateBlock[] = shipped.blocks.flatMap((block) =>
      block.days.map((weekday) => ({
        id: newId(),
        weekday,
        start: block.start,
        end: block.end,
        activityId: block.activity === undefined ? null : (ids.get(block.activity) ?? null),
        activity: block.activity ?? null,
        kind: block.kind ?? null,
        note: block.note,
        recurrence: { every: 1, from, until: null, except: [] },
      })),
    );
    const template: WeekTemplate = {
      id: newId(),
      name: shipped.name,
      description: shipped.description,
      active: false,
      blocks,
      createdAt: now,
      updatedAt: now,
    };
    await planner.insertTemplate(workspaceId, template);
    return template;
  }

  function summaryOf(template: WeekTemplate | undefined, shippedName: string | null): TemplateSummary {
    const shipped = shippedName === null ? undefined : findShippedTemplate(shippedName);
    const rows = template?.blocks ?? [];
    const hours =
      template !== undefined
        ? rows.filter((block) => block.kind !== 'break').reduce((total, block) => total + minutesBetween(block) / 60, 0)
        : (shipped?.blocks ?? [])
            .filter((block) => block.kind !== 'break')
            .reduce((total, block) => total + (block.days.length * minutesBetween(block)) / 60, 0);
    return {
      name: template?.name ?? shipped?.name ?? '',
      description: template?.description ?? shipped?.description ?? null,
      shipped: shipped !== undefined,
      stored: template !== undefined,
      active: template?.active ?? false,
      blocks:
        template !== undefined
          ? rows.length
          : (shipped?.blocks ?? []).reduce((total, block) => total + block.days.length, 0),
      hoursPerWeek: round2(hours),
    };
  }

  async function templateSummaries(): Promise<TemplateSummary[]> {
    const stored = await planner.listTemplates(workspaceId);
    const byName = new Map(stored.map((template) => [template.name.toLowerCase(), template]));
    const shipped = shippedTemplates.map(({ name }) => summaryOf(byName.get(name), name));
    const own = stored
      .filter((template) => findShippedTemplate(template.name) === undefined)
      .map((template) => summaryOf(template, null));
    return [...shipped, ...own];
  }

  async function rockFor(date: CalendarDate): Promise<BigRock> {
    const rock = await planner.findRockOn(workspaceId, date);
    if (rock === undefined)
      throw new AppError(
        'not-found',
        `No big rock is set for ${date}; set one with bigrock rock set "…" --date ${date}.`,
        {
          field: 'date',
        },
      );
    return rock;
  }

  async function assertGoal(goalId: string | null | undefined): Promise<void> {
    if (goalId === null || goalId === undefined) return;
    if ((await goals.find(workspaceId, goalId)) === undefined)
      throw new AppError('invalid-input', `goalId: no goal has the id "${goalId}"; list the goals to find it.`, {
        field: 'goalId',
      });
  }

  /** The active template, or the workspace's own (made, and made active, when missing). */
  async function activeOrOwnTemplate(now: string): Promise<WeekTemplate> {
    const active = await planner.activeTemplate(workspaceId);
    if (active !== undefined) return active;
    const own = await planner.findTemplate(workspaceId, OWN_TEMPLATE);
    if (own !== undefined) {
      await planner.setActive(workspaceId, own.id, now);
      return own;
    }
    const template: WeekTemplate = {
      id: newId(),
      name: OWN_TEMPLATE,
      description: 'The blocks added to repeat',
      active: true,
      blocks: [],
      createdAt: now,
      updatedAt: now,
    };
    await planner.insertTemplate(workspaceId, template);
    return template;
  }

  return {
    templates: templateSummaries,

    /** The workspace's time zone and today's date in it. */
    async zoneAndToday(): Promise<{ zone: string; today: CalendarDate }> {
      const zone = await timeZone();
      return { zone, today: dateInZone(clock.now(), zone) };
    },

    /** A week made (from the active template) if it was not yet, before blocks are added to it. */
    madeWeek: ensureWeek,

    async template(name: string): Promise<TemplateView> {
      const stored = await planner.findTemplate(workspaceId, name);
      const shipped = findShippedTemplate(stored?.name ?? name);
      if (stored === undefined && shipped === undefined)
        throw new AppError('not-found', `No template is named "${name}"; list them with bigrock week template list.`, {
          field: 'name',
        });
      const summary = summaryOf(stored, shipped?.name ?? null);
      const order = (weekday: string) => weekdays.findIndex((day) => day === weekday);
      const rows: TemplateView['rows'] =
        stored !== undefined
          ? stored.blocks.map((block) => ({
              id: block.id,
              weekday: block.weekday,
              start: block.start,
              end: block.end,
              activity: block.activity,
              kind: block.kind,
              note: block.note,
              every: block.recurrence.every,
              from: block.recurrence.from,
              until: block.recurrence.until,
              except: block.recurrence.except,
            }))
          : (shipped?.blocks ?? []).flatMap((block) =>
              block.days.map((weekday) => ({
                id: null,
                weekday,
                start: block.start,
                end: block.end,
                activity: block.activity ?? null,
                kind: block.kind ?? null,
                note: block.note,
                every: 1,
                from: null,
                until: null,
                except: [],
              })),
            );
      rows.sort((a, b) => order(a.weekday) - order(b.weekday) || a.start.localeCompare(b.start));
      return { ...summary, rows };
    },

    /**
     * Makes the template the active one (storing a shipped one first, with the activities it names)
     * and makes the week from it anew: that week's changes give way to the template's blocks.
     */
    async applyTemplate(name: string, input: unknown = {}): Promise<WeekPlan> {
      const { week: weekInput } = parseInput(applyTemplateSchema, input);
      const week = await weekOrThis(weekInput);
      const template = (await planner.findTemplate(workspaceId, name)) ?? (await storeShipped(name, week));
      const now = clock.now().toISOString();
      await planner.setActive(workspaceId, template.id, now);
      const zone = await timeZone();
      const weekId = newId();
      const blocks = weekBlocksOf(template.blocks, week, zone, weekId);
      await planner.makeWeek(workspaceId, { id: weekId, week, templateId: template.id }, blocks, now, {
        replace: true,
      });
      return weekPlan(week);
    },

    async week(options: { week?: string; hoursAvailable?: number } = {}): Promise<WeekPlan> {
      const week = await weekOrThis(options.week);
      const hours =
        options.hoursAvailable === undefined
          ? undefined
          : parseInput(z.object({ hoursAvailable: hoursAvailableSchema }), options).hoursAvailable;
      return weekPlan(week, hours);
    },

    /**
     * Adds a block to one week; with `every`, `until` or `except`, to the active template too,
     * repeating from the week given (a template named my-week is made and made active when none
     * is). The block of the week given is returned; null when `except` leaves that day out.
     */
    async addBlock(input: unknown): Promise<{ block: WeekBlock | null; templateBlockId: string | null }> {
      const fields = parseInput(addBlockSchema, input);
      const zone = await timeZone();
      const week = await weekOrThis(fields.week);
      const date = datesOfIsoWeek(week)[weekdays.indexOf(fields.weekday)] ?? '';
      const activity = fields.activity ? await findActivity(fields.activity) : null;
      const now = clock.now().toISOString();
      const content = {
        start: fields.start,
        end: fields.end,
        activityId: activity?.id ?? null,
        activity: activity?.name ?? null,
        kind: fields.kind ?? null,
        note: fields.note ?? null,
      };
      const repeats = fields.every !== undefined || fields.until !== undefined || fields.except !== undefined;
      if (!repeats) {
        const stored = await ensureWeek(week, zone);
        const id = newId();
        const block: StoredWeekBlock = {
          id,
          weekId: stored.id,
          templateBlockId: null,
          date,
          skipped: false,
          feedUid: id,
          imported: null,
          ...content,
        };
        await planner.insertWeekBlock(workspaceId, block, now);
        return { block: placed(block, zone), templateBlockId: null };
      }
      if (fields.until !== undefined && fields.until < date)
        throw new AppError('invalid-input', `until: must be on or after ${date}, the block's first day.`, {
          field: 'until',
        });
      const template = await activeOrOwnTemplate(now);
      const templateBlockId = newId();
      await planner.insertTemplateBlock(
        workspaceId,
        template.id,
        {
          id: templateBlockId,
          weekday: fields.weekday,
          ...content,
          recurrence: {
            every: fields.every ?? 1,
            from: date,
            until: fields.until ?? null,
            except: fields.except ?? [],
          },
        },
        now,
      );
      // A week not made yet follows the template, the new block with it; a made week gets it too.
      const made = await planner.findWeek(workspaceId, week);
      const stored = made ?? (await ensureWeek(week, zone));
      if (fields.except?.includes(date)) return { block: null, templateBlockId };
      let block =
        made === undefined ? await planner.findWeekBlockFrom(workspaceId, stored.id, templateBlockId, date) : undefined;
      if (block === undefined) {
        const id = newId();
        block = {
          id,
          weekId: stored.id,
          templateBlockId,
          date,
          skipped: false,
          feedUid: expandedId(templateBlockId, date),
          imported: null,
          ...content,
        };
        await planner.insertWeekBlock(workspaceId, block, now);
      }
      return { block: placed(block, zone), templateBlockId };
    },

    /**
     * Which blocks are kept and which are always broken over the `weeks` weeks that end with `week`
     * (this week by default): each ended block against the time tracked inside it.
     */
    async record(
      options: { week?: string; weeks?: number } = {},
    ): Promise<{ weeks: IsoWeek[]; blocks: BlockRecord[] }> {
      const zone = await timeZone();
      const last = await weekOrThis(options.week);
      const count = parseInput(z.object({ weeks: recordWeeksSchema }), { weeks: options.weeks ?? 4 }).weeks;
      const lastMonday = datesOfIsoWeek(last)[0] ?? '';
      const weeks = Array.from({ length: count }, (_, index) =>
        isoWeekOf(addDays(lastMonday, -7 * (count - 1 - index))),
      );
      const planned = await Promise.all(
        weeks.map(async (week) => {
          const { blocks } = await blocksOfWeek(week, zone);
          return { blocks, actual: await actualOf(blocks, datesOfIsoWeek(week)) };
        }),
      );
      return { weeks, blocks: blockRecords(planned, clock.now().getTime()) };
    },

    /** Moves, shortens or changes a block of a week; the template and the other weeks keep theirs. */
    async editBlock(id: string, input: unknown): Promise<WeekBlock> {
      const fields = parseInput(editBlockSchema, input);
      const zone = await timeZone();
      const current = await findBlock(id, zone);
      if (current.imported !== null)
        throw new AppError(
          'conflict',
          `The block ${id} is busy time imported from ${current.imported.from ?? 'a calendar'}: change the event in its calendar and import it again, or skip or remove the block here.`,
          { field: 'id' },
        );
      const monday = datesOfIsoWeek(isoWeekOf(current.date))[0] ?? current.date;
      const date = fields.weekday === undefined ? current.date : addDays(monday, weekdays.indexOf(fields.weekday));
      const activity =
        fields.activity === undefined
          ? undefined
          : fields.activity === null
            ? null
            : await findActivity(fields.activity);
      const next: StoredWeekBlock = {
        ...current,
        date,
        start: fields.start ?? current.start,
        end: fields.end ?? current.end,
        note: fields.note === undefined ? current.note : fields.note,
      };
      if (activity !== undefined) {
        next.activityId = activity?.id ?? null;
        next.activity = activity?.name ?? null;
        if (activity !== null && fields.kind === undefined) next.kind = null;
      }
      if (fields.kind !== undefined) {
        next.kind = fields.kind;
        if (fields.kind !== null && fields.activity === undefined) {
          next.activityId = null;
          next.activity = null;
        }
      }
      checkBlockShape({ activity: next.activityId, kind: next.kind, start: next.start, end: next.end }, throwIssue);
      await planner.updateWeekBlock(workspaceId, next, clock.now().toISOString());
      return placed(next, zone);
    },

    /** Skips a block of a week: it stays on the plan, out of its hours and adherence. */
    async skipBlock(id: string): Promise<WeekBlock> {
      const zone = await timeZone();
      const block = { ...(await findBlock(id, zone)), skipped: true };
      await planner.updateWeekBlock(workspaceId, block, clock.now().toISOString());
      return placed(block, zone);
    },

    async removeBlock(id: string): Promise<void> {
      const block = await findBlock(id, await timeZone());
      await planner.deleteWeekBlock(workspaceId, block.id);
    },

    /** The big rock of a day (today by default), or null when none is set: what a focus session starts on. */
    async rock(date?: string): Promise<BigRock | null> {
      const day = date === undefined ? await today() : assertCalendarDate(date, 'date');
      return (await planner.findRockOn(workspaceId, day)) ?? null;
    },

    /** A block of a week by its id (or the id it goes by in a week not made yet, which makes the week). */
    async block(id: string): Promise<WeekBlock> {
      const zone = await timeZone();
      return placed(await findBlock(id, zone), zone);
    },

    /** Sets the big rock of a day; an open one is replaced, a done or carried one stays. */
    async setRock(input: unknown): Promise<BigRock> {
      const fields = parseInput(setRockSchema, input);
      const date = fields.date ?? (await today());
      await assertGoal(fields.goalId);
      const activity = fields.activity ? await findActivity(fields.activity) : null;
      const existing = await planner.findRockOn(workspaceId, date);
      if (existing !== undefined && existing.status !== 'open')
        throw new AppError(
          'conflict',
          `The big rock of ${date} ("${existing.title}") is ${existing.status === 'done' ? 'done' : 'carried over'} already; pick another day with --date.`,
          { field: 'date' },
        );
      const now = clock.now().toISOString();
      const rock: BigRock = {
        id: existing?.id ?? newId(),
        date,
        title: fields.title,
        goalId: fields.goalId ?? null,
        activityId: activity?.id ?? null,
        estimateMinutes: fields.estimateMinutes ?? null,
        status: 'open',
        carryReason: null,
        carriedTo: null,
        doneAt: null,
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
      };
      await planner.saveRocks(workspaceId, [{ rock, isNew: existing === undefined }]);
      return rock;
    },

    /**
     * Whether the big rock of a day may be started: not while an earlier day's is open (the
     * carry-over rule). The focus sessions of a later slice start through it.
     */
    async rockStart(date?: string) {
      const day = date === undefined ? await today() : assertCalendarDate(date, 'date');
      return rockStart(await planner.openRocksBefore(workspaceId, day), day);
    },

    /** Marks a day's big rock done; refused while an earlier day's is still open. */
    async rockDone(input: unknown = {}): Promise<BigRock> {
      const { date: given } = parseInput(rockDateSchema, input);
      const date = given ?? (await today());
      const rock = await rockFor(date);
      const start = rockStart(await planner.openRocksBefore(workspaceId, date), date);
      if (!start.allowed) throw new AppError('conflict', start.message, { field: 'date' });
      if (rock.status === 'done') return rock;
      if (rock.status === 'carried')
        throw new AppError(
          'conflict',
          `The big rock of ${date} was carried over to ${rock.carriedTo ?? 'another day'}; mark that one done.`,
          {
            field: 'date',
          },
        );
      const now = clock.now().toISOString();
      const done: BigRock = { ...rock, status: 'done', doneAt: now, updatedAt: now };
      await planner.saveRocks(workspaceId, [{ rock: done, isNew: false }]);
      return done;
    },

    /** Carries a day's open big rock over to another day (the next by default), saying why. */
    async rockCarry(input: unknown): Promise<{ carried: BigRock; next: BigRock }> {
      const fields = parseInput(carryRockSchema, input);
      const date = fields.date ?? (await today());
      const to = fields.to ?? addDays(date, 1);
      if (to <= date)
        throw new AppError('invalid-input', `to: must be after ${date}, the day of the rock carried.`, { field: 'to' });
      const rock = await rockFor(date);
      if (rock.status !== 'open')
        throw new AppError(
          'conflict',
          `The big rock of ${date} is ${rock.status} already; only an open rock is carried over.`,
          {
            field: 'date',
          },
        );
      if ((await planner.findRockOn(workspaceId, to)) !== undefined)
        throw new AppError(
          'conflict',
          `${to} has a big rock already; carry this one to another day with --to, or mark it done.`,
          { field: 'to' },
        );
      const result = carryOver(rock, to, fields.reason, newId(), clock.now().toISOString());
      await planner.saveRocks(workspaceId, [
        { rock: result.carried, isNew: false },
        { rock: result.next, isNew: true },
      ]);
      return result;
    },

    /** The day: its blocks and big rock, what is behind, and yesterday's plan against what happened. */
    async day(options: { date?: string } = {}): Promise<TodayPlan> {
      const zone = await timeZone();
      const date = options.date === undefined ? await today() : assertCalendarDate(options.date, 'date');
      const yesterday = addDays(date, -1);
      const weekOf = async (day: CalendarDate) =>
        (await blocksOfWeek(isoWeekOf(day), zone)).blocks.filter((block) => block.date === day);
      const tomorrow = addDays(date, 1);
      const [blocks, yesterdayBlocks, rock, yesterdayRock, tomorrowRock, open, activityList, goalList] =
        await Promise.all([
          weekOf(date),
          weekOf(yesterday),
          planner.findRockOn(workspaceId, date),
          planner.findRockOn(workspaceId, yesterday),
          planner.findRockOn(workspaceId, tomorrow),
          planner.openRocksBefore(workspaceId, date),
          activityService.list({ asOf: date }),
          goalService.list({ asOf: date }),
        ]);
      return {
        date,
        week: isoWeekOf(date),
        blocks,
        actual: await actualOf(blocks, [date]),
        rock: rock ?? null,
        rockStart: rockStart(open, date),
        activitiesBehind: activityList.flatMap(({ activity, pace }) =>
          pace !== null && pace.status === 'behind' && !pace.onBreak
            ? [
                {
                  id: activity.id,
                  name: activity.name,
                  unit: activity.unit,
                  expected: pace.expected,
                  actual: pace.actual,
                  delta: pace.delta,
                },
              ]
            : [],
        ),
        goalsBehind: goalList.flatMap(({ goal, pace }) =>
          pace !== null && pace.status === 'behind'
            ? [
                {
                  id: goal.id,
                  title: goal.title,
                  unit: goal.unit,
                  expected: pace.expected,
                  actual: pace.actual,
                  delta: pace.delta,
                },
              ]
            : [],
        ),
        yesterday: {
          date: yesterday,
          blocks: yesterdayBlocks,
          actual: await actualOf(yesterdayBlocks, [yesterday]),
          rock: yesterdayRock ?? null,
        },
        tomorrow: { date: tomorrow, rock: tomorrowRock ?? null },
      };
    },
  };
}

function minutesBetween(block: { start: string; end: string }): number {
  return minutesOfDay(block.end) - minutesOfDay(block.start);
}

export type PlannerService = ReturnType<typeof createPlannerService>;
