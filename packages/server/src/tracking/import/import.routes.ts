import { Readable } from 'node:stream';

import {
  AppError,
  dateFormatNames,
  entryFilterOf,
  entryFilterQuerySchema,
  importFormats,
  runningChoices,
  textSchema,
} from '@bigrock/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

import type { BackupService } from '../../backup/backup.service.js';
import type { EntryExportService } from '../export/entry-export.service.js';
import { dayRangeQuery } from '../tracking.routes.js';
import type { ImportService } from './import.service.js';

const importQuery = dayRangeQuery.extend({
  format: z.enum(importFormats).optional().describe('Recognised from the content when left out'),
  dryRun: z.enum(['true', 'false']).optional().describe('true: check and count, change nothing'),
  timeZone: textSchema.optional().describe("The zone of the file's wall-clock times; the workspace's by default"),
  dateFormat: z.enum(dateFormatNames).optional().describe('CSV: the date format when ambiguous'),
  running: z
    .enum(runningChoices)
    .optional()
    .describe(
      'An interval still running in the file since more than a day: stop it (8 hours after its start), keep it as the timer, or skip it. Without it, such a file fails, naming the choice; a dry run lists them in staleRunning',
    ),
  map: z
    .union([textSchema, z.array(textSchema)])
    .optional()
    .describe('CSV: field=Header, repeated (start=Begin&map=activity=What)'),
});

const exportQuery = dayRangeQuery.extend(entryFilterQuerySchema.shape);

function parseMapping(map: string | string[] | undefined): Record<string, string> {
  const mapping: Record<string, string> = {};
  for (const pair of map === undefined ? [] : Array.isArray(map) ? map : [map]) {
    const at = pair.indexOf('=');
    if (at < 1)
      throw new AppError('invalid-input', `map: write field=Header, such as start=Begin; got "${pair}".`, {
        field: 'map',
      });
    mapping[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return mapping;
}

/**
 * Imports, exports, backup and restore. A file comes as the raw request body, streamed: the
 * routes of this scope take any content type and never buffer the body.
 */
export function importExportRoutes(
  imports: ImportService,
  exports: EntryExportService,
  backup: BackupService,
): FastifyPluginAsyncZod {
  return async function registerImportExportRoutes(app) {
    const tags = ['import and export'];
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', (_request, _payload, done) => done(null));

    app.post(
      '/imports',
      {
        schema: {
          tags,
          summary: 'Import a file (the request body): Toggl, Clockify, Timewarrior, ActivityWatch, iCalendar or CSV',
          querystring: importQuery,
        },
      },
      async (request, reply) => {
        const result = await imports.importFile(request.raw, {
          format: request.query.format,
          from: request.query.from,
          to: request.query.to,
          dryRun: request.query.dryRun === 'true',
          timeZone: request.query.timeZone,
          dateFormat: request.query.dateFormat,
          mapping: parseMapping(request.query.map),
          running: request.query.running,
        });
        // A file with bad rows is the user's to fix: 422, with the same answer that names each row.
        return reply.status(result.status === 'failed' ? 422 : 200).send(result);
      },
    );

    app.get(
      '/exports/entries.csv',
      {
        schema: {
          tags,
          summary: 'Time entries as CSV, one row per entry; of a client, a project, billable or not',
          querystring: exportQuery,
        },
      },
      (request, reply) =>
        reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="bigrock-entries.csv"')
          .send(Readable.from(exports.csv({ ...request.query, filter: entryFilterOf(request.query) }))),
    );
    app.get(
      '/exports/entries.ics',
      { schema: { tags, summary: 'Time entries as an iCalendar file', querystring: exportQuery } },
      (request, reply) =>
        reply
          .header('content-type', 'text/calendar; charset=utf-8')
          .header('content-disposition', 'attachment; filename="bigrock-entries.ics"')
          .send(Readable.from(exports.ics({ ...request.query, filter: entryFilterOf(request.query) }))),
    );

    app.get(
      '/backup',
      {
        schema: {
          tags,
          summary: 'A full JSON backup of the workspace',
          querystring: z.object({
            credentials: textSchema
              .pipe(z.enum(['include'], { error: 'must be include, or left out to leave the credentials out' }))
              .optional()
              .describe('include: put the publishing credentials in the backup, in the clear (left out otherwise)'),
          }),
        },
      },
      (request, reply) =>
        reply
          .header('content-type', 'application/json; charset=utf-8')
          .header('content-disposition', 'attachment; filename="bigrock-backup.json"')
          .send(Readable.from(backup.backup({ includeCredentials: request.query.credentials === 'include' }))),
    );
    app.post(
      '/restore',
      { schema: { tags, summary: "Replace the workspace's data with a backup (the request body)" } },
      (request) => backup.restore(request.raw),
    );
  };
}
