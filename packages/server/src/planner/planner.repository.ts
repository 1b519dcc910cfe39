import {
  blockKinds,
  rockStatuses,
  weekdays,
  type BigRock,
  type BlockKind,
  type CalendarDate,
  type RockStatus,
  type TemplateBlock,
  type WeekTemplate,
  type Weekday,
} from '@bigrock/core';
import type { Kysely, Selectable } from 'kysely';

import type {
  Database,
  PlannerRockTable,
  PlannerTemplateBlockTable,
  PlannerTemplateTable,
  PlannerWeekBlockTable,
} from '../db/database.js';
import { isUniqueViolation } from '../db/unique-violation.js';

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return values.find((candidate) => candidate === value) ?? null;
}

/** A block of a made week as stored: its instants are the service's, from the workspace's zone. */
export interface StoredWeekBlock {
  id: string;
  weekId: string;
  templateBlockId: string | null;
  date: CalendarDate;
  start: string;
  end: string;
  activityId: string | null;
  activity: string | null;
  kind: BlockKind | null;
  note: string | null;
  skipped: boolean;
  /** The UID the feed publishes it under: `t.<template block>.<date>` when made from a template, else its id. */
  feedUid: string;
  /** Busy time imported from a calendar: the event's UID and RECURRENCE-ID, and the file's name. */
  imported: { key: string; from: string | null } | null;
}

/** A made week: its ISO week and the template it was made from. */
export interface StoredWeek {
  id: string;
  week: string;
  templateId: string | null;
}

type TemplateBlockRow = Selectable<PlannerTemplateBlockTable> & { activity_name: string | null };
type WeekBlockRow = Selectable<PlannerWeekBlockTable> & { activity_name: string | null };

const toTemplateBlock = (row: TemplateBlockRow): TemplateBlock => ({
  id: row.id,
  weekday: oneOf<Weekday>(weekdays, row.weekday) ?? 'mon',
  start: row.start_time,
  end: row.end_time,
  activityId: row.activity_id,
  activity: row.activity_name,
  kind: oneOf<BlockKind>(blockKinds, row.kind),
  note: row.note,
  recurrence: {
    every: row.every_weeks,
    from: row.from_date,
    until: row.until_date,
    except: row.except_dates === '' ? [] : row.except_dates.split(','),
  },
});

