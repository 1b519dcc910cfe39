import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import * as core from '../index.js';

/** Every zod schema that core exports: the input schemas of every area, and the ones to come. */
const schemas = Object.entries(core as Record<string, unknown>).filter(
  (entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType,
);

/** The string nodes of a JSON schema, with their paths. */
function stringNodes(node: unknown, path: string): Array<{ path: string; node: Record<string, unknown> }> {
  if (typeof node !== 'object' || node === null) return [];
  const record = node as Record<string, unknown>;
  const own = record.type === 'string' ? [{ path, node: record }] : [];
  return [
    ...own,
    ...Object.entries(record).flatMap(([key, child]) =>
      Array.isArray(child)
        ? child.flatMap((item, index) => stringNodes(item, `${path}.${key}[${index}]`))
        : stringNodes(child, `${path}.${key}`),
    ),
  ];
}

describe('the input schemas of core', () => {
  it('are many, so that the walk below sees them', () => {
    expect(schemas.map(([name]) => name)).toEqual(
      expect.arrayContaining(['createGoalSchema', 'createActivitySchema', 'planSchema', 'createOutcomeSchema']),
    );
  });

  it('refuse a NUL character in every string field: each one has a pattern that leaves it out, or is an enum', () => {
    for (const [name, schema] of schemas) {
      const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
      for (const { path, node } of stringNodes(json, name)) {
        if (Array.isArray(node.enum) || node.const !== undefined) continue;
        expect(typeof node.pattern, `${path} has no pattern`).toBe('string');
        const pattern = new RegExp(String(node.pattern));
        expect(pattern.test('\u0000') || pattern.test('calls\u0000'), `${path} lets a NUL through`).toBe(false);
      }
    }
  });

  it('name the NUL and how to fix it', () => {
    const result = core.createGoalSchema.safeParse({ title: 'Recruit\u0000 12' });
    expect(result.error?.issues[0]).toMatchObject({
      path: ['title'],
      message: 'must not contain a NUL character (U+0000): remove it',
    });
    expect(core.withoutNul('a\u0000b\u0000')).toEqual({ text: 'ab', removed: 2 });
  });

  it('bound every number to what the maths can carry, saying the range', () => {
    const refused: Array<[z.ZodType, unknown, string, string]> = [
      [core.createGoalSchema, { title: 'x', target: 1e300 }, 'target', 'from -1,000,000,000,000 to 1,000,000,000,000'],
      [core.createGoalSchema, { title: 'x', hoursPerWeek: 5e-324 }, 'hoursPerWeek', '0, or a number from 0.1 to 168'],
      [core.logProgressSchema, { value: -1e13 }, 'value', 'from -1,000,000,000,000'],
      [core.createActivitySchema, { name: 'calls', rate: 5e-324, ratePeriod: 'day' }, 'rate', 'from 0.01 to 100,000'],
      [core.createActivitySchema, { name: 'calls', minutesPerUnit: 1e-9 }, 'minutesPerUnit', '0.01 to 1,440'],
      [
        core.createFunnelSchema,
        { name: 'f', stages: [{ activity: 'a' }], hoursPerWeek: 5e-324 },
        'hoursPerWeek',
        '0.1',
      ],
      [
        core.createFunnelSchema,
        { name: 'f', stages: [{ activity: 'a' }, { activity: 'b', conversion: 5e-324 }] },
        'stages.1.conversion',
        'from 0.001 to 1',
      ],
      [core.createFunnelSchema, { name: 'f', stages: [{ activity: 'a' }], valuePerUnit: 1e-7 }, 'valuePerUnit', '0.01'],
      [
        core.createFunnelSchema,
        { name: 'f', stages: [{ activity: 'a' }], workdaysPerWeek: 0.5 },
        'workdaysPerWeek',
        '1 to 7',
      ],
      [core.createOutcomeSchema, { kind: 'revenue', amount: 1e13 }, 'amount', 'from 0 to 1,000,000,000,000'],
    ];
    for (const [schema, input, path, message] of refused) {
      const issue = schema.safeParse(input).error?.issues[0];
      expect(issue?.path.join('.'), path).toBe(path);
      expect(issue?.message, path).toContain(message);
    }
  });

  it('take counts of things in whole numbers only', () => {
    expect(core.logActivitySchema.safeParse({ count: 0.5 }).error?.issues[0]?.message).toBe(
      'must be a whole number from 1 to 100,000',
    );
    expect(core.logActivitySchema.safeParse({ count: 3 }).success).toBe(true);
    expect(core.createActivitySchema.safeParse({ name: 'gym', rate: 2.5, ratePeriod: 'times-a-week' }).success).toBe(
      false,
    );
    expect(core.createOutcomeSchema.safeParse({ kind: 'client', amount: 0.5 }).success).toBe(false);
    // A funnel's target counts units of its last stage, unless each unit has a value.
    const funnel = { name: 'f', stages: [{ activity: 'recruits' }] };
    expect(core.createFunnelSchema.safeParse({ ...funnel, target: 3.5 }).error?.issues[0]?.path).toEqual(['target']);
    expect(core.createFunnelSchema.safeParse({ ...funnel, target: 1000.5, valuePerUnit: 300 }).success).toBe(true);
    // A goal's value is money or a measurement: fractions stay.
    expect(core.logProgressSchema.safeParse({ value: 72.4 }).success).toBe(true);
  });

  it('take a currency only when ISO 4217 lists it', () => {
    expect(core.createOutcomeSchema.parse({ kind: 'revenue', amount: 10, currency: 'eur' }).currency).toBe('EUR');
    for (const currency of ['NaN', 'ABC', 'US', 'EURO'])
      expect(
        core.createOutcomeSchema.safeParse({ kind: 'revenue', amount: 10, currency }).error?.issues[0],
      ).toMatchObject({ path: ['currency'], message: 'must be an ISO 4217 currency code such as USD, EUR or JPY' });
  });

  it('refuse dates that are not days of the calendar or fall outside 1900 to 2999', () => {
    for (const date of ['2026-02-30', '0000-01-01', '9999-12-31', '1899-12-31', '3000-01-01', '2026-13-01']) {
      expect(core.logProgressSchema.safeParse({ value: 1, date }).success, date).toBe(false);
      expect(core.isCalendarDate(date), date).toBe(false);
    }
    expect(core.logProgressSchema.safeParse({ value: 1, date: '9999-12-31' }).error?.issues[0]?.message).toBe(
      'must be a date from 1900-01-01 to 2999-12-31, got "9999-12-31"',
    );
    expect(core.isCalendarDate('2999-12-31') && core.isCalendarDate('1900-01-01')).toBe(true);
  });

  it('refuse instants with an offset no clock uses, a day not in the calendar, or a year outside 1900 to 2999', () => {
    const refused: Array<[string, string]> = [
      ['2026-03-02T09:30+25:00', 'has the offset +25:00; clocks use offsets from -12:00 to +14:00'],
      ['2026-03-02T09:30-13:00', 'offsets from -12:00 to +14:00'],
      ['2026-03-02T09:30+01:75', 'has the offset +01:75'],
      ['2026-02-30T09:30Z', '2026-02-30 is not a day of the calendar'],
      ['2026-02-30 09:30', '2026-02-30 is not a day of the calendar'],
      ['0000-01-01T00:00:00Z', 'must fall from 1900-01-01 to 2999-12-31'],
      ['9999-12-31T23:59:59Z', 'must fall from 1900-01-01 to 2999-12-31'],
      ['25:00', 'is not a time of day'],
    ];
    for (const [text, message] of refused) {
      const issue = core.createEntrySchema.safeParse({ activity: 'Calls', start: text, end: text }).error?.issues[0];
      expect(issue?.path, text).toEqual(['start']);
      expect(issue?.message, text).toContain(message);
    }
    expect(core.parseInstantInput('2026-03-02T09:30+14:00', 'UTC', new Date())).toBe(Date.parse('2026-03-01T19:30Z'));
    expect(core.readInstantInput('9999-06-01 10:00', 'Europe/Paris', new Date())).toMatchObject({
      problem: '"9999-06-01 10:00" must fall from 1900-01-01 to 2999-12-31',
    });
  });
});
