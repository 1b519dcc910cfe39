/** Instants are ISO 8601 UTC strings; calendar dates are YYYY-MM-DD: both sort as text. */
export interface WorkspaceTable {
  id: string;
  name: string;
  time_zone: string;
  created_at: string;
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

export interface Database {
  workspaces: WorkspaceTable;
  settings: SettingTable;
  goals: GoalTable;
  data_points: DataPointTable;
}