const toTemplate = (row: Selectable<PlannerTemplateTable>, blocks: TemplateBlock[]): WeekTemplate => ({
  id: row.id,
  name: row.name,
  description: row.description,
  active: Number(row.active) === 1,
  blocks,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const toWeekBlock = (row: WeekBlockRow): StoredWeekBlock => ({
  id: row.id,
  weekId: row.week_id,
  templateBlockId: row.template_block_id,
  date: row.date,
  start: row.start_time,
  end: row.end_time,
  activityId: row.activity_id,
  activity: row.activity_name,
  kind: oneOf<BlockKind>(blockKinds, row.kind),
  note: row.note,
  skipped: Number(row.skipped) === 1,
  feedUid: row.feed_uid ?? row.id,
  imported: row.imported_key === null ? null : { key: row.imported_key, from: row.imported_from },
});

const toRock = (row: Selectable<PlannerRockTable>): BigRock => ({
  id: row.id,
  date: row.date,
  title: row.title,
  goalId: row.goal_id,
  activityId: row.activity_id,
  estimateMinutes: row.estimate_minutes === null ? null : Number(row.estimate_minutes),
  status: oneOf<RockStatus>(rockStatuses, row.status) ?? 'open',
  carryReason: row.carry_reason,
  carriedTo: row.carried_to,
  doneAt: row.done_at,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const templateBlockRow = (
  workspaceId: string,
  templateId: string,
  block: TemplateBlock,
  createdAt: string,
): PlannerTemplateBlockTable => ({
  id: block.id,
  workspace_id: workspaceId,
  template_id: templateId,
  weekday: block.weekday,
  start_time: block.start,
  end_time: block.end,
  activity_id: block.activityId,
  kind: block.kind,
  note: block.note,
  every_weeks: block.recurrence.every,
  from_date: block.recurrence.from,
  until_date: block.recurrence.until,
  except_dates: block.recurrence.except.join(','),
  created_at: createdAt,
});

const weekBlockRow = (workspaceId: string, block: StoredWeekBlock, now: string): PlannerWeekBlockTable => ({
  id: block.id,
  workspace_id: workspaceId,
  week_id: block.weekId,
  template_block_id: block.templateBlockId,
  date: block.date,
  start_time: block.start,
  end_time: block.end,
  activity_id: block.activityId,
  kind: block.kind,
  note: block.note,
  skipped: block.skipped ? 1 : 0,
  created_at: now,
  updated_at: now,
  sequence: 0,
  feed_uid: block.feedUid === block.id ? null : block.feedUid,
  imported_key: block.imported?.key ?? null,
  imported_from: block.imported?.from ?? null,
});

const rockRow = (workspaceId: string, rock: BigRock): PlannerRockTable => ({
  id: rock.id,
  workspace_id: workspaceId,
  date: rock.date,
  title: rock.title,
  goal_id: rock.goalId,
  activity_id: rock.activityId,
  estimate_minutes: rock.estimateMinutes,
  status: rock.status,
  carry_reason: rock.carryReason,
  carried_to: rock.carriedTo,
  done_at: rock.doneAt,
  created_at: rock.createdAt,
  updated_at: rock.updatedAt,
  sequence: 0,
});

/** The storage of the planner: templates and their blocks, made weeks and their blocks, big rocks. */
export function createPlannerRepository(db: Kysely<Database>) {
  async function blocksOf(workspaceId: string, templateIds: readonly string[]): Promise<TemplateBlock[][]> {
    if (templateIds.length === 0) return [];
    const rows = await db
      .selectFrom('planner_template_blocks as b')
      .leftJoin('activities as a', 'a.id', 'b.activity_id')
      .selectAll('b')
      .select('a.name as activity_name')
      .where('b.workspace_id', '=', workspaceId)
      .where('b.template_id', 'in', templateIds)
      .orderBy('b.created_at')
      .orderBy('b.id')
      .execute();
    return templateIds.map((id) => rows.filter((row) => row.template_id === id).map(toTemplateBlock));
  }

  async function withBlocks(workspaceId: string, rows: Selectable<PlannerTemplateTable>[]): Promise<WeekTemplate[]> {
    const blocks = await blocksOf(
      workspaceId,
      rows.map(({ id }) => id),
    );
    return rows.map((row, index) => toTemplate(row, blocks[index] ?? []));
  }

  const weekBlocks = (workspaceId: string) =>
    db
      .selectFrom('planner_week_blocks as b')
      .leftJoin('activities as a', 'a.id', 'b.activity_id')
      .selectAll('b')
      .select('a.name as activity_name')
      .where('b.workspace_id', '=', workspaceId);

  return {
    async listTemplates(workspaceId: string): Promise<WeekTemplate[]> {
      const rows = await db
        .selectFrom('planner_templates')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('name')
        .execute();
      return withBlocks(workspaceId, rows);
    },

    /** A stored template by id or by name (any case). */
    async findTemplate(workspaceId: string, ref: string): Promise<WeekTemplate | undefined> {
      const rows = await db
        .selectFrom('planner_templates')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where((eb) => eb.or([eb('id', '=', ref), eb(eb.fn('lower', ['name']), '=', ref.trim().toLowerCase())]))
        .execute();
      const [template] = await withBlocks(workspaceId, rows.slice(0, 1));
      return template;
    },

    async activeTemplate(workspaceId: string): Promise<WeekTemplate | undefined> {
      const rows = await db
        .selectFrom('planner_templates')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('active', '=', 1)
        .execute();
      const [template] = await withBlocks(workspaceId, rows.slice(0, 1));
      return template;
    },

    /** Stores a template with its blocks; it becomes the active one when it says so. */
    async insertTemplate(workspaceId: string, template: WeekTemplate): Promise<void> {
      await db.transaction().execute(async (trx) => {
        if (template.active)
          await trx
            .updateTable('planner_templates')
            .set({ active: 0 })
            .where('workspace_id', '=', workspaceId)
            .execute();
        await trx
          .insertInto('planner_templates')
          .values({
            id: template.id,
            workspace_id: workspaceId,
            name: template.name,
            description: template.description,
            active: template.active ? 1 : 0,
            created_at: template.createdAt,
            updated_at: template.updatedAt,
          })
          .execute();
        if (template.blocks.length > 0)
          await trx
            .insertInto('planner_template_blocks')
            .values(
              template.blocks.map((block) => templateBlockRow(workspaceId, template.id, block, template.createdAt)),
            )
            .execute();
      });
    },

    async setActive(workspaceId: string, templateId: string, updatedAt: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('planner_templates').set({ active: 0 }).where('workspace_id', '=', workspaceId).execute();
        await trx
          .updateTable('planner_templates')
          .set({ active: 1, updated_at: updatedAt })
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', templateId)
          .execute();
      });
    },

    async insertTemplateBlock(
      workspaceId: string,
      templateId: string,
      block: TemplateBlock,
      now: string,
    ): Promise<void> {
      await db
        .insertInto('planner_template_blocks')
        .values(templateBlockRow(workspaceId, templateId, block, now))
        .execute();
    },

    async findWeek(workspaceId: string, week: string): Promise<StoredWeek | undefined> {
      const row = await db
        .selectFrom('planner_weeks')
        .select(['id', 'week', 'template_id'])
        .where('workspace_id', '=', workspaceId)
        .where('week', '=', week)
        .executeTakeFirst();
      return row && { id: row.id, week: row.week, templateId: row.template_id };
    },

    /**
     * Makes a week with its blocks, or, with `replace`, makes it anew (a template applied again).
     * When another request made the week meanwhile, that week stands and is returned.
     */
    async makeWeek(
      workspaceId: string,
      week: StoredWeek,
      blocks: readonly StoredWeekBlock[],
      now: string,
      options: { replace?: boolean } = {},
    ): Promise<StoredWeek> {
      try {
        return await db.transaction().execute(async (trx) => {
          const existing = await trx
            .selectFrom('planner_weeks')
            .select(['id'])
            .where('workspace_id', '=', workspaceId)
            .where('week', '=', week.week)
            .executeTakeFirst();
          // A week made anew publishes its blocks under the same UIDs: each goes on counting its changes.
          const sequences = new Map<string, number>();
          let imported: Selectable<PlannerWeekBlockTable>[] = [];
          if (existing !== undefined && options.replace) {
            const old = await trx
              .selectFrom('planner_week_blocks')
              .select(['id', 'feed_uid', 'sequence'])
              .where('week_id', '=', existing.id)
              .execute();
            for (const row of old) sequences.set(row.feed_uid ?? row.id, Number(row.sequence));
            // Busy time imported from a calendar is not the template's: it stays in the week made anew.
            imported = await trx
              .selectFrom('planner_week_blocks')
              .selectAll()
              .where('week_id', '=', existing.id)
              .where('imported_key', 'is not', null)
              .execute();
            await trx.deleteFrom('planner_weeks').where('id', '=', existing.id).execute();
          }
          await trx
            .insertInto('planner_weeks')
            .values({
              id: week.id,
              workspace_id: workspaceId,
              week: week.week,
              template_id: week.templateId,
              created_at: now,
            })
            .execute();
          if (blocks.length > 0)
            await trx
              .insertInto('planner_week_blocks')
              .values(
                blocks.map((block) => {
                  const row = weekBlockRow(workspaceId, { ...block, weekId: week.id }, now);
                  const before = sequences.get(block.feedUid);
                  return before === undefined ? row : { ...row, sequence: before + 1 };
                }),
              )
              .execute();
          if (imported.length > 0)
            await trx
              .insertInto('planner_week_blocks')
              .values(imported.map((row) => ({ ...row, week_id: week.id })))
              .execute();
          return week;
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const made = await this.findWeek(workspaceId, week.week);
        if (made === undefined) throw error;
        return made;
      }
    },

    async listWeekBlocks(workspaceId: string, weekId: string): Promise<StoredWeekBlock[]> {
      const rows = await weekBlocks(workspaceId)
        .where('b.week_id', '=', weekId)
        .orderBy('b.date')
        .orderBy('b.start_time')
        .orderBy('b.id')
        .execute();
      return rows.map(toWeekBlock);
    },

    async findWeekBlock(workspaceId: string, id: string): Promise<StoredWeekBlock | undefined> {
      const row = await weekBlocks(workspaceId).where('b.id', '=', id).executeTakeFirst();
      return row && toWeekBlock(row);
    },

    async findWeekBlockFrom(
      workspaceId: string,
      weekId: string,
      templateBlockId: string,
      date: CalendarDate,
    ): Promise<StoredWeekBlock | undefined> {
      const row = await weekBlocks(workspaceId)
        .where('b.week_id', '=', weekId)
        .where('b.template_block_id', '=', templateBlockId)
        .where('b.date', '=', date)
        .executeTakeFirst();
      return row && toWeekBlock(row);
    },

    async insertWeekBlock(workspaceId: string, block: StoredWeekBlock, now: string): Promise<void> {
      await db
        .insertInto('planner_week_blocks')
        .values(weekBlockRow(workspaceId, block, now))
        .execute();
    },

    async updateWeekBlock(workspaceId: string, block: StoredWeekBlock, now: string): Promise<void> {
      const {
        id: _id,
        created_at: _created,
        workspace_id: _workspace,
        sequence: _sequence,
        ...values
      } = weekBlockRow(workspaceId, block, now);
      await db
        .updateTable('planner_week_blocks')
        .set((eb) => ({ ...values, sequence: eb('sequence', '+', 1) }))
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', block.id)
        .execute();
    },

    async deleteWeekBlock(workspaceId: string, id: string): Promise<void> {
      await db.deleteFrom('planner_week_blocks').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
    },

    /**
     * The blocks of made weeks from one day to another, both included, as the feed publishes
     * them: with their week, change count and last change.
     */
    async feedBlocks(
      workspaceId: string,
      from: CalendarDate,
      to: CalendarDate,
    ): Promise<Array<StoredWeekBlock & { week: string; sequence: number; updatedAt: string }>> {
      const rows = await weekBlocks(workspaceId)
        .innerJoin('planner_weeks as w', 'w.id', 'b.week_id')
        .select('w.week as week')
        .where('b.date', '>=', from)
        .where('b.date', '<=', to)
        .execute();
      return rows.map((row) => ({
        ...toWeekBlock(row),
        week: row.week,
        sequence: Number(row.sequence),
        updatedAt: row.updated_at,
      }));
    },

    /** Which of these ISO weeks are made (and so belong to themselves). */
    async madeWeeks(workspaceId: string, weeks: readonly string[]): Promise<Set<string>> {
      if (weeks.length === 0) return new Set();
      const rows = await db
        .selectFrom('planner_weeks')
        .select('week')
        .where('workspace_id', '=', workspaceId)
        .where('week', 'in', weeks)
        .execute();
      return new Set(rows.map(({ week }) => week));
    },

    /** Big rocks from one day to another with their change count, as the feed publishes them. */
    async feedRocks(
      workspaceId: string,
      from: CalendarDate,
      to: CalendarDate,
    ): Promise<Array<BigRock & { sequence: number }>> {
      const rows = await db
        .selectFrom('planner_rocks')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('date', '>=', from)
        .where('date', '<=', to)
        .execute();
      return rows.map((row) => ({ ...toRock(row), sequence: Number(row.sequence) }));
    },

    /** The block an imported occurrence became, by its event's UID and RECURRENCE-ID. */
    async findImportedBlock(
      workspaceId: string,
      key: string,
    ): Promise<(StoredWeekBlock & { week: string }) | undefined> {
      const row = await weekBlocks(workspaceId)
        .innerJoin('planner_weeks as w', 'w.id', 'b.week_id')
        .select('w.week as week')
        .where('b.imported_key', '=', key)
        .executeTakeFirst();
      return row && { ...toWeekBlock(row), week: row.week };
    },

    /** Big rocks from one day to another, both included, in date order. */
    async listRocks(workspaceId: string, from: CalendarDate, to: CalendarDate): Promise<BigRock[]> {
      const rows = await db
        .selectFrom('planner_rocks')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('date', '>=', from)
        .where('date', '<=', to)
        .orderBy('date')
        .execute();
      return rows.map(toRock);
    },

    /** The open rocks of the days before `date`: what the carry-over rule looks at. */
    async openRocksBefore(workspaceId: string, date: CalendarDate): Promise<BigRock[]> {
      const rows = await db
        .selectFrom('planner_rocks')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('date', '<', date)
        .where('status', '=', 'open')
        .orderBy('date', 'desc')
        .limit(1)
        .execute();
      return rows.map(toRock);
    },

    async findRockOn(workspaceId: string, date: CalendarDate): Promise<BigRock | undefined> {
      const row = await db
        .selectFrom('planner_rocks')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('date', '=', date)
        .executeTakeFirst();
      return row && toRock(row);
    },

    /** Saves rocks (new or changed) in one transaction: a carry-over writes two. */
    async saveRocks(workspaceId: string, rocks: ReadonlyArray<{ rock: BigRock; isNew: boolean }>): Promise<void> {
      await db.transaction().execute(async (trx) => {
        for (const { rock, isNew } of rocks) {
          const row = rockRow(workspaceId, rock);
          if (isNew) {
            await trx.insertInto('planner_rocks').values(row).execute();
          } else {
            const { id: _id, workspace_id: _workspace, created_at: _created, sequence: _sequence, ...values } = row;
            await trx
              .updateTable('planner_rocks')
              .set((eb) => ({ ...values, sequence: eb('sequence', '+', 1) }))
              .where('workspace_id', '=', workspaceId)
              .where('id', '=', rock.id)
              .execute();
          }
        }
      });
    },
  };
}

export type PlannerRepository = ReturnType<typeof createPlannerRepository>;
