import { AppError, type Rule, type RuleAction, type RuleFilter, type RuleRun, type RuleTrigger } from '@bigrock/core';
import { type Command, InvalidArgumentError } from 'commander';

import { printJson, printTable, withBigrock, type CliIo } from '../cli-context.js';
import { parseNumber } from '../option-parsers.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** `field=text` or `text`: the field only when the text starts with a field name and `=`. */
function fieldAndText(value: string): { field?: string; text: string } {
  const match = /^([A-Za-z][A-Za-z0-9_]{0,49})=(.*)$/su.exec(value);
  return match === null ? { text: value } : { field: match[1] ?? '', text: match[2] ?? '' };
}

/** `mon@09:00`: a weekday and a time. */
function dayAndTime(value: string, previous: Array<{ day: string; time: string }> = []) {
  const match = /^(mon|tue|wed|thu|fri|sat|sun)@(\d\d:\d\d)$/u.exec(value.trim().toLowerCase());
  if (match === null) throw new InvalidArgumentError('Give a weekday and a time, such as mon@09:00.');
  return [...previous, { day: match[1] ?? '', time: match[2] ?? '' }];
}

interface AddOptions {
  feed?: string;
  every?: number;
  goal?: string;
  activity?: string;
  at?: Array<{ day: string; time: string }>;
  hook?: boolean;
  contains?: string[];
  matches?: string[];
  category?: string[];
  tag?: string[];
  post?: string;
  account?: string[];
  now?: boolean;
  webhook?: string[];
  log?: string[];
  disabled?: boolean;
  json?: boolean;
}

function triggerOf(options: AddOptions): unknown {
  const chosen = [
    options.feed !== undefined && '--feed',
    options.goal !== undefined && '--goal',
    options.activity !== undefined && '--activity',
    options.at !== undefined && '--at',
    options.hook === true && '--hook',
  ].filter((flag): flag is string => flag !== false);
  if (chosen.length === 0 && options.every !== undefined) return { kind: 'schedule', everyMinutes: options.every };
  if (chosen.length !== 1) {
    throw new AppError(
      'invalid-input',
      chosen.length === 0
        ? 'Say what starts the rule: --feed URL, --goal ID, --activity NAME, --at DAY@HH:MM, --every MINUTES or --hook.'
        : `Give one trigger, not ${chosen.join(' and ')}.`,
      { field: 'trigger' },
    );
  }
  if (options.feed !== undefined)
    return { kind: 'feed', url: options.feed, ...(options.every !== undefined && { everyMinutes: options.every }) };
  if (options.goal !== undefined) return { kind: 'pace', goal: options.goal };
  if (options.activity !== undefined) return { kind: 'pace', activity: options.activity };
  if (options.at !== undefined) return { kind: 'schedule', at: options.at };
  return { kind: 'webhook' };
}

function filtersOf(options: AddOptions): unknown[] {
  return [
    ...(options.contains ?? []).map((value) => {
      const { field, text } = fieldAndText(value);
      return { kind: 'contains', ...(field !== undefined && { field }), value: text };
    }),
    ...(options.matches ?? []).map((value) => {
      const { field, text } = fieldAndText(value);
      return { kind: 'matches', ...(field !== undefined && { field }), pattern: text };
    }),
    ...(options.category ?? []).map((value) => ({ kind: 'category', value })),
    ...(options.tag ?? []).map((value) => ({ kind: 'tag', value })),
  ];
}

function actionsOf(options: AddOptions): unknown[] {
  return [
    ...(options.post === undefined
      ? []
      : [
          {
            kind: 'post',
            template: options.post,
            ...(options.account !== undefined && { accountIds: options.account }),
            ...(options.now === true && { when: 'now' }),
          },
        ]),
    ...(options.webhook ?? []).map((accountId) => ({ kind: 'webhook', accountId })),
    ...(options.log ?? []).map((value) => {
      const match = /^(.*)=([^=]+)$/su.exec(value);
      const count = match === null ? undefined : Number(match[2]);
      if (match !== null && !Number.isFinite(count)) {
        throw new AppError('invalid-input', `--log ${value}: write the activity, or activity=count such as calls=2.`, {
          field: 'log',
        });
      }
      return {
        kind: 'log',
        activity: match === null ? value : (match[1] ?? ''),
        ...(count !== undefined && { count }),
      };
    }),
  ];
}

