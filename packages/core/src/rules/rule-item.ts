import { MAX_MATCHED_TEXT, type RuleFilter, type RuleTriggerKind } from './rule-input.js';

/** What a trigger hands to the filters and the actions: text fields, categories and tags. */
export interface RuleItem {
  /** The fields a template may name: `{title}`, `{link}`… */
  fields: Record<string, string>;
  categories: string[];
  tags: string[];
}

/**
 * The fields each kind of trigger gives its items; null for a webhook, whose fields are those of
 * the message's `data`.
 */
export const ruleItemFieldNames: Record<RuleTriggerKind, readonly string[] | null> = {
  feed: ['title', 'link', 'summary', 'content', 'author', 'published', 'id', 'categories', 'feed'],
  pace: ['name', 'kind', 'status', 'expected', 'actual', 'delta', 'bufferDays', 'unit', 'asOf'],
  schedule: ['date', 'time', 'weekday', 'due'],
  webhook: null,
};

export interface FilterResult {
  filter: RuleFilter;
  passed: boolean;
}

const folded = (text: string) => text.normalize('NFC').toLowerCase();

/**
 * The hashtags of a text, without their #.
 *
 * @example hashtagsOf('Out now #Launch #2027plan') // ['Launch', '2027plan']
 */
export function hashtagsOf(text: string): string[] {
  return [...text.matchAll(/(?:^|[^\p{L}\p{N}_&/#])#([\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*)/gu)].map(
    (match) => match[1] ?? '',
  );
}

function textsOf(item: RuleItem, field: string | undefined): string[] {
  if (field === undefined) return Object.values(item.fields);
  const value = item.fields[field];
  return value === undefined ? [] : [value];
}

function passes(filter: RuleFilter, item: RuleItem): boolean {
  switch (filter.kind) {
    case 'contains': {
      const wanted = folded(filter.value);
      return textsOf(item, filter.field).some((text) => folded(text).includes(wanted));
    }
    case 'matches': {
      const pattern = new RegExp(filter.pattern, 'iu');
      // Bounded input: a pattern that backtracks has at most this much text to do it on.
      return textsOf(item, filter.field).some((text) => pattern.test(text.slice(0, MAX_MATCHED_TEXT)));
    }
    case 'category': {
      const wanted = folded(filter.value);
      return item.categories.some((category) => folded(category) === wanted);
    }
    case 'tag': {
      const wanted = folded(filter.value);
      const tags = [...item.tags, ...Object.values(item.fields).flatMap(hashtagsOf)];
      return tags.some((tag) => folded(tag.replace(/^#/u, '')) === wanted);
    }
  }
}

/**
 * Each filter's verdict on an item, and whether all passed (no filters: it passes).
 *
 * @example filterItem([{ kind: 'contains', value: 'launch' }], { fields: { title: 'The Launch' }, categories: [], tags: [] }).passed // true
 */
export function filterItem(
  filters: readonly RuleFilter[],
  item: RuleItem,
): { passed: boolean; results: FilterResult[] } {
  const results = filters.map((filter) => ({ filter, passed: passes(filter, item) }));
  return { passed: results.every((result) => result.passed), results };
}
