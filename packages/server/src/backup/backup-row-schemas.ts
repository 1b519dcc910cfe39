import { createHash } from 'node:crypto';

import {
  altTextSchema,
  base64ByteLength,
  MAX_IMAGE_BYTES,
  postImageTypes,
  sniffImageType,
  deliveryStatuses,
  MAX_POST_TEXT,
  postingSlotsSchema,
  postOverridesSchema,
  activityClasses,
  activityNameKey,
  channelMappingInputSchema,
  channelNameSchema,
  activityCountSchema,
  activityFieldsSchema,
  aggregates,
  billableRateSchema,
  blockKinds,
  boundedNumber,
  calendarDateSchema,
  checkBlockShape,
  clockTimeSchema,
  endTimeSchema,
  estimateMinutesSchema,
  focusStatuses,
  focusTargets,
  interruptionKinds,
  MAX_FOCUS_MINUTES,
  everyWeeksSchema,
  isoWeekSchema,
  checkOutcomeAmount,
  checkRate,
  checkWholeTarget,
  conversionSchema,
  currencyCodeSchema,
  directions,
  entryActivitySchema,
  entryClientSchema,
  entryProjectSchema,
  entrySources,
  funnelFieldsSchema,
  goalFieldsSchema,
  goalLevels,
  goalValueSchema,
  idSchema,
  isSupportedInstant,
  type IssueSink,
  MAX_TAGS,
  noteSchema,
  outcomeAmountSchema,
  outcomeKinds,
  publishingNetworks,
  ratePeriods,
  rockStatuses,
  setRockSchema,
  tagSchema,
  textSchema,
  weekdays,
  automationMonthlySchema,
  automationOnceSchema,
  energies,
  outsourceRateSchema,
  overrideReasonSchema,
  triageActionSchema,
  triageHoursSchema,
  triageTaskNameSchema,
  createRuleSchema,
  ruleTriggerSchema,
} from '@bigrock/core';
import { z } from 'zod';

import type { Database } from '../db/database.js';
import { readStoredGoalSource } from '../goals/stored-goal-source.js';

/**
 * The rows of a backup are checked with the constraints of the API: each column with the field
 * schema of core that the API takes it with, in the form the table stores it (comma-separated
 * lists, epoch milliseconds, ISO instants), and the checks across fields that the services make.
 */

/** An instant as Bigrock stores it: `Date.prototype.toISOString()`, from 1900 to 2999. */
const storedInstant = textSchema.refine(
  (text) => {
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(text)) return false;
    const ms = Date.parse(text);
    return isSupportedInstant(ms) && new Date(ms).toISOString() === text;
  },
  { message: 'must be an instant in UTC written 2026-03-02T09:30:00.000Z, from 1900 to 2999' },
);

/** Epoch milliseconds, whole, on a day from 1900 to 2999. */
const storedEpochMs = z
  .number({ error: 'must be a whole number of milliseconds since 1970 (an instant from 1900 to 2999)' })
  .int({ message: 'must be a whole number of milliseconds since 1970 (an instant from 1900 to 2999)' })
  .refine(isSupportedInstant, { message: 'must be an instant from 1900 to 2999, in milliseconds since 1970' });

/** A list stored as comma-separated text, each item checked with `item`. */
const commaList = (item: z.ZodType, options: { min?: number; max: number }) =>
  textSchema.superRefine((text, context) => {
    const items = text === '' ? [] : text.split(',');
    if (items.length < (options.min ?? 0) || items.length > options.max)
      context.addIssue({
        code: 'custom',
        message: `must list ${options.min ?? 0} to ${options.max} items separated by commas`,
      });
    for (const value of items) {
      const result = item.safeParse(value);
      if (!result.success)
        context.addIssue({
          code: 'custom',
          message: `"${value}": ${result.error.issues[0]?.message ?? 'is not valid'}`,
        });
    }
  });
const weekdayList = (min: number) => commaList(z.enum(weekdays), { min, max: 7 });