/** A trigger in a few words. */
function triggerText(trigger: RuleTrigger): string {
  switch (trigger.kind) {
    case 'feed':
      return `feed ${trigger.url}`;
    case 'pace':
      return trigger.goal !== undefined ? `goal ${trigger.goal} behind` : `activity ${trigger.activity ?? ''} behind`;
    case 'schedule':
      return trigger.everyMinutes !== undefined
        ? `every ${trigger.everyMinutes} min`
        : (trigger.at ?? []).map(({ day, time }) => `${day} ${time}`).join(', ');
    case 'webhook':
      return 'signed webhook';
  }
}

function filterText(filter: RuleFilter): string {
  switch (filter.kind) {
    case 'contains':
      return `${filter.field ?? 'any field'} contains "${filter.value}"`;
    case 'matches':
      return `${filter.field ?? 'any field'} matches /${filter.pattern}/i`;
    case 'category':
      return `category ${filter.value}`;
    case 'tag':
      return `tag #${filter.value}`;
  }
}

function actionText(action: RuleAction): string {
  switch (action.kind) {
    case 'post':
      return `${action.when === 'now' ? 'post now' : 'queue a post'}: ${action.template}`;
    case 'webhook':
      return `webhook to account ${action.accountId}`;
    case 'log':
      return `log ${action.count ?? 1} on ${action.activity}`;
  }
}

function printRun(io: CliIo, run: RuleRun): void {
  io.out(`${run.dryRun ? 'Dry run' : 'Run'} ${run.id} (${run.source}, ${run.startedAt}): ${run.status}. ${run.note}\n`);
  for (const item of run.items) {
    const name = item.fields.title ?? item.fields.name ?? item.key ?? 'item';
    io.out(`  ${name}: ${item.passed ? 'passed the filters' : 'filtered out'}\n`);
    for (const action of item.actions) io.out(`    ${action.kind} (${action.status}): ${action.detail}\n`);
  }
}

function printRule(io: CliIo, rule: Rule, runs: RuleRun[]): void {
  io.out(`${rule.name} (${rule.id})${rule.enabled ? '' : ', turned off'}\n`);
  io.out(`  When: ${triggerText(rule.trigger)}\n`);
  if (rule.hookPath !== null) io.out(`  Address: ${rule.hookPath}\n`);
  for (const filter of rule.filters) io.out(`  If: ${filterText(filter)}\n`);
  for (const action of rule.actions) io.out(`  Then: ${actionText(action)}\n`);
  io.out(`  Last checked: ${rule.checkedAt ?? 'never'}\n`);
  if (runs.length === 0) return io.out('No runs yet.\n');
  for (const run of runs.slice(0, 10)) printRun(io, run);
}

