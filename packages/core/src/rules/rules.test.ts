import { describe, expect, it } from 'vitest';

import { createRuleSchema, patternProblem } from './rule-input.js';
import { filterItem, hashtagsOf, type RuleItem } from './rule-item.js';
import { lastDueAt, nextDueAt, scheduleItemFields } from './rule-schedule.js';
import { renderTemplate, TemplateFieldError, templateFields, templateProblem } from './rule-template.js';

const item = (fields: Record<string, string>, categories: string[] = [], tags: string[] = []): RuleItem => ({
  fields,
  categories,
  tags,
});

describe('rule templates', () => {
  it('fills the fields in braces and writes doubled braces as braces', () => {
    expect(renderTemplate('New: {title} {link} {{x}}', { title: 'Hi <b>', link: 'https://x.org/1' })).toBe(
      'New: Hi <b> https://x.org/1 {x}',
    );
    expect(templateFields('{title} {link} {title}')).toEqual(['title', 'link']);
  });

  it('names the unknown field and the fields there are', () => {
    expect(() => renderTemplate('{titel}', { title: 'x', link: 'y' })).toThrow(TemplateFieldError);
    expect(() => renderTemplate('{titel}', { title: 'x', link: 'y' })).toThrow(
      '{titel} is not a field of this item: use {title}, {link}',
    );
  });

  it('says where a brace is left open or stray', () => {
    expect(templateProblem('New: {title')).toMatch(/character 6 that is never closed/);
    expect(templateProblem('a } b')).toMatch(/character 3 that closes nothing/);
    expect(templateProblem('{ }')).toMatch(/a field is a name/);
    expect(templateProblem('{title}')).toBeNull();
  });
});

describe('rule filters', () => {
  const post = item({ title: 'The Launch of Bigrock', summary: 'Out now #Release #2027plan' }, ['News'], ['beta']);

  it('contains, whatever the case, in one field or any', () => {
    expect(filterItem([{ kind: 'contains', value: 'launch' }], post).passed).toBe(true);
    expect(filterItem([{ kind: 'contains', field: 'summary', value: 'launch' }], post).passed).toBe(false);
    expect(filterItem([{ kind: 'contains', field: 'nothing', value: 'x' }], post).passed).toBe(false);
  });

  it('matches a regular expression, on a bounded part of the text', () => {
    expect(filterItem([{ kind: 'matches', field: 'title', pattern: '^the\\s+launch' }], post).passed).toBe(true);
    const long = item({ title: `${'a'.repeat(20_000)}needle` });
    expect(filterItem([{ kind: 'matches', pattern: 'needle' }], long).passed).toBe(false);
  });

  it('finds categories and tags, hashtags in the text included, and gives each verdict', () => {
    const result = filterItem(
      [
        { kind: 'category', value: 'news' },
        { kind: 'tag', value: 'release' },
        { kind: 'tag', value: 'BETA' },
        { kind: 'tag', value: 'missing' },
      ],
      post,
    );
    expect(result.results.map((entry) => entry.passed)).toEqual([true, true, true, false]);
    expect(result.passed).toBe(false);
    expect(hashtagsOf('x #one, #two_2 a#not #3')).toEqual(['one', 'two_2']);
  });

  it('refuses a pattern that does not compile or is too long, as input', () => {
    expect(patternProblem('(')).toMatch(/is not a regular expression/);
    expect(patternProblem('a'.repeat(201))).toMatch(/at most 200/);
    const parsed = createRuleSchema.safeParse({
      name: 'r',
      trigger: { kind: 'webhook' },
      filters: [{ kind: 'matches', pattern: '[z-a]' }],
      actions: [{ kind: 'log', activity: 'calls' }],
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['filters', 0, 'pattern']);
  });
});

describe('rule schedules', () => {
  const weekly = {
    kind: 'schedule' as const,
    at: [
      { day: 'mon' as const, time: '09:00' },
      { day: 'thu' as const, time: '17:30' },
    ],
  };
  const paris = 'Europe/Paris';

  it('fires the latest due time once, however many were missed', () => {
    const now = Date.parse('2027-01-25T10:00:00+01:00'); // a Monday, two weeks after the last run
    const since = Date.parse('2027-01-11T09:00:00+01:00');
    expect(lastDueAt(weekly, paris, now, since, 0)).toBe(Date.parse('2027-01-25T09:00:00+01:00'));
    // Fired: nothing more until the next due time.
    expect(lastDueAt(weekly, paris, now, Date.parse('2027-01-25T09:00:00+01:00'), 0)).toBeNull();
    expect(new Date(nextDueAt(weekly, paris, now, 0)).toISOString()).toBe('2027-01-28T16:30:00.000Z');
  });

  it("keeps 09:00 on the zone's clocks across a daylight-saving change", () => {
    const now = Date.parse('2027-03-29T12:00:00+02:00'); // the Monday after the change
    expect(new Date(lastDueAt(weekly, paris, now, 0, 0) ?? 0).toISOString()).toBe('2027-03-29T07:00:00.000Z');
    expect(new Date(lastDueAt(weekly, paris, Date.parse('2027-03-26T12:00:00+01:00'), 0, 0) ?? 0).toISOString()).toBe(
      '2027-03-25T16:30:00.000Z',
    );
  });

  it('counts an interval from the anchor, collapsing missed runs', () => {
    const every = { kind: 'schedule' as const, everyMinutes: 60 };
    const anchor = Date.parse('2027-01-01T00:00:00Z');
    expect(lastDueAt(every, 'UTC', anchor + 30 * 60_000, anchor, anchor)).toBeNull();
    expect(lastDueAt(every, 'UTC', anchor + 5.5 * 3_600_000, anchor, anchor)).toBe(anchor + 5 * 3_600_000);
    expect(nextDueAt(every, 'UTC', anchor + 5.5 * 3_600_000, anchor)).toBe(anchor + 6 * 3_600_000);
    expect(scheduleItemFields(Date.parse('2027-01-25T08:00:00Z'), paris)).toEqual({
      date: '2027-01-25',
      time: '09:00',
      weekday: 'mon',
      due: '2027-01-25T08:00:00.000Z',
    });
  });
});