/** The changes counted on a block or rock (the calendar feed's SEQUENCE). */
const storedSequence = z.number().int().min(0).max(2_147_483_647);

/** A flag stored as an integer: 0 or 1. */
const storedFlag = z.union([z.literal(0), z.literal(1)], { error: 'must be 0 or 1' });

/** A planner block's times and contents, checked across columns as the API checks them. */
const checkStoredBlock = (row: Row, context: IssueSink) =>
  checkBlockShape(
    {
      activity: text(row, 'activity_id'),
      kind: text(row, 'kind'),
      start: text(row, 'start_time') ?? undefined,
      end: text(row, 'end_time') ?? undefined,
    },
    {
      addIssue: (issue) =>
        context.addIssue({
          ...issue,
          path: issue.path.map(
            (key) => ({ activity: 'activity_id', start: 'start_time', end: 'end_time' })[String(key)] ?? key,
          ),
        }),
    },
  );

const goal = goalFieldsSchema.shape;
const activity = activityFieldsSchema.shape;
const funnel = funnelFieldsSchema.shape;

/** The tables of a workspace, each as one row of a backup holds it. */
// goal_days is derived from data_points (refolded after a restore), so it is not backed up;
// deleted_items is the undo buffer, emptied by a restore; the time rollups are derived from
// time_entries (rebuilt by a restore).
export type WorkspaceTableName = Exclude<
  keyof Database,
  | 'workspaces'
  | 'settings'
  | 'goal_days'
  | 'deleted_items'
  | 'time_rollup_days'
  | 'time_rollup_hours'
  // What a rule's runs leave behind hangs off the rule (no workspace_id): not backed up.
  | 'rule_state'
  | 'rule_seen_items'
  | 'rule_hook_ids'
  | 'rule_runs'
>;

type Row = Record<string, unknown>;

/** How a restore checks one table's rows. */
export interface BackupRowSchema {
  /** Every column, with the schema of the field the API takes it with. */
  columns: Record<string, z.ZodType>;
  /** The checks across columns that the services make (dates in order, a rate with its period…). */
  check?(row: Row, context: IssueSink): void;
}

const text = (row: Row, column: string) => (typeof row[column] === 'string' ? row[column] : null);
const number = (row: Row, column: string) => (typeof row[column] === 'number' ? row[column] : null);

/** Adds the issue of a pair of dates out of order. */
function inOrder(context: IssueSink, row: Row, first: string, last: string, strictly: boolean): void {
  const from = text(row, first);
  const to = text(row, last);
  if (from && to && (strictly ? to <= from : to < from))
    context.addIssue({
      code: 'custom',
      path: [last],
      message: `must be ${strictly ? 'after' : 'on or after'} ${from}`,
    });
}

