import { timingSafeEqual } from 'node:crypto';

import {
  AppError,
  createRuleSchema,
  filterItem,
  formatNumber,
  lastDueAt,
  nextDueAt,
  renderTemplate,
  ruleItemFieldNames,
  scheduleItemFields,
  templateFields,
  updateRuleSchema,
  type ActionOutcome,
  type Rule,
  type RuleAction,
  type RuleFilter,
  type RuleItem,
  type RuleRun,
  type RuleRunItem,
  type RuleRunSource,
  type RuleTrigger,
} from '@bigrock/core';
import type { Kysely } from 'kysely';
import safeRegex from 'safe-regex2';

import type { ActivityService } from '../activities/activity.service.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import { newId } from '../db/new-id.js';
import type { GoalService } from '../goals/goal.service.js';
import type { AccountService } from '../publishing/account.service.js';
import { newWebhookSecret, signWebhook } from '../publishing/connectors/webhook.connector.js';
import type { CredentialCipher } from '../publishing/credential-cipher.js';
import { parseInput } from '../validation.js';
import { FeedPollError, pollFeed, type PolledItem } from './feed-poll.js';
import { createRuleRepository, type RuleRepository, type RuleState, type StoredRule } from './rule.repository.js';
import { sendRuleWebhook } from './rule-webhook.js';

/**
 * Where a rule's "post" action sends its post: the posts service's `create`, which queues it or
 * sends it now. The rules depend on this one call only.
 */
export interface PostSink {
  create(input: {
    text: string;
    overrides?: { mastodon?: string; bluesky?: string };
    accountIds?: string[];
    when: { kind: 'queue' } | { kind: 'at'; at: Date | string } | { kind: 'now' };
  }): Promise<{ id: string }>;
}

export interface RuleServiceDeps {
  db: Kysely<Database>;
  workspaceId: string;
  cipher: CredentialCipher;
  accounts: Pick<AccountService, 'list' | 'webhookTarget'>;
  goals: Pick<GoalService, 'get'>;
  activities: Pick<ActivityService, 'get' | 'log'>;
  posts: PostSink;
  timeZone: () => Promise<string>;
  clock: Clock;
  /** The waits between a webhook's tries; tests pass one that records them. */
  sleep?: (ms: number) => Promise<void>;
  fetch?: typeof fetch;
}

/** The most new feed items one poll acts on; the rest wait for the next poll. */
export const MAX_ITEMS_PER_POLL = 20;
/** How often a feed is polled unless the rule says, and a pace checked. */
const DEFAULT_FEED_MINUTES = 15;
const PACE_CHECK_MS = 5 * 60_000;
/** How far a signed message's time may be from ours. */
export const HOOK_TOLERANCE_SECONDS = 5 * 60;
const RUNS_SHOWN = 50;

const HOOK_PATH = (id: string) => `/api/v1/rules/${id}/hook`;
const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** What a trigger found: the items to filter and act on, and the state to keep once claimed. */
interface Triggered {
  status?: 'nothing' | 'primed' | 'failed';
  note: string;
  items: Array<{ key: string | null; item: RuleItem }>;
  /** Whether this check is worth a line in the rule's runs when nothing came of it. */
  record: boolean;
}

