/** Instants are ISO 8601 UTC strings; calendar dates are YYYY-MM-DD: both sort as text. */
export interface WorkspaceTable {
  id: string;
  name: string;
  time_zone: string;
  created_at: string;
  /** JSON: the working hours per weekday (core's `WorkingHours`); migration 0009. */
  working_hours: string;
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
}

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
  outcomes: OutcomeTable;
  deleted_items: DeletedItemTable;
  planner_templates: PlannerTemplateTable;
  planner_template_blocks: PlannerTemplateBlockTable;
  planner_weeks: PlannerWeekTable;
  planner_week_blocks: PlannerWeekBlockTable;
  planner_rocks: PlannerRockTable;
}