export const backupRowSchemas: Record<WorkspaceTableName, BackupRowSchema> = {
  goals: {
    columns: {
      id: idSchema,
      title: goal.title,
      level: z.enum(goalLevels).nullable().optional(),
      unit: goal.unit,
      aggregate: z.enum(aggregates),
      direction: z.enum(directions),
      baseline: goalValueSchema,
      target: goalValueSchema.nullable().optional(),
      start_date: calendarDateSchema.nullable().optional(),
      deadline: calendarDateSchema.nullable().optional(),
      why: goal.why,
      parent_id: idSchema.nullable().optional(),
      systems: goal.systems,
      owner: goal.owner,
      partner: goal.partner,
      tracking_source: textSchema.refine((text) => readStoredGoalSource(text) !== null, {
        message: 'must be a goal source as Bigrock stores it (JSON such as {"kind":"manual"}) or an old label',
      }),
      hours_per_week: goal.hoursPerWeek,
      days_off: weekdayList(0),
      archived_at: storedInstant.nullable().optional(),
      created_at: storedInstant,
      updated_at: storedInstant,
    },
    check: (row, context) => inOrder(context, row, 'start_date', 'deadline', true),
  },
  data_points: {
    columns: {
      id: idSchema,
      goal_id: idSchema,
      date: calendarDateSchema,
      value: goalValueSchema,
      note: noteOf(500),
      created_at: storedInstant,
    },
  },
  activities: {
    columns: {
      id: idSchema,
      name: activity.name,
      unit: textSchema
        .trim()
        .min(1, { message: 'must not be empty' })
        .max(40, { message: 'must be at most 40 characters' }),
      rate: activity.rate,
      rate_period: z.enum(ratePeriods).nullable().optional(),
      minutes_per_unit: activity.minutesPerUnit,
      workdays: weekdayList(1),
      activity_class: z.enum(activityClasses),
      start_date: calendarDateSchema,
      created_at: storedInstant,
      updated_at: storedInstant,
    },
    check: (row, context) =>
      checkRate(
        { rate: number(row, 'rate'), ratePeriod: text(row, 'rate_period') },
        {
          addIssue: (issue) =>
            context.addIssue({ ...issue, path: issue.path.map((key) => (key === 'ratePeriod' ? 'rate_period' : key)) }),
        },
      ),
  },
  activity_goals: { columns: { activity_id: idSchema, goal_id: idSchema } },
  activity_logs: {
    columns: {
      id: idSchema,
      activity_id: idSchema,
      date: calendarDateSchema,
      count: activityCountSchema,
      note: noteOf(500),
      created_at: storedInstant,
    },
  },
  activity_breaks: {
    columns: {
      id: idSchema,
      activity_id: idSchema,
      start_date: calendarDateSchema,
      end_date: calendarDateSchema,
      note: noteOf(500),
      created_at: storedInstant,
    },
    check: (row, context) => inOrder(context, row, 'start_date', 'end_date', false),
  },
  funnels: {
    columns: {
      id: idSchema,
      name: funnel.name,
      goal_id: idSchema.nullable().optional(),
      target: funnel.target,
      unit: funnel.unit,
      value_per_unit: funnel.valuePerUnit,
      start_date: calendarDateSchema.nullable().optional(),
      deadline: calendarDateSchema.nullable().optional(),
      hours_per_week: funnel.hoursPerWeek,
      workdays_per_week: funnel.workdaysPerWeek,
      created_at: storedInstant,
      updated_at: storedInstant,
    },
    check: (row, context) => {
      inOrder(context, row, 'start_date', 'deadline', true);
      checkWholeTarget({ target: number(row, 'target'), valuePerUnit: number(row, 'value_per_unit') }, context, [
        'target',
      ]);
    },
  },
  funnel_stages: {
    columns: {
      funnel_id: idSchema,
      position: z
        .number({ error: 'must be a whole number from 0 to 7' })
        .int({ message: 'must be a whole number from 0 to 7' })
        .min(0, { message: 'must be a whole number from 0 to 7' })
        .max(7, { message: 'must be a whole number from 0 to 7' }),
      activity_id: idSchema,
      conversion_guess: conversionSchema.nullable().optional(),
    },
  },
  time_entries: {
    columns: {
      id: idSchema,
      activity: entryActivitySchema,
      start_ms: storedEpochMs,
      end_ms: storedEpochMs.nullable().optional(),
      tags: commaList(tagSchema, { max: MAX_TAGS }),
      note: noteSchema,
      source: z.enum(entrySources),
      source_id: textSchema.max(500, { message: 'must be at most 500 characters' }).nullable().optional(),
      source_hash: textSchema.max(200, { message: 'must be at most 200 characters' }).nullable().optional(),
      created_at: storedInstant,
      updated_at: storedInstant,
      // Since 0008; a backup made before has none of these columns, and restores without them.
      client: entryClientSchema,
      project: entryProjectSchema,
      billable: z.union([z.literal(0), z.literal(1)], { error: 'must be 0 (not billable) or 1 (billable)' }).optional(),
      rate: billableRateSchema.nullable().optional(),
      rate_currency: currencyCodeSchema.nullable().optional(),
    },
    check: (row, context) => {
      const start = number(row, 'start_ms');
      const end = number(row, 'end_ms');
      if (start !== null && end !== null && end < start)
        context.addIssue({ code: 'custom', path: ['end_ms'], message: 'must not come before start_ms' });
      if (typeof row.rate_currency === 'string' && number(row, 'rate') === null)
        context.addIssue({ code: 'custom', path: ['rate_currency'], message: 'must come with a rate' });
    },
  },
  outcomes: {
    columns: {
      id: idSchema,
      kind: z.enum(outcomeKinds),
      amount: outcomeAmountSchema,
      currency: currencyCodeSchema.nullable().optional(),
      date: calendarDateSchema,
      activity: noteOf(200),
      channel: noteOf(100),
      note: noteSchema,
      created_at: storedInstant,
      updated_at: storedInstant,
    },
    check: (row, context) => {
      const kind = text(row, 'kind');
      const hasCurrency = row.currency !== null && row.currency !== undefined;
      if (kind === 'revenue' && !hasCurrency)
        context.addIssue({ code: 'custom', path: ['currency'], message: 'must be given for revenue, such as USD' });
      if (kind !== 'revenue' && hasCurrency)
        context.addIssue({
          code: 'custom',
          path: ['currency'],
          message: `must be null: a ${kind ?? 'row'} is counted`,
        });
      const amount = number(row, 'amount');
      if ((kind === 'client' || kind === 'lead') && amount !== null) checkOutcomeAmount({ kind, amount }, context);
    },
  },
  planner_templates: {
    columns: {
      id: idSchema,
      name: textSchema
        .trim()
        .min(1, { message: 'must not be empty' })
        .max(80, { message: 'must be at most 80 characters' }),
      description: noteOf(500),
      active: storedFlag,
      created_at: storedInstant,
      updated_at: storedInstant,
    },
  },
  planner_template_blocks: {
    columns: {
      id: idSchema,
      template_id: idSchema,
      weekday: z.enum(weekdays),
      start_time: clockTimeSchema,
      end_time: endTimeSchema,
      activity_id: idSchema.nullable().optional(),
      kind: z.enum(blockKinds).nullable().optional(),
      note: noteOf(500),
      every_weeks: everyWeeksSchema,
      from_date: calendarDateSchema,
      until_date: calendarDateSchema.nullable().optional(),
      except_dates: commaList(calendarDateSchema, { max: 100 }),
      created_at: storedInstant,
    },
    check: (row, context) => {
      checkStoredBlock(row, context);
      inOrder(context, row, 'from_date', 'until_date', false);
    },
  },
  planner_weeks: {
    columns: {
      id: idSchema,
      week: isoWeekSchema,
      template_id: idSchema.nullable().optional(),
      created_at: storedInstant,
    },
  },
  planner_week_blocks: {
    columns: {
      id: idSchema,
      week_id: idSchema,
      template_block_id: idSchema.nullable().optional(),
      date: calendarDateSchema,
      start_time: clockTimeSchema,
      end_time: endTimeSchema,
      activity_id: idSchema.nullable().optional(),
      kind: z.enum(blockKinds).nullable().optional(),
      note: noteOf(500),
      skipped: storedFlag,
      created_at: storedInstant,
      updated_at: storedInstant,
      // Migration 0015: a backup made before it has none of these.
      sequence: storedSequence.optional(),
      feed_uid: idSchema.nullable().optional(),
      imported_key: textSchema.max(1000).nullable().optional(),
      imported_from: textSchema.max(200).nullable().optional(),
    },
    check: checkStoredBlock,
  },
  planner_rocks: {
    columns: {
      id: idSchema,
      date: calendarDateSchema,
      title: setRockSchema.shape.title,
      goal_id: idSchema.nullable().optional(),
      activity_id: idSchema.nullable().optional(),
      estimate_minutes: estimateMinutesSchema.nullable().optional(),
      status: z.enum(rockStatuses),
      carry_reason: noteOf(500),
      carried_to: calendarDateSchema.nullable().optional(),
      done_at: storedInstant.nullable().optional(),
      created_at: storedInstant,
      updated_at: storedInstant,
      sequence: storedSequence.optional(),
    },
  },
  focus_sessions: {
    columns: {
      id: idSchema,
      target: z.enum(focusTargets),
      activity: entryActivitySchema,
      title: textSchema
        .min(1, { message: 'must not be empty' })
        .max(500, { message: 'must be at most 500 characters' }),
      rock_id: idSchema.nullable().optional(),
      block_id: idSchema.nullable().optional(),
      date: calendarDateSchema.nullable().optional(),
      planned_seconds: boundedNumber({ min: 60, max: MAX_FOCUS_MINUTES * 60, whole: true, note: '(seconds)' }),
      status: z.enum(focusStatuses),
      started_at: storedInstant,
      ended_at: storedInstant.nullable().optional(),
      abandon_reason: noteOf(500),
      created_at: storedInstant,
      updated_at: storedInstant,
    },
    check(row, context) {
      const open = row.ended_at === null || row.ended_at === undefined;
      const ended = row.status === 'done' || row.status === 'abandoned';
      if (open === ended)
        context.addIssue({
          code: 'custom',
          path: ['ended_at'],
          message: ended ? 'must be set for an ended session' : 'must be null while the session is open',
        });
      if (row.status === 'abandoned' && (row.abandon_reason === null || row.abandon_reason === undefined))
        context.addIssue({
          code: 'custom',
          path: ['abandon_reason'],
          message: 'must say why the session was abandoned',
        });
    },
  },
  focus_interruptions: {
    columns: {
      id: idSchema,
      session_id: idSchema,
      kind: z.enum(interruptionKinds),
      note: noteOf(500),
      at: storedInstant,
      created_at: storedInstant,
    },
  },
  notification_settings: {
    columns: {
      digest_time: clockTimeSchema.nullable().optional(),
      quiet_start: clockTimeSchema.nullable().optional(),
      quiet_end: clockTimeSchema.nullable().optional(),
      updated_at: storedInstant,
    },
    check: (row, context) => {
      const start = row.quiet_start ?? null;
      const end = row.quiet_end ?? null;
      if ((start === null) !== (end === null))
        context.addIssue({
          code: 'custom',
          path: ['quiet_end'],
          message: 'must be given with quiet_start, or both null',
        });
      else if (start !== null && start === end)
        context.addIssue({ code: 'custom', path: ['quiet_end'], message: 'must differ from quiet_start' });
    },
  },
  triage_tasks: {
    columns: {
      id: idSchema,
      name: triageTaskNameSchema,
      activity: activityFieldsSchema.shape.name.nullable().optional(),
      hours_per_week: triageHoursSchema.nullable().optional(),
      energy: z.enum(energies),
      produces_income: storedFlag,
      needed: storedFlag,
      only_me: storedFlag,
      outsource_rate: outsourceRateSchema.nullable().optional(),
      automation_once: automationOnceSchema.nullable().optional(),
      automation_monthly: automationMonthlySchema.nullable().optional(),
      review_hours_per_week: triageHoursSchema,
      override_action: triageActionSchema.nullable().optional(),
      override_reason: overrideReasonSchema.nullable().optional(),
      created_at: storedInstant,
      updated_at: storedInstant,
    },
    check(row, context) {
      if (row.activity == null && row.hours_per_week == null)
        context.addIssue({
          code: 'custom',
          path: ['hours_per_week'],
          message: 'give hours_per_week or activity: a task needs one of the two',
        });
      if ((row.override_action == null) !== (row.override_reason == null))
        context.addIssue({
          code: 'custom',
          path: ['override_reason'],
          message: 'an override needs both its action and its reason',
        });
    },
  },
  audit_channels: {
    columns: {
      id: idSchema,
      channel: channelNameSchema,
      channel_key: textSchema
        .min(1, { message: 'must not be empty' })
        .max(100, { message: 'must be at most 100 characters' }),
      activities: textSchema.refine(
        (text) => {
          try {
            return channelMappingInputSchema.shape.activities.safeParse(JSON.parse(text)).success;
          } catch {
            return false;
          }
        },
        { message: 'must be a JSON array of 1 to 50 activity names' },
      ),
      created_at: storedInstant,
      updated_at: storedInstant,
    },
    check: (row, context) => {
      const channel = text(row, 'channel');
      if (channel !== null && row.channel_key !== activityNameKey(channel))
        context.addIssue({
          code: 'custom',
          path: ['channel_key'],
          message: 'must be the channel in lower case, trimmed',
        });
    },
  },
  publishing_accounts: {
    columns: {
      id: idSchema,
      network: z.enum(publishingNetworks),
      name: textSchema.min(1).max(2000),
      url: textSchema.min(1).max(2000),
      remote_id: textSchema.min(1).max(2000),
      limits: textSchema.max(100_000).nullable().optional(),
      // A backup carries credentials only when asked to, in the clear after "plain:" (the restore
      // seals them with this Bigrock's key); otherwise null, and the account asks to be added again.
      credentials: textSchema
        .max(100_000)
        .regex(/^plain:/, { message: 'must be null, or credentials from a backup made with them ("plain:…")' })
        .nullable()
        .optional(),
      created_at: storedInstant,
      updated_at: storedInstant,
    },
  },
  posts: {
    columns: {
      id: idSchema,
      text: textSchema.min(1).max(MAX_POST_TEXT),
      overrides: storedJson(postOverridesSchema, 'must be JSON: { "mastodon"?: text, "bluesky"?: text }'),
      content_warning: noteOf(500),
      when_kind: z.enum(['queue', 'at', 'now']),
      scheduled_at: storedInstant,
      cancelled_at: storedInstant.nullable().optional(),
      created_at: storedInstant,
      updated_at: storedInstant,
    },
  },
  rules: {
    columns: {
      id: idSchema,
      name: createRuleSchema.shape.name,
      enabled: z.union([z.literal(0), z.literal(1)]),
      trigger: storedJson(ruleTriggerSchema, 'must be a rule trigger as JSON, as the API takes it'),
      filters: storedJson(
        createRuleSchema.shape.filters.unwrap(),
        'must be a list of rule filters as JSON, as the API takes it',
      ),
      actions: storedJson(
        createRuleSchema.shape.actions,
        'must be a list of rule actions as JSON, as the API takes it',
      ),
      // Like an account's credentials: null, or "plain:" and the secret when the backup was made with them.
      hook_secret: textSchema
        .max(1000)
        .regex(/^plain:/, { message: 'must be null, or the secret from a backup made with credentials ("plain:…")' })
        .nullable()
        .optional(),
      created_at: storedInstant,
      updated_at: storedInstant,
    },
  },
  post_deliveries: {
    columns: {
      id: idSchema,
      post_id: idSchema,
      account_id: idSchema,
      network: z.enum(publishingNetworks),
      status: z.enum(deliveryStatuses),
      scheduled_at: storedInstant,
      version: z.number().int().min(1),
      idempotency_key: textSchema.max(200).nullable().optional(),
      first_tried_at: storedInstant.nullable().optional(),
      tries: z.number().int().min(0),
      next_attempt_at: storedInstant.nullable().optional(),
      needs_reconcile: z.number().int().min(0).max(1),
      lease_token: textSchema.max(200).nullable().optional(),
      lease_until: storedInstant.nullable().optional(),
      remote_id: textSchema.max(2000).nullable().optional(),
      remote_url: textSchema.max(2000).nullable().optional(),
      reason: noteOf(5000),
      fix: noteOf(2000),
      updated_at: storedInstant,
    },
  },
  post_attempts: {
    columns: {
      id: idSchema,
      delivery_id: idSchema,
      number: z.number().int().min(1),
      idempotency_key: textSchema.min(1).max(200),
      started_at: storedInstant,
      ended_at: storedInstant.nullable().optional(),
      outcome: textSchema.max(50).nullable().optional(),
      reason: noteOf(5000),
    },
  },
  post_queues: {
    columns: {
      slots: storedJson(postingSlotsSchema, 'must be JSON: [{ "weekday": "mon", "time": "09:00" }]'),
      paused: z.number().int().min(0).max(1),
      grace_minutes: z.number().int().min(0).max(10_080),
      // Backups made before images had no such column: alt text is then required, the default.
      require_alt_text: z.number().int().min(0).max(1).optional(),
      updated_at: storedInstant,
    },
  },
  post_media: {
    columns: {
      id: idSchema,
      post_id: idSchema,
      position: z.number().int().min(0).max(3),
      mime_type: z.enum(postImageTypes),
      alt_text: altTextSchema,
      byte_size: z.number().int().min(1).max(MAX_IMAGE_BYTES),
      sha256: textSchema.regex(/^[0-9a-f]{64}$/, { message: 'must be a SHA-256 in 64 hex digits' }),
      // The bytes in base64 (see BINARY_COLUMNS in backup.service.ts).
      data: textSchema
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'must be the image in base64' })
        .refine((text) => text.length % 4 === 0 && base64ByteLength(text) <= MAX_IMAGE_BYTES, {
          message: `must be the image in base64, at most ${MAX_IMAGE_BYTES} bytes`,
        }),
      created_at: storedInstant,
    },
    check(row, context) {
      const data = text(row, 'data');
      if (data === null) return;
      const bytes = Buffer.from(data, 'base64');
      if (sniffImageType(bytes) !== row.mime_type)
        context.addIssue({ code: 'custom', path: ['data'], message: `must be an image of its mime_type` });
      else if (bytes.length !== row.byte_size)
        context.addIssue({ code: 'custom', path: ['byte_size'], message: `must be the image's size, ${bytes.length}` });
      else if (createHash('sha256').update(bytes).digest('hex') !== row.sha256)
        context.addIssue({ code: 'custom', path: ['sha256'], message: "must be the SHA-256 of the image's bytes" });
    },
  },
};