function toRule(row: StoredRule, state: RuleState | undefined): Rule {
  const trigger = JSON.parse(row.trigger) as RuleTrigger;
  return {
    id: row.id,
    name: row.name,
    enabled: row.enabled === 1,
    trigger,
    filters: JSON.parse(row.filters) as RuleFilter[],
    actions: JSON.parse(row.actions) as RuleAction[],
    hookPath: trigger.kind === 'webhook' ? HOOK_PATH(row.id) : null,
    checkedAt: state?.checked_at ?? null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The state a trigger starts from; also what a changed trigger goes back to. */
const freshState = (trigger: string): RuleState => ({
  trigger,
  checked_at: null,
  etag: null,
  last_modified: null,
  primed_at: null,
  behind: null,
  last_due: null,
});

const headerOf = (headers: Record<string, string | string[] | undefined>, name: string) => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

function hookItem(body: unknown): RuleItem {
  const message =
    typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const data =
    typeof message.data === 'object' && message.data !== null && !Array.isArray(message.data)
      ? (message.data as Record<string, unknown>)
      : message;
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(data)) {
    if (!/^[A-Za-z][A-Za-z0-9_]{0,49}$/u.test(name)) continue;
    if (typeof value === 'string') fields[name] = value.slice(0, 100_000);
    else if (typeof value === 'number' || typeof value === 'boolean') fields[name] = String(value);
  }
  if (typeof message.type === 'string' && fields.type === undefined) fields.type = message.type;
  const list = (value: unknown) =>
    Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string').slice(0, 100) : [];
  return { fields, categories: list(data.categories), tags: list(data.tags) };
}

/**
 * Rules: a trigger (a feed's new items, a goal or activity falling behind, a schedule, a signed
 * webhook) whose items pass the filters run the actions (a post, a webhook, an activity log). Each
 * run is recorded with what it found and what each action did; a dry run does the same reading
 * and records what it would do, changing nothing else. A trigger's state (a feed's validators and
 * seen items, a pace's last status, a schedule's last due time) is claimed in a transaction before
 * the actions run, so two pollers at once act on an item once.
 */
export function createRuleService({
  db,
  workspaceId,
  cipher,
  accounts,
  goals,
  activities,
  posts,
  timeZone,
  clock,
  sleep = sleepFor,
  fetch: send,
}: RuleServiceDeps) {
  const rules = createRuleRepository(db, workspaceId);
  const inTransaction = <T>(work: (repository: RuleRepository) => Promise<T>) =>
    db.transaction().execute((trx) => work(createRuleRepository(trx, workspaceId)));

  async function find(ref: string): Promise<StoredRule> {
    const row = await rules.find(ref);
    if (row === undefined) {
      throw new AppError('not-found', `No rule ${ref}: see them with bigrock rule list.`, { field: 'id' });
    }
    return row;
  }

  /** The checks a schema cannot make: what the rule names must exist, its templates name known fields. */
  async function assertSound(trigger: RuleTrigger, filters: readonly RuleFilter[], actions: readonly RuleAction[]) {
    filters.forEach((filter, index) => {
      if (filter.kind === 'matches' && !safeRegex(filter.pattern)) {
        throw new AppError(
          'invalid-input',
          `filters.${index}.pattern: may take exponential time on some text (a repetition inside a repetition, such as (a+)+): write it without nesting.`,
          { field: `filters.${index}.pattern` },
        );
      }
    });
    if (trigger.kind === 'pace') {
      const found =
        trigger.goal !== undefined
          ? await goals.get(trigger.goal).then(
              () => true,
              () => false,
            )
          : await activities.get(trigger.activity ?? '').then(
              () => true,
              () => false,
            );
      if (!found) {
        const field = trigger.goal !== undefined ? 'goal' : 'activity';
        throw new AppError(
          'invalid-input',
          `trigger.${field}: no ${field} ${trigger.goal ?? trigger.activity ?? ''}: see them with bigrock ${field} list.`,
          { field: `trigger.${field}` },
        );
      }
    }
    const known = ruleItemFieldNames[trigger.kind];
    const accountIds = new Set((await accounts.list()).map((account) => account.id));
    for (const [index, action] of actions.entries()) {
      if (action.kind === 'post') {
        const templates: Array<[string, string | undefined]> = [
          ['template', action.template],
          ['overrides.mastodon', action.overrides?.mastodon],
          ['overrides.bluesky', action.overrides?.bluesky],
        ];
        for (const [name, template] of templates) {
          const unknown =
            known === null ? undefined : templateFields(template ?? '').find((field) => !known.includes(field));
          if (unknown !== undefined) {
            throw new AppError(
              'invalid-input',
              `actions.${index}.${name}: {${unknown}} is not a field of a ${trigger.kind} item: use ${(known ?? []).map((field) => `{${field}}`).join(', ')}.`,
              { field: `actions.${index}.${name}` },
            );
          }
        }
        const missing = action.accountIds?.find((id) => !accountIds.has(id));
        if (missing !== undefined) {
          throw new AppError(
            'invalid-input',
            `actions.${index}.accountIds: no account ${missing}: see them with bigrock account list.`,
            {
              field: `actions.${index}.accountIds`,
            },
          );
        }
      } else if (action.kind === 'webhook') {
        await accounts.webhookTarget(action.accountId).catch((error: unknown) => {
          throw new AppError(
            'invalid-input',
            `actions.${index}.accountId: ${error instanceof Error ? error.message : String(error)}`,
            { field: `actions.${index}.accountId`, cause: error },
          );
        });
      } else {
        await activities.get(action.activity).catch((error: unknown) => {
          throw new AppError(
            'invalid-input',
            `actions.${index}.activity: no activity ${action.activity}: add it with bigrock activity add, or name another.`,
            { field: `actions.${index}.activity`, cause: error },
          );
        });
      }
    }
  }

  async function shown(row: StoredRule): Promise<Rule> {
    return toRule(row, await rules.state(row.id));
  }

  /** The state to start from: the stored one, unless the trigger changed since. */
  async function stateOf(row: StoredRule, repository: RuleRepository = rules): Promise<RuleState> {
    const state = await repository.state(row.id);
    return state !== undefined && state.trigger === row.trigger ? state : freshState(row.trigger);
  }

  // ---- triggers ------------------------------------------------------------------------------

  async function feedTriggered(row: StoredRule, trigger: Extract<RuleTrigger, { kind: 'feed' }>, dryRun: boolean) {
    const now = clock.now().toISOString();
    const state = await stateOf(row);
    // A dry run reads the whole feed, so that it shows what the seen items leave.
    const validators = dryRun
      ? { etag: null, lastModified: null }
      : { etag: state.etag, lastModified: state.last_modified };
    let poll: Awaited<ReturnType<typeof pollFeed>>;
    try {
      poll = await pollFeed(trigger.url, validators, { fetch: send });
    } catch (error) {
      if (!(error instanceof FeedPollError)) throw error;
      if (!dryRun) await rules.saveState(row.id, { ...state, checked_at: now });
      return { status: 'failed', note: error.message, items: [], record: true } satisfies Triggered;
    }
    if (poll.status === 'unchanged') {
      await rules.saveState(row.id, { ...state, checked_at: now });
      return {
        status: 'nothing',
        note: 'The feed has not changed since the last poll (304).',
        items: [],
        record: false,
      } satisfies Triggered;
    }
    const keyed = poll.items.filter((polled): polled is PolledItem & { key: string } => polled.key !== null);
    const unkeyed = poll.items.length - keyed.length;
    const without = unkeyed === 0 ? '' : ` ${unkeyed} without a guid, id or link left out.`;
    if (state.primed_at === null) {
      const keys = keyed.map((polled) => polled.key);
      if (!dryRun) {
        await inTransaction(async (repository) => {
          await repository.claimSeen(row.id, keys, now);
          await repository.saveState(row.id, {
            ...(await stateOf(row, repository)),
            etag: poll.etag,
            last_modified: poll.lastModified,
            primed_at: now,
            checked_at: now,
          });
        });
      }
      return {
        status: 'primed',
        note: `First poll: ${keys.length} items ${dryRun ? 'would be marked' : 'marked'} seen; nothing posted.${without}`,
        items: [],
        record: true,
      } satisfies Triggered;
    }
    const seen = await rules.seenKeys(
      row.id,
      keyed.map((polled) => polled.key),
    );
    // Feeds list the newest first: act on the oldest first, each key once even if listed twice.
    const fresh = [
      ...new Map(keyed.filter((polled) => !seen.has(polled.key)).map((polled) => [polled.key, polled])).values(),
    ].reverse();
    const taken = fresh.slice(0, MAX_ITEMS_PER_POLL);
    const waiting = fresh.length - taken.length;
    let items = taken;
    if (!dryRun) {
      items = await inTransaction(async (repository) => {
        const claimed = new Set(
          await repository.claimSeen(
            row.id,
            taken.map((polled) => polled.key),
            now,
          ),
        );
        await repository.saveState(row.id, {
          ...(await stateOf(row, repository)),
          // With items left for the next poll, the validators are not kept: a 304 would hide them.
          etag: waiting > 0 ? null : poll.etag,
          last_modified: waiting > 0 ? null : poll.lastModified,
          checked_at: now,
        });
        return taken.filter((polled) => claimed.has(polled.key));
      });
    }
    const later = waiting > 0 ? ` ${waiting} more wait for the next poll.` : '';
    return {
      note: `${items.length} new ${items.length === 1 ? 'item' : 'items'} of ${poll.items.length} in the feed.${later}${without}`,
      items,
      record: items.length > 0 || unkeyed > 0,
    } satisfies Triggered;
  }

  async function paceTriggered(row: StoredRule, trigger: Extract<RuleTrigger, { kind: 'pace' }>, dryRun: boolean) {
    const now = clock.now().toISOString();
    const standing =
      trigger.goal !== undefined
        ? await goals
            .get(trigger.goal)
            .then(({ goal, pace }) => ({ name: goal.title, kind: 'goal', unit: goal.unit ?? '', pace }))
        : await activities
            .get(trigger.activity ?? '')
            .then(({ activity, pace }) => ({ name: activity.name, kind: 'activity', unit: activity.unit, pace }));
    const state = await stateOf(row);
    if (standing.pace === null) {
      if (!dryRun) await rules.saveState(row.id, { ...state, checked_at: now });
      return {
        status: 'nothing',
        note: `${standing.name} has no line to fall behind (no target rate, or no target and deadline).`,
        items: [],
        record: false,
      } satisfies Triggered;
    }
    const { pace } = standing;
    const behind = pace.status === 'behind' ? 1 : 0;
    // Fires on the crossing from not behind to behind; the first check only learns where it stands.
    const crossed = state.behind === 0 && behind === 1;
    if (!dryRun) {
      const claimed = await inTransaction(async (repository) => {
        const current = await stateOf(row, repository);
        if (current.behind === behind) {
          await repository.saveState(row.id, { ...current, checked_at: now });
          return false;
        }
        await repository.saveState(row.id, { ...current, behind, checked_at: now });
        return current.behind === 0 && behind === 1;
      });
      if (!claimed && crossed)
        return {
          status: 'nothing',
          note: 'Another check took this crossing.',
          items: [],
          record: false,
        } satisfies Triggered;
    }
    const fields = {
      name: standing.name,
      kind: standing.kind,
      status: pace.status,
      expected: formatNumber(pace.expected),
      actual: formatNumber(pace.actual),
      delta: formatNumber(pace.delta),
      bufferDays: pace.bufferDays === null ? '' : formatNumber(pace.bufferDays, 0),
      unit: standing.unit,
      asOf: pace.asOf,
    };
    if (!crossed) {
      const was = state.behind === null ? 'first check' : state.behind === 1 ? 'was behind' : 'was not behind';
      return {
        status: 'nothing',
        note: `${standing.name} is ${pace.status} (${was}): nothing to do.`,
        items: [],
        record: false,
      } satisfies Triggered;
    }
    return {
      note: `${standing.name} fell behind its line.`,
      items: [{ key: null, item: { fields, categories: [], tags: [] } }],
      record: true,
    } satisfies Triggered;
  }

  async function scheduleTriggered(
    row: StoredRule,
    trigger: Extract<RuleTrigger, { kind: 'schedule' }>,
    dryRun: boolean,
    source: RuleRunSource,
  ) {
    const now = clock.now();
    const zone = await timeZone();
    if (source === 'manual') {
      // Run by hand: as if due now; the schedule's own due times are left as they are.
      return {
        note: 'Run by hand, as if due now.',
        items: [{ key: null, item: { fields: scheduleItemFields(now.getTime(), zone), categories: [], tags: [] } }],
        record: true,
      } satisfies Triggered;
    }
    const state = await stateOf(row);
    // A new or changed schedule counts from when it was set; due times before it are not missed runs.
    const since = Date.parse(state.last_due ?? row.updated_at);
    const due = lastDueAt(trigger, zone, now.getTime(), since, Date.parse(row.created_at));
    const next = new Date(nextDueAt(trigger, zone, now.getTime(), Date.parse(row.created_at))).toISOString();
    if (due === null) {
      if (!dryRun) await rules.saveState(row.id, { ...state, checked_at: now.toISOString() });
      return { status: 'nothing', note: `Not due: next at ${next}.`, items: [], record: false } satisfies Triggered;
    }
    if (!dryRun) {
      const claimed = await inTransaction(async (repository) => {
        const current = await stateOf(row, repository);
        if (current.last_due !== null && Date.parse(current.last_due) >= due) return false;
        await repository.saveState(row.id, {
          ...current,
          last_due: new Date(due).toISOString(),
          checked_at: now.toISOString(),
        });
        return true;
      });
      if (!claimed)
        return {
          status: 'nothing',
          note: 'Another check took this due time.',
          items: [],
          record: false,
        } satisfies Triggered;
    }
    return {
      note: `Due at ${new Date(due).toISOString()}; next at ${next}.`,
      items: [{ key: null, item: { fields: scheduleItemFields(due, zone), categories: [], tags: [] } }],
      record: true,
    } satisfies Triggered;
  }

  // ---- actions -------------------------------------------------------------------------------

  async function act(
    row: StoredRule,
    runId: string,
    itemIndex: number,
    item: RuleItem,
    action: RuleAction,
    index: number,
    dryRun: boolean,
  ): Promise<ActionOutcome> {
    const base = { action: index, kind: action.kind };
    try {
      if (action.kind === 'post') {
        const text = renderTemplate(action.template, item.fields);
        const overrides = {
          ...(action.overrides?.mastodon !== undefined && {
            mastodon: renderTemplate(action.overrides.mastodon, item.fields),
          }),
          ...(action.overrides?.bluesky !== undefined && {
            bluesky: renderTemplate(action.overrides.bluesky, item.fields),
          }),
        };
        const when = action.when ?? 'queue';
        if (dryRun) {
          return {
            ...base,
            status: 'would',
            text,
            detail: when === 'now' ? 'Would post it now.' : 'Would add it to the queue.',
          };
        }
        const post = await posts.create({
          text,
          ...(Object.keys(overrides).length > 0 && { overrides }),
          ...(action.accountIds !== undefined && { accountIds: action.accountIds }),
          when: { kind: when },
        });
        return {
          ...base,
          status: 'done',
          text,
          postId: post.id,
          detail: when === 'now' ? `Posted (post ${post.id}).` : `Queued (post ${post.id}).`,
        };
      }
      if (action.kind === 'webhook') {
        const target = await accounts.webhookTarget(action.accountId);
        if (dryRun) return { ...base, status: 'would', detail: `Would send a signed message to ${target.name}.` };
        const body = JSON.stringify({
          type: 'rule.fired',
          timestamp: clock.now().toISOString(),
          data: {
            rule: { id: row.id, name: row.name },
            item: item.fields,
            categories: item.categories,
            tags: item.tags,
          },
        });
        const tries = await sendRuleWebhook({
          url: target.url,
          secret: target.secret,
          webhookId: `msg_${runId}_${itemIndex}_${index}`,
          body,
          clock,
          sleep,
          fetch: send,
        });
        const last = tries.at(-1);
        const ok = last?.ok === true;
        return {
          ...base,
          status: ok ? 'done' : 'failed',
          tries,
          detail: ok
            ? `Sent to ${target.name} (${tries.length === 1 ? 'first try' : `try ${tries.length}`}).`
            : `Not sent to ${target.name} after ${tries.length} ${tries.length === 1 ? 'try' : 'tries'}: ${last?.error ?? 'no answer'}`,
        };
      }
      const count = action.count ?? 1;
      const found = await activities.get(action.activity);
      const amount = `${formatNumber(count)} ${found.activity.unit}`;
      if (dryRun) return { ...base, status: 'would', detail: `Would log ${amount} on ${found.activity.name}.` };
      await activities.log(found.activity.id, { count, note: `Rule "${row.name}"` });
      return { ...base, status: 'done', detail: `Logged ${amount} on ${found.activity.name}.` };
    } catch (error) {
      return { ...base, status: 'failed', detail: error instanceof Error ? error.message : String(error) };
    }
  }

  async function execute(
    row: StoredRule,
    source: RuleRunSource,
    dryRun: boolean,
    triggered: Triggered,
    startedAt: string,
  ): Promise<RuleRun | null> {
    const runId = newId();
    const filters = JSON.parse(row.filters) as RuleFilter[];
    const actions = JSON.parse(row.actions) as RuleAction[];
    const items: RuleRunItem[] = [];
    for (const [itemIndex, { key, item }] of triggered.items.entries()) {
      const verdict = filterItem(filters, item);
      const outcomes: ActionOutcome[] = [];
      if (verdict.passed) {
        for (const [index, action] of actions.entries()) {
          outcomes.push(await act(row, runId, itemIndex, item, action, index, dryRun));
        }
      }
      items.push({ key, fields: item.fields, filters: verdict.results, passed: verdict.passed, actions: outcomes });
    }
    const outcomes = items.flatMap((item) => item.actions);
    const status =
      triggered.status ??
      (outcomes.some((outcome) => outcome.status === 'failed') ? 'failed' : outcomes.length > 0 ? 'done' : 'nothing');
    const run: RuleRun = {
      id: runId,
      ruleId: row.id,
      source,
      dryRun,
      status,
      note: triggered.note,
      items,
      startedAt,
      finishedAt: clock.now().toISOString(),
    };
    // A poll that found nothing leaves no line; a run by hand or a dry run always does. A poll that
    // fails as the last one did (a feed down for a day) leaves one line, not one a poll.
    if (source === 'poll' && !triggered.record && items.length === 0) return null;
    if (source === 'poll' && status === 'failed' && items.length === 0) {
      const [last] = await rules.listRuns(row.id, 1);
      if (last?.source === 'poll' && last.status === 'failed' && last.note === run.note) return null;
    }
    await rules.insertRun(run);
    return run;
  }

  async function runRule(row: StoredRule, source: RuleRunSource, dryRun: boolean): Promise<RuleRun | null> {
    const startedAt = clock.now().toISOString();
    const trigger = JSON.parse(row.trigger) as RuleTrigger;
    let triggered: Triggered;
    try {
      switch (trigger.kind) {
        case 'feed':
          triggered = await feedTriggered(row, trigger, dryRun);
          break;
        case 'pace':
          triggered = await paceTriggered(row, trigger, dryRun);
          break;
        case 'schedule':
          triggered = await scheduleTriggered(row, trigger, dryRun, source);
          break;
        case 'webhook':
          triggered = {
            note: 'Run by hand: a webhook rule gets its item from a signed message; this one is empty.',
            items: [{ key: null, item: { fields: { type: 'manual' }, categories: [], tags: [] } }],
            record: true,
          };
          break;
      }
    } catch (error) {
      // The goal or activity removed since: the run says so.
      if (!(error instanceof AppError) || error.code !== 'not-found') throw error;
      triggered = { status: 'failed', note: error.message, items: [], record: true };
    }
    return execute(row, source, dryRun, triggered, startedAt);
  }

  /** Whether a rule's trigger should be checked by a poll now. */
  function isDue(trigger: RuleTrigger, state: RuleState | undefined, nowMs: number): boolean {
    const checked = state?.checked_at === null || state === undefined ? null : Date.parse(state.checked_at);
    switch (trigger.kind) {
      case 'feed':
        return checked === null || nowMs - checked >= (trigger.everyMinutes ?? DEFAULT_FEED_MINUTES) * 60_000;
      case 'pace':
        return checked === null || nowMs - checked >= PACE_CHECK_MS;
      case 'schedule':
        return true;
      case 'webhook':
        return false;
    }
  }

  return {
    async list(): Promise<Rule[]> {
      const rows = await rules.list();
      return Promise.all(rows.map(shown));
    },

    async get(ref: string): Promise<Rule> {
      return shown(await find(ref));
    },

    /** Makes a rule; a webhook trigger's secret is in this answer only. */
    async create(input: unknown): Promise<{ rule: Rule; secret?: string }> {
      const parsed = parseInput(createRuleSchema, input);
      const filters = parsed.filters ?? [];
      await assertSound(parsed.trigger, filters, parsed.actions);
      const id = newId();
      const at = clock.now().toISOString();
      const secret = parsed.trigger.kind === 'webhook' ? newWebhookSecret() : undefined;
      const added = await rules.insert({
        id,
        name: parsed.name,
        enabled: parsed.enabled === false ? 0 : 1,
        trigger: JSON.stringify(parsed.trigger),
        filters: JSON.stringify(filters),
        actions: JSON.stringify(parsed.actions),
        hook_secret: secret === undefined ? null : cipher.seal(secret, id),
        created_at: at,
        updated_at: at,
      });
      if (!added) {
        throw new AppError('conflict', `A rule is named "${parsed.name}" already: choose another name.`, {
          field: 'name',
        });
      }
      const rule = await shown(await find(id));
      return secret === undefined ? { rule } : { rule, secret };
    },

    /** Changes a rule; a trigger that becomes a webhook gets a secret, in this answer only. */
    async update(ref: string, input: unknown): Promise<{ rule: Rule; secret?: string }> {
      const parsed = parseInput(updateRuleSchema, input);
      const row = await find(ref);
      const trigger = parsed.trigger ?? (JSON.parse(row.trigger) as RuleTrigger);
      await assertSound(
        trigger,
        parsed.filters ?? (JSON.parse(row.filters) as RuleFilter[]),
        parsed.actions ?? (JSON.parse(row.actions) as RuleAction[]),
      );
      const secret = trigger.kind === 'webhook' && row.hook_secret === null ? newWebhookSecret() : undefined;
      const changed = await rules.update(row.id, {
        ...(parsed.name !== undefined && { name: parsed.name }),
        ...(parsed.enabled !== undefined && { enabled: parsed.enabled ? 1 : 0 }),
        ...(parsed.trigger !== undefined && { trigger: JSON.stringify(parsed.trigger) }),
        ...(parsed.filters !== undefined && { filters: JSON.stringify(parsed.filters) }),
        ...(parsed.actions !== undefined && { actions: JSON.stringify(parsed.actions) }),
        ...(trigger.kind !== 'webhook' && { hook_secret: null }),
        ...(secret !== undefined && { hook_secret: cipher.seal(secret, row.id) }),
        updated_at: clock.now().toISOString(),
      });
      if (!changed) {
        throw new AppError('conflict', `A rule is named "${parsed.name ?? ''}" already: choose another name.`, {
          field: 'name',
        });
      }
      const rule = await shown(await find(row.id));
      return secret === undefined ? { rule } : { rule, secret };
    },

    async remove(ref: string): Promise<void> {
      const row = await find(ref);
      await rules.remove(row.id);
    },

    /** A rule's runs, latest first (the last 50). */
    async runs(ref: string): Promise<RuleRun[]> {
      const row = await find(ref);
      return rules.listRuns(row.id, RUNS_SHOWN);
    },

    /**
     * Runs a rule now, whether due or not (a schedule as if due now), and records the run; a dry
     * run only says what it would do: no post, no webhook, no log, the trigger's state unchanged.
     */
    async run(ref: string, options: { dryRun?: boolean } = {}): Promise<RuleRun> {
      const row = await find(ref);
      const run = await runRule(row, 'manual', options.dryRun ?? false);
      if (run === null) throw new Error('A run by hand left no record.');
      return run;
    },

    /**
     * One pass of the poller: every enabled rule whose trigger is due is checked; the runs that
     * did something are returned. A rule that fails does not stop the others.
     */
    async runDue(): Promise<{ runs: RuleRun[]; errors: Array<{ ruleId: string; message: string }> }> {
      const nowMs = clock.now().getTime();
      const runs: RuleRun[] = [];
      const errors: Array<{ ruleId: string; message: string }> = [];
      for (const row of await rules.list()) {
        if (row.enabled !== 1) continue;
        const trigger = JSON.parse(row.trigger) as RuleTrigger;
        const state = await rules.state(row.id);
        if (!isDue(trigger, state?.trigger === row.trigger ? state : undefined, nowMs)) continue;
        try {
          const run = await runRule(row, 'poll', false);
          if (run !== null) runs.push(run);
        } catch (error) {
          errors.push({ ruleId: row.id, message: error instanceof Error ? error.message : String(error) });
        }
      }
      return { runs, errors };
    },

    /**
     * A signed message for a webhook rule (Standard Webhooks): the signature under the rule's own
     * secret is the access. A wrong or missing signature, a timestamp more than 5 minutes away, a
     * rule that is no webhook rule or not there: 401, alike. A webhook-id seen before is taken
     * once: answered as a duplicate, nothing run.
     */
    async receiveHook(
      id: string,
      headers: Record<string, string | string[] | undefined>,
      rawBody: string,
    ): Promise<{ duplicate: boolean; run: RuleRun | null }> {
      const refused = (why: string) =>
        new AppError(
          'unauthenticated',
          `The message is refused: ${why}. Sign it with the rule's secret (Standard Webhooks).`,
        );
      const row = await rules.find(id);
      if (row === undefined || row.id !== id || row.hook_secret === null)
        throw refused('its signature does not verify');
      const webhookId = headerOf(headers, 'webhook-id');
      const timestamp = headerOf(headers, 'webhook-timestamp');
      const signatures = headerOf(headers, 'webhook-signature');
      if (!webhookId || !timestamp || !signatures || webhookId.length > 200) {
        throw refused('it lacks webhook-id, webhook-timestamp or webhook-signature');
      }
      const seconds = /^\d{1,12}$/u.test(timestamp) ? Number(timestamp) : Number.NaN;
      const nowSeconds = clock.now().getTime() / 1000;
      if (!Number.isFinite(seconds) || Math.abs(nowSeconds - seconds) > HOOK_TOLERANCE_SECONDS) {
        throw refused('its timestamp is more than 5 minutes away from now');
      }
      const secret = cipher.open(row.hook_secret, row.id);
      const expected = Buffer.from(
        signWebhook(secret, webhookId, new Date(seconds * 1000), rawBody)['webhook-signature'] ?? '',
      );
      const verified = signatures.split(' ').some((signature) => {
        const given = Buffer.from(signature);
        return given.length === expected.length && timingSafeEqual(given, expected);
      });
      if (!verified) throw refused('its signature does not verify');
      if (row.enabled !== 1)
        throw new AppError('conflict', `The rule "${row.name}" is turned off: turn it on to take messages.`);
      let body: unknown;
      try {
        body = JSON.parse(rawBody);
      } catch (error) {
        throw new AppError('invalid-input', 'The message is not JSON: send { "type", "timestamp", "data" }.', {
          cause: error,
        });
      }
      if (!(await rules.claimHookId(row.id, webhookId, clock.now()))) return { duplicate: true, run: null };
      const run = await execute(
        row,
        'hook',
        false,
        { note: `A signed message, ${webhookId}.`, items: [{ key: webhookId, item: hookItem(body) }], record: true },
        clock.now().toISOString(),
      );
      return { duplicate: false, run };
    },
  };
}

export type RuleService = ReturnType<typeof createRuleService>;