export function registerRuleCommands(program: Command, io: CliIo): void {
  const rule = program
    .command('rule')
    .description(
      'rules: when a feed has a new item, a goal falls behind, a time comes or a webhook arrives, post, send or log',
    );

  rule
    .command('add')
    .description('add a rule: one trigger, any filters, one or more actions')
    .argument('<name>', 'a name for the rule')
    .option('--feed <url>', 'trigger: a new item in this RSS or Atom feed')
    .option('--goal <id>', 'trigger: the goal falls behind its line')
    .option('--activity <name>', 'trigger: the activity falls behind its line')
    .option('--at <day@HH:MM>', "trigger: at this weekday and time on the workspace's clocks (repeat)", dayAndTime)
    .option('--every <minutes>', 'trigger: every so many minutes (with --feed: how often to poll it)', parseNumber)
    .option('--hook', 'trigger: a signed webhook to the rule’s address (its secret is printed once)')
    .option('--contains <[field=]text>', 'filter: the field (or any) contains the text (repeat)', collect)
    .option('--matches <[field=]regex>', 'filter: the field (or any) matches the regular expression (repeat)', collect)
    .option('--category <name>', 'filter: the item has this category (repeat)', collect)
    .option('--tag <tag>', 'filter: the item has this #tag (repeat)', collect)
    .option('--post <template>', 'action: queue a post made of the item’s fields, such as "New: {title} {link}"')
    .option('--account <id>', 'with --post: post to this account only (repeat)', collect)
    .option('--now', 'with --post: post at once instead of queueing')
    .option('--webhook <account-id>', 'action: send a signed message to this webhook account (repeat)', collect)
    .option('--log <activity[=count]>', 'action: log a count on this activity (repeat)', collect)
    .option('--disabled', 'keep it turned off')
    .option('--json', 'print JSON: { rule, secret? } (secret only for --hook)')
    .action((name: string, options: AddOptions) =>
      withBigrock(io, async (bigrock) => {
        const result = await bigrock.rules.create({
          name,
          ...(options.disabled === true && { enabled: false }),
          trigger: triggerOf(options),
          filters: filtersOf(options),
          actions: actionsOf(options),
        });
        if (options.json) return printJson(io, result);
        io.out(`Added the rule ${result.rule.name} (${result.rule.id}).\n`);
        if (result.secret !== undefined) {
          io.out(
            `Send signed messages to ${result.rule.hookPath ?? ''} on this server. Its signing secret, shown this once:\n${result.secret}\n`,
          );
        }
      }),
    );

  rule
    .command('list')
    .description('list the rules')
    .option(
      '--json',
      'print JSON: [{ id, name, enabled, trigger, filters, actions, hookPath, checkedAt, createdAt, updatedAt }]',
    )
    .action((options: { json?: boolean }) =>
      withBigrock(io, async (bigrock) => {
        const rules = await bigrock.rules.list();
        if (options.json) return printJson(io, rules);
        if (rules.length === 0)
          return io.out('No rules yet. Add one with: bigrock rule add <name> --feed URL --post "{title} {link}"\n');
        printTable(io, [
          ['ID', 'NAME', 'WHEN', 'THEN', 'ON'],
          ...rules.map((item) => [
            item.id,
            item.name,
            triggerText(item.trigger),
            item.actions.map((action) => action.kind).join(', '),
            item.enabled ? 'yes' : 'no',
          ]),
        ]);
      }),
    );

  rule
    .command('show')
    .description('show a rule and its last runs: what each found and what each action did')
    .argument('<rule>', 'the rule, by id or name')
    .option('--json', 'print JSON: { rule, runs }')
    .action((ref: string, options: { json?: boolean }) =>
      withBigrock(io, async (bigrock) => {
        const shown = await bigrock.rules.get(ref);
        const runs = await bigrock.rules.runs(shown.id);
        if (options.json) return printJson(io, { rule: shown, runs });
        printRule(io, shown, runs);
      }),
    );

  rule
    .command('remove')
    .description('remove a rule and its runs')
    .argument('<rule>', 'the rule, by id or name')
    .option('--json', 'print JSON: { removed }')
    .action((ref: string, options: { json?: boolean }) =>
      withBigrock(io, async (bigrock) => {
        const found = await bigrock.rules.get(ref);
        await bigrock.rules.remove(found.id);
        if (options.json) return printJson(io, { removed: found.id });
        io.out(`Removed the rule ${found.name}.\n`);
      }),
    );

  rule
    .command('run')
    .description(
      'run a rule now (a schedule as if due), or, without one, every rule that is due: what the app does each minute',
    )
    .argument('[rule]', 'the rule, by id or name')
    .option('--dry-run', 'say what it would do: no post, no webhook, no log, the feed’s seen items unchanged')
    .option('--json', 'print JSON: the run, or { runs, errors } without a rule')
    .action((ref: string | undefined, options: { dryRun?: boolean; json?: boolean }) =>
      withBigrock(io, async (bigrock) => {
        if (ref === undefined) {
          if (options.dryRun) {
            throw new AppError(
              'invalid-input',
              'A dry run is of one rule: name it, as in bigrock rule run <rule> --dry-run.',
              {
                field: 'rule',
              },
            );
          }
          const result = await bigrock.rules.runDue();
          if (options.json) return printJson(io, result);
          if (result.runs.length === 0 && result.errors.length === 0) io.out('Nothing to do.\n');
          for (const run of result.runs) printRun(io, run);
          for (const error of result.errors) io.err(`bigrock: rule ${error.ruleId}: ${error.message}\n`);
          return;
        }
        const run = await bigrock.rules.run(ref, { dryRun: options.dryRun === true });
        if (options.json) return printJson(io, run);
        printRun(io, run);
      }),
    );
}