/** A JSON column whose value the API takes with `schema`; `message` says what it must be. */
function storedJson(schema: z.ZodType, message: string) {
  return textSchema.refine(
    (text) => {
      try {
        return schema.safeParse(JSON.parse(text)).success;
      } catch {
        return false;
      }
    },
    { message },
  );
}

/**
 * Checks rows against their table's schema: each column alone, then across columns. A value already
 * found valid in a column is not checked again (an import's rows share their instants, activity
 * and tags), which keeps the restore of a million entries within a few seconds of the writes.
 *
 * @example createRowValidator()('goals', { id: 'g1', title: '', … }) // { column: 'title', message: 'must not be empty: name the goal' }
 */
export function createRowValidator() {
  // Per table, its columns with their schemas and the values found valid so far: built once, so
  // that checking a row allocates next to nothing (a million rows make a lot of garbage otherwise).
  const compiled = new Map<WorkspaceTableName, Array<{ column: string; schema: z.ZodType; valid: Set<unknown> }>>();
  return function problemOf(table: WorkspaceTableName, row: Row): { column: string; message: string } | null {
    let columns = compiled.get(table);
    if (columns === undefined) {
      columns = Object.entries(backupRowSchemas[table].columns).map(([column, schema]) => ({
        column,
        schema,
        valid: new Set<unknown>(),
      }));
      compiled.set(table, columns);
    }
    for (const { column, schema, valid } of columns) {
      const value = row[column];
      if (valid.has(value)) continue;
      const result = schema.safeParse(value);
      if (!result.success)
        return {
          column,
          message:
            value === undefined ? 'is missing: give it a value' : (result.error.issues[0]?.message ?? 'is not valid'),
        };
      // Short texts and null repeat; ids and instants in milliseconds do not, and are not kept.
      if (value === null || (typeof value === 'string' && value.length <= 200 && column !== 'id')) {
        if (valid.size >= 10_000) valid.clear();
        valid.add(value);
      }
    }
    let problem: { column: string; message: string } | null = null;
    backupRowSchemas[table].check?.(row, {
      addIssue: ({ path, message }) => {
        problem ??= { column: String(path[0] ?? 'row'), message };
      },
    });
    return problem;
  };
}

