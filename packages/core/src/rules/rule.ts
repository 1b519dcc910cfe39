import type { RuleAction, RuleFilter, RuleTrigger } from './rule-input.js';

/** A rule as the API and the CLI show it (its hook secret never). */
export interface Rule {
  id: string;
  name: string;
  enabled: boolean;
  trigger: RuleTrigger;
  filters: RuleFilter[];
  actions: RuleAction[];
  /** A webhook trigger's address, relative to the server: `/api/v1/rules/<id>/hook`; null otherwise. */
  hookPath: string | null;
  /** When the trigger was last checked (a poll, a pace check, a schedule), or null. */
  checkedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Why a run was made. */
export const ruleRunSources = ['poll', 'manual', 'hook'] as const;
export type RuleRunSource = (typeof ruleRunSources)[number];

/**
 * How a run ended: `done` (actions ran), `failed` (the trigger or an action failed), `nothing`
 * (nothing new, or every item filtered out), `primed` (a feed's first poll marked its items seen).
 */
export const ruleRunStatuses = ['done', 'failed', 'nothing', 'primed'] as const;
export type RuleRunStatus = (typeof ruleRunStatuses)[number];

/** One try of a webhook action: every try of one action carries the same webhook-id. */
export interface WebhookTry {
  at: string;
  webhookId: string;
  /** The receiver's HTTP status; null when it did not answer. */
  status: number | null;
  ok: boolean;
  error: string | null;
}

/** What one action did with one item: `would` in a dry run. */
export interface ActionOutcome {
  /** The action's place in the rule's list. */
  action: number;
  kind: RuleAction['kind'];
  status: 'done' | 'failed' | 'would' | 'skipped';
  /** One line saying what it did or why it failed. */
  detail: string;
  /** A post action: the text made from the template, and the post's id once made. */
  text?: string;
  postId?: string;
  tries?: WebhookTry[];
}

/** One item a run handled: its fields, each filter's verdict and each action's outcome. */
export interface RuleRunItem {
  /** What the item is remembered by (a feed item's guid or id, else its link); null for others. */
  key: string | null;
  fields: Record<string, string>;
  filters: Array<{ filter: RuleFilter; passed: boolean }>;
  passed: boolean;
  actions: ActionOutcome[];
}

/** One run of a rule. */
export interface RuleRun {
  id: string;
  ruleId: string;
  source: RuleRunSource;
  dryRun: boolean;
  status: RuleRunStatus;
  /** What the trigger found, in a sentence. */
  note: string;
  items: RuleRunItem[];
  startedAt: string;
  finishedAt: string;
}
