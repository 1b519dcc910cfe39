/** Instants are ISO 8601 UTC strings; calendar dates are YYYY-MM-DD: both sort as text. */
export interface WorkspaceTable {
  id: string;
  name: string;
  time_zone: string;
  created_at: string;
  /** JSON: the working hours per weekday (core's `WorkingHours`); migration 0009. */
  working_hours: string;
  /** JSON: the money settings (core's `MoneySettings`); '{}' reads as the defaults; migration 0012. */
  money_settings: string;
}

export interface SettingTable {
  key: string;
  value: string;
}

export interface GoalTable {
  id: string;
  workspace_id: string;
  title: string;
  level: string | null;
  unit: string | null;
  aggregate: string;
  direction: string;
  baseline: number;
  target: number | null;
  start_date: string | null;
  deadline: string | null;
  why: string | null;
  parent_id: string | null;
  systems: string | null;
  owner: string | null;
  partner: string | null;
  tracking_source: string;
  hours_per_week: number | null;
  /** Comma-separated weekdays: `sat,sun`. */
  days_off: string;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface DataPointTable {
  id: string;
  workspace_id: string;
  goal_id: string;
  date: string;
  value: number;
  note: string | null;
  created_at: string;
}

/**
 * A goal's data points folded in date order up to the end of a day that has some (core's
 * DayTotals), so that pace reads a few rows however many points there are. Derived from
 * data_points whenever they change (goals/goal-days.ts); not backed up: a restore refolds it.
 */
export interface GoalDayTable {
  goal_id: string;
  date: string;
  value_sum: number;
  point_count: number;
  value_max: number;
  last_value: number;
}

export interface ActivityTable {
  id: string;
  workspace_id: string;
  name: string;
  unit: string;
  rate: number | null;
  rate_period: string | null;
  minutes_per_unit: number | null;
  /** Comma-separated weekdays: `mon,tue,wed,thu,fri`. */
  workdays: string;
  activity_class: string;
  start_date: string;
  created_at: string;
  updated_at: string;
}

export interface ActivityGoalTable {
  workspace_id: string;
  activity_id: string;
  goal_id: string;
}

export interface ActivityLogTable {
  id: string;
  workspace_id: string;
  activity_id: string;
  date: string;
  count: number;
  note: string | null;
  created_at: string;
}

export interface ActivityBreakTable {
  id: string;
  workspace_id: string;
  activity_id: string;
  start_date: string;
  end_date: string;
  note: string | null;
  created_at: string;
}

export interface FunnelTable {
  id: string;
  workspace_id: string;
  name: string;
  goal_id: string | null;
  target: number | null;
  unit: string | null;
  value_per_unit: number | null;
  start_date: string | null;
  deadline: string | null;
  hours_per_week: number | null;
  workdays_per_week: number | null;
  created_at: string;
  updated_at: string;
}

export interface FunnelStageTable {
  workspace_id: string;
  funnel_id: string;
  position: number;
  activity_id: string;
  conversion_guess: number | null;
}

/** Instants as epoch milliseconds: `end_ms` is null while the timer runs. */
export interface TimeEntryTable {
  id: string;
  workspace_id: string;
  activity: string;
  start_ms: number;
  end_ms: number | null;
  /** Comma-separated tags. */
  tags: string;
  note: string | null;
  source: string;
  source_id: string | null;
  source_hash: string | null;
  created_at: string;
  updated_at: string;
  client: string | null;
  project: string | null;
  /** 0 or 1. */
  billable: number;
  /** Per hour, in rate_currency. */
  rate: number | null;
  rate_currency: string | null;
}

export interface OutcomeTable {
  id: string;
  workspace_id: string;
  kind: string;
  amount: number;
  currency: string | null;
  date: string;
  activity: string | null;
  channel: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}

/** A row moved aside by a delete, restorable for a day (undo/). */
export interface DeletedItemTable {
  id: string;
  workspace_id: string;
  /** core's DeletedKind. */
  kind: string;
  item_id: string;
  /** The row as it was, in JSON; null once restored or past the undo window. */
  row_json: string | null;
  deleted_at: string;
  restored_at: string | null;
}

/** A weekly template of the planner; `active` (0 or 1) marks the one new weeks are made from. */
export interface PlannerTemplateTable {
  id: string;
  workspace_id: string;
  name: string;
  description: string | null;
  active: number;
  created_at: string;
  updated_at: string;
}

/** A block of a template: local "HH:MM" times, and its recurrence (every N weeks from a day, until, except). */
export interface PlannerTemplateBlockTable {
  id: string;
  workspace_id: string;
  template_id: string;
  weekday: string;
  start_time: string;
  end_time: string;
  activity_id: string | null;
  kind: string | null;
  note: string | null;
  every_weeks: number;
  from_date: string;
  until_date: string | null;
  /** Comma-separated dates. */
  except_dates: string;
  created_at: string;
}

/** An ISO week made from a template: from then on its blocks are its own. */
export interface PlannerWeekTable {
  id: string;
  workspace_id: string;
  week: string;
  template_id: string | null;
  created_at: string;
}

export interface PlannerWeekBlockTable {
  id: string;
  workspace_id: string;
  week_id: string;
  template_block_id: string | null;
  date: string;
  start_time: string;
  end_time: string;
  activity_id: string | null;
  kind: string | null;
  note: string | null;
  /** 0 or 1. */
  skipped: number;
  created_at: string;
  updated_at: string;
  /** Changes counted, the feed's SEQUENCE (migration 0015). */
  sequence: number;
  /** The UID the feed publishes it under; null: its id. */
  feed_uid: string | null;
  /** Busy time imported from a calendar: the event's UID and RECURRENCE-ID, and the file's name. */
  imported_key: string | null;
  imported_from: string | null;
}

/** The big rock of a day: one a day. */
export interface PlannerRockTable {
  id: string;
  workspace_id: string;
  date: string;
  title: string;
  goal_id: string | null;
  activity_id: string | null;
  estimate_minutes: number | null;
  status: string;
  carry_reason: string | null;
  carried_to: string | null;
  done_at: string | null;
  created_at: string;
  updated_at: string;
  /** Changes counted, the feed's SEQUENCE (migration 0015). */
  sequence: number;
}

/** A focus session; its focused time is its time entries (source `focus`, source_id `<id>.<n>`). */
export interface FocusSessionTable {
  id: string;
  workspace_id: string;
  target: string;
  activity: string;
  title: string;
  rock_id: string | null;
  block_id: string | null;
  date: string | null;
  planned_seconds: number;
  /** running, paused, done or abandoned; ended_at is null while running or paused. */
  status: string;
  started_at: string;
  ended_at: string | null;
  abandon_reason: string | null;
  created_at: string;
  updated_at: string;
}

/** An interruption logged in a focus session: internal or external. */
export interface FocusInterruptionTable {
  id: string;
  workspace_id: string;
  session_id: string;
  kind: string;
  note: string | null;
  at: string;
  created_at: string;
}

/** What may interrupt the user (migration 0014): one row per workspace, none by default. */
export interface NotificationSettingTable {
  workspace_id: string;
  /** "HH:MM" on the workspace's clocks; null for no digest. */
  digest_time: string | null;
  quiet_start: string | null;
  quiet_end: string | null;
  updated_at: string;
}

/** A recurring task to triage (migration 0018). */
export interface TriageTaskTable {
  id: string;
  workspace_id: string;
  name: string;
  /** The activity, as time entries name it, whose tracked hours measure the task. */
  activity: string | null;
  /** The estimate. */
  hours_per_week: number | null;
  energy: string;
  /** 0 or 1, as are needed and only_me. */
  produces_income: number;
  needed: number;
  only_me: number;
  outsource_rate: number | null;
  automation_once: number | null;
  automation_monthly: number | null;
  review_hours_per_week: number;
  override_action: string | null;
  override_reason: string | null;
  created_at: string;
  updated_at: string;
}

/** A channel of the time audit and the activities that feed it (audit/). */
export interface AuditChannelTable {
  id: string;
  workspace_id: string;
  channel: string;
  /** activityNameKey(channel): one row per channel, whatever its case. */
  channel_key: string;
  /** JSON array of activity names. */
  activities: string;
  created_at: string;
  updated_at: string;
}

export interface PublishingAccountTable {
  id: string;
  workspace_id: string;
  network: string;
  name: string;
  url: string;
  remote_id: string;
  limits: string | null;
  credentials: string | null;
  created_at: string;
  updated_at: string;
}

/** A post (migration 0020): the text, its overrides and when it goes. */
export interface PostTable {
  id: string;
  workspace_id: string;
  text: string;
  overrides: string;
  content_warning: string | null;
  when_kind: string;
  scheduled_at: string;
  cancelled_at: string | null;
  created_at: string;
  updated_at: string;
}

/** A rule: trigger, filters and actions as JSON (migration 0021). */
export interface RuleTable {
  id: string;
  workspace_id: string;
  name: string;
  enabled: number;
  trigger: string;
  filters: string;
  actions: string;
  hook_secret: string | null;
  created_at: string;
  updated_at: string;
}

/** One post to one account: its status and the idempotency material of its tries. */
export interface PostDeliveryTable {
  id: string;
  workspace_id: string;
  post_id: string;
  account_id: string;
  network: string;
  status: string;
  scheduled_at: string;
  version: number;
  idempotency_key: string | null;
  first_tried_at: string | null;
  tries: number;
  next_attempt_at: string | null;
  needs_reconcile: number;
  lease_token: string | null;
  lease_until: string | null;
  remote_id: string | null;
  remote_url: string | null;
  reason: string | null;
  fix: string | null;
  updated_at: string;
}

/** Each try of a delivery, kept as history. */
export interface PostAttemptTable {
  id: string;
  workspace_id: string;
  delivery_id: string;
  number: number;
  idempotency_key: string;
  started_at: string;
  ended_at: string | null;
  outcome: string | null;
  reason: string | null;
}

/** The queue of a workspace: its weekly slots, paused or not, and the grace for missed posts. */
export interface PostQueueTable {
  workspace_id: string;
  slots: string;
  paused: number;
  grace_minutes: number;
  /** 1: an image without alt text is refused (migration 0022). */
  require_alt_text: number;
  updated_at: string;
}

/** An image of a post, its bytes included (migration 0022). */
export interface PostMediaTable {
  id: string;
  workspace_id: string;
  post_id: string;
  position: number;
  mime_type: string;
  alt_text: string;
  byte_size: number;
  sha256: string;
  data: Uint8Array;
  created_at: string;
}

/** What a rule's trigger last saw (migration 0021). */
export interface RuleStateTable {
  rule_id: string;
  trigger: string;
  checked_at: string | null;
  etag: string | null;
  last_modified: string | null;
  primed_at: string | null;
  behind: number | null;
  last_due: string | null;
}

export interface RuleSeenItemTable {
  rule_id: string;
  item_key: string;
  seen_at: string;
}

export interface RuleHookIdTable {
  rule_id: string;
  webhook_id: string;
  received_at: string;
}

export interface RuleRunTable {
  id: string;
  rule_id: string;
  source: string;
  dry_run: number;
  status: string;
  note: string;
  items: string;
  started_at: string;
  finished_at: string;
}

/** Tracked seconds of stopped entries per local day, activity, source and tags (migration 0016; derived, not backed up). */
export interface TimeRollupDayTable {
  workspace_id: string;
  day: string;
  activity: string;
  source: string;
  tags: string;
  seconds: number;
}

type HourColumn =
  `h${0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14 | 15 | 16 | 17 | 18 | 19 | 20 | 21 | 22 | 23}`;

/** Tracked seconds of stopped entries per local day, a column per local hour (`h0`…`h23`); `weekday` 1 (Monday) to 7 (migration 0016). */
export type TimeRollupHourTable = {
  workspace_id: string;
  day: string;
  weekday: number;
} & Record<HourColumn, number>;

export interface Database {
  workspaces: WorkspaceTable;
  settings: SettingTable;
  goals: GoalTable;
  data_points: DataPointTable;
  goal_days: GoalDayTable;
  activities: ActivityTable;
  activity_goals: ActivityGoalTable;
  activity_logs: ActivityLogTable;
  activity_breaks: ActivityBreakTable;
  funnels: FunnelTable;
  funnel_stages: FunnelStageTable;
  time_entries: TimeEntryTable;
  time_rollup_days: TimeRollupDayTable;
  time_rollup_hours: TimeRollupHourTable;
  outcomes: OutcomeTable;
  deleted_items: DeletedItemTable;
  planner_templates: PlannerTemplateTable;
  planner_template_blocks: PlannerTemplateBlockTable;
  planner_weeks: PlannerWeekTable;
  planner_week_blocks: PlannerWeekBlockTable;
  planner_rocks: PlannerRockTable;
  focus_sessions: FocusSessionTable;
  focus_interruptions: FocusInterruptionTable;
  notification_settings: NotificationSettingTable;
  triage_tasks: TriageTaskTable;
  audit_channels: AuditChannelTable;
  publishing_accounts: PublishingAccountTable;
  posts: PostTable;
  post_deliveries: PostDeliveryTable;
  post_attempts: PostAttemptTable;
  post_queues: PostQueueTable;
  post_media: PostMediaTable;
  rules: RuleTable;
  rule_state: RuleStateTable;
  rule_seen_items: RuleSeenItemTable;
  rule_hook_ids: RuleHookIdTable;
  rule_runs: RuleRunTable;
}