function noteOf(max: number) {
  return textSchema
    .max(max, { message: `must be at most ${max} characters` })
    .nullable()
    .optional();
}

/**
 * The columns that refer to rows of another table of the workspace: a restore finds each one
 * earlier in the file (or, for a table's own rows, anywhere in it).
 */
export const backupReferences: Partial<Record<WorkspaceTableName, Record<string, WorkspaceTableName>>> = {
  goals: { parent_id: 'goals' },
  data_points: { goal_id: 'goals' },
  activity_goals: { activity_id: 'activities', goal_id: 'goals' },
  activity_logs: { activity_id: 'activities' },
  activity_breaks: { activity_id: 'activities' },
  funnels: { goal_id: 'goals' },
  funnel_stages: { funnel_id: 'funnels', activity_id: 'activities' },
  planner_template_blocks: { template_id: 'planner_templates', activity_id: 'activities' },
  planner_weeks: { template_id: 'planner_templates' },
  planner_week_blocks: { week_id: 'planner_weeks', activity_id: 'activities' },
  planner_rocks: { goal_id: 'goals', activity_id: 'activities' },
  focus_sessions: { rock_id: 'planner_rocks' },
  focus_interruptions: { session_id: 'focus_sessions' },
  post_deliveries: { post_id: 'posts' },
  post_attempts: { delivery_id: 'post_deliveries' },
  post_media: { post_id: 'posts' },
};

