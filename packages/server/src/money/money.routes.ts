import { moneySettingsPatchSchema } from '@bigrock/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

import { hourlyValueQuerySchema, type MoneyService } from './money.service.js';

export function moneyRoutes(money: MoneyService): FastifyPluginAsyncZod {
  return async function registerMoneyRoutes(app) {
    const tags = ['money'];
    app.get(
      '/settings',
      {
        schema: {
          tags,
          summary:
            'The money settings: currency, exchange rates, target hourly rate, hours a week, week start, value window',
        },
      },
      () => money.get(),
    );
    app.patch(
      '/settings',
      {
        schema: {
          tags,
          summary: 'Change the money settings; fields left out stay, an exchange rate of null is removed',
          body: moneySettingsPatchSchema,
        },
      },
      (request) => money.update(request.body),
    );
    app.get(
      '/money/hourly-value',
      {
        schema: {
          tags,
          summary: 'Hourly value (revenue ÷ hours tracked over a trailing window) and buyback rate (a quarter of it)',
          querystring: hourlyValueQuerySchema,
        },
      },
      (request) => money.hourlyValueOf(request.query),
    );
  };
}