/**
 * What makes a row unique in its table besides its id (the unique indexes), as the restore checks
 * it; null when the row takes no part (an entry made here has no source id).
 */
export const backupUniqueKeys: Partial<
  Record<WorkspaceTableName, Array<{ what: string; key(row: Record<string, unknown>): string | null }>>
> = {
  activities: [{ what: 'name', key: (row) => String(row.name) }],
  funnels: [{ what: 'name', key: (row) => String(row.name) }],
  planner_templates: [{ what: 'name', key: (row) => String(row.name).toLowerCase() }],
  planner_weeks: [{ what: 'week', key: (row) => String(row.week) }],
  planner_rocks: [{ what: 'date', key: (row) => String(row.date) }],
  focus_sessions: [
    {
      what: 'ended_at null (an open focus session: there can be one)',
      key: (row) => (row.ended_at === null || row.ended_at === undefined ? 'open' : null),
    },
  ],
  audit_channels: [{ what: 'channel', key: (row) => String(row.channel_key) }],
  rules: [{ what: 'name', key: (row) => String(row.name) }],
  publishing_accounts: [
    { what: 'account', key: (row) => `${String(row.network)} ${String(row.url)} ${String(row.remote_id)}` },
  ],
  activity_goals: [
    { what: 'activity_id and goal_id', key: (row) => `${String(row.activity_id)}\u0000${String(row.goal_id)}` },
  ],
  funnel_stages: [
    { what: 'funnel_id and position', key: (row) => `${String(row.funnel_id)}\u0000${String(row.position)}` },
  ],
  time_entries: [
    {
      what: 'source and source_id',
      key: (row) =>
        row.source_id === null || row.source_id === undefined
          ? null
          : `${String(row.source)}\u0000${String(row.source_id)}`,
    },
    {
      what: 'end_ms null (a running timer: there can be one)',
      key: (row) => (row.end_ms === null || row.end_ms === undefined ? 'running' : null),
    },
  ],
};
