import {
  applyMoneySettingsPatch,
  AppError,
  DEFAULT_MONEY_SETTINGS,
  isTimeZone,
  moneySettingsPatchSchema,
  readMoneySettings as readStoredMoneySettings,
  withoutNul,
  workingHoursSchema,
  type MoneySettings,
  type WorkingHours,
} from '@bigrock/core';

import type { Clock } from '../clock.js';
import type { DialectName } from '../db/open-database.js';
import type { JsonPath } from '../tracking/import/json-values.js';
import { decodeUtf8, ImportAbort, type ByteSource } from '../tracking/import/text-input.js';
import { backupRowSchemas, createRowValidator, type WorkspaceTableName } from './backup-row-schemas.js';
import type { BackupRepository, Row, TableInfo } from './backup.repository.js';
import { createRestoreChecks, type RowProblem } from './restore-checks.js';

export const BACKUP_FORMAT = 'bigrock-backup';
export const BACKUP_VERSION = 1;

/** Columns that refer to rows of their own table: restored in a second pass, once every row is there. */
const selfReferences: Record<string, string[]> = { goals: ['parent_id'] };

/** Rows per insert: within SQLite's and PostgreSQL's limits on bound parameters. */
const MAX_PARAMETERS = 30_000;
/**
 * A column of secrets, sealed in the database: left out of a backup (null) unless the user asks
 * for it, then written in the clear after "plain:", and sealed again with this Bigrock's key when
 * restored.
 */
export interface BackupSecrets {
  table: string;
  column: string;
  reveal(row: Row): string;
  seal(row: Row, plaintext: string): string;
}

export const PLAIN_SECRET_PREFIX = 'plain:';

/**
 * Columns of bytes (a post's images), written to a backup in base64 and decoded on restore: a
 * queued post restored without its images would go out without them.
 */
const BINARY_COLUMNS: Partial<Record<string, readonly string[]>> = { post_media: ['data'] };

export interface BackupOptions {
  /** Put the secrets (publishing credentials) in the backup, in the clear. */
  includeCredentials?: boolean;
}

export interface BackupServiceDeps {
  backups: BackupRepository;
  /** The same repository reading one moment of the data, for as long as a backup takes. */
  snapshot: () => Promise<{ backups: BackupRepository; end(): Promise<void> }>;
  dialect: DialectName;
  clock: Clock;
  workspaceId: string;
  secrets?: BackupSecrets[];
}

export interface RestoreResult {
  /** Rows restored, by table. */
  tables: Record<string, number>;
  /**
   * NUL characters (U+0000) taken out of the text: the one repair a restore makes, so that a backup
   * of an older Bigrock on SQLite, which let them in, restores on PostgreSQL, which cannot store them.
   */
  nulCharactersRemoved: number;
}

const isScalar = (value: unknown) =>
  value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

const isWorkspaceTable = (name: string): name is WorkspaceTableName => Object.hasOwn(backupRowSchemas, name);

/** A cell as a message shows it: short, and quoted when text. */
const shown = (value: unknown) => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
};

/**
 * A full backup of a workspace as one JSON document, and its restore. The backup streams every
 * table row by row; the restore replaces the workspace's data with the file's, in one transaction,
 * so that a bad file changes nothing. Each row is checked before it is written, with the
 * constraints of the API (`backup-row-schemas.ts`) and against the rows before it
 * (`restore-checks.ts`): a row the API would refuse never reaches a table.
 */
/** The columns that hold a currency code, by table. */
const CURRENCY_COLUMNS: Partial<Record<string, readonly string[]>> = {
  outcomes: ['currency'],
  time_entries: ['rate_currency'],
};

export function createBackupService({
  backups,
  snapshot,
  dialect,
  clock,
  workspaceId,
  secrets = [],
}: BackupServiceDeps) {
  /** The row as the backup writes it: secrets left out, or revealed when the user asked for them. */
  function backedUp(table: string, row: Row, options: BackupOptions): Row {
    const columns = secrets.filter((secret) => secret.table === table);
    const binary = BINARY_COLUMNS[table] ?? [];
    if (columns.length === 0 && binary.length === 0) return row;
    const written = { ...row };
    for (const column of binary) {
      const bytes = row[column];
      if (bytes instanceof Uint8Array)
        written[column] = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
    }
    for (const secret of columns) {
      const sealed = row[secret.column];
      written[secret.column] =
        options.includeCredentials && typeof sealed === 'string' ? `${PLAIN_SECRET_PREFIX}${secret.reveal(row)}` : null;
    }
    return written;
  }

  /** Every table of the workspace as JSON text, in chunks, read from `reading`. */
  async function* backupOf(reading: BackupRepository, options: BackupOptions): AsyncGenerator<string> {
    const workspace = await reading.workspace();
    const header = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: clock.now().toISOString(),
      workspace: {
        name: workspace?.name ?? '',
        timeZone: workspace?.timeZone ?? 'UTC',
        ...(workspace !== undefined && {
          workingHours: JSON.parse(workspace.workingHours) as unknown,
          // Written whole, defaults included, so that a restored workspace backs up the same.
          moneySettings: readStoredMoneySettings(JSON.parse(workspace.moneySettings)),
        }),
      },
    };
    yield `${JSON.stringify(header).slice(0, -1)},"tables":{`;
    let firstTable = true;
    for (const table of await reading.workspaceTables()) {
      yield `${firstTable ? '' : ','}\n${JSON.stringify(table.name)}:[`;
      firstTable = false;
      let firstRow = true;
      for await (const page of reading.tableRows(table)) {
        let text = '';
        for (const row of page) {
          text += `${firstRow ? '' : ','}\n${JSON.stringify(backedUp(table.name, row, options))}`;
          firstRow = false;
        }
        yield text;
      }
      yield ']';
    }
    yield '\n}}\n';
  }

  return {
    /**
     * Every table of the workspace as JSON text, in chunks: the data as it was when the backup
     * began, however long it takes and whatever is written meanwhile (a timer started mid-way).
     */
    async *backup(options: BackupOptions = {}): AsyncGenerator<string> {
      const reading = await snapshot();
      try {
        yield* backupOf(reading.backups, options);
      } finally {
        await reading.end();
      }
    },

    /** How many rows each table of the workspace holds: what a restore would replace. */
    async contents(): Promise<Record<string, number>> {
      return backups.countRows(await backups.workspaceTables());
    },

    /** Replaces the workspace's data with a backup's; all or nothing. */
    async restore(source: ByteSource): Promise<RestoreResult> {
      const tables = new Map((await backups.workspaceTables()).map((table) => [table.name, table]));
      const restored: Record<string, number> = {};
      const checks = createRestoreChecks();
      const validate = createRowValidator();
      let nulCharactersRemoved = 0;
      const header: { format?: unknown; version?: unknown; workspace?: unknown } = {};
      // A backup from before working hours (migration 0009) has none: the workspace keeps its own.
      let workingHours: WorkingHours | undefined;
      // Nor money settings before migration 0012: the workspace keeps its own.
      let moneySettings: MoneySettings | undefined;
      const trx = await backups.startReplacing();
      let cleared = false;
      // The table being filled: rows wait here until there are enough for one insert.
      const state: {
        current: { table: TableInfo; rows: Row[]; deferred: Array<{ id: unknown; values: Row }> } | null;
      } = {
        current: null,
      };

      const fail = (line: number, message: string): never => {
        throw new ImportAbort({ line, message });
      };
      const failRow = (table: string, { line, column, message }: RowProblem): never =>
        fail(line, `${table}.${column} ${message}. Correct that row of the file and restore again.`);

      /** Text without NUL characters, counted. */
      const clean = (cell: unknown) => {
        if (typeof cell !== 'string') return cell;
        const { text, removed } = withoutNul(cell);
        nulCharactersRemoved += removed;
        return text;
      };

      async function clear(line: number): Promise<void> {
        if (cleared) return;
        if (header.format !== BACKUP_FORMAT)
          fail(line, `This is not a Bigrock backup: it must start with "format": "${BACKUP_FORMAT}".`);
        if (header.version !== BACKUP_VERSION) {
          fail(
            line,
            `This backup is version ${String(header.version)}; this Bigrock restores version ${BACKUP_VERSION}.`,
          );
        }
        await trx.clear([...tables.values()]);
        cleared = true;
      }

      /** The table being filled is complete: its references to its own rows are checked, its rows written. */
      async function endTable(): Promise<void> {
        const name = state.current?.table.name;
        const problem = name !== undefined && isWorkspaceTable(name) ? checks.endTable(name) : null;
        if (name !== undefined && problem !== null) failRow(name, problem);
        await flush(true);
      }

      async function flush(final: boolean): Promise<void> {
        const { current } = state;
        if (current === null) return;
        const { table, rows } = current;
        // Rows of bytes one at a time: eight images in one statement would be 64 MB.
        const perInsert =
          BINARY_COLUMNS[table.name] === undefined
            ? Math.max(1, Math.floor(MAX_PARAMETERS / (table.columns.length + 1)))
            : 1;
        while (rows.length >= (final ? 1 : perInsert)) {
          const chunk = rows.splice(0, perInsert);
          await trx.insert(table, chunk);
        }
        if (final) {
          for (const { id, values } of current.deferred) await trx.update(table, id, values);
          state.current = null;
        }
      }

      /** The row's cells without NUL, checked alone and against the rows before it. */
      function checkedCells(table: TableInfo, value: unknown, line: number): Row {
        if (typeof value !== 'object' || value === null || Array.isArray(value)) {
          return fail(line, `Each row of ${table.name} must be an object.`);
        }
        const cells: Row = {};
        for (const [column, cell] of Object.entries(value)) {
          if (!table.columns.includes(column))
            fail(line, `${table.name} has no column "${column}": is this backup from a newer Bigrock?`);
          if (!isScalar(cell)) fail(line, `${table.name}.${column} must be text, a number or null.`);
          cells[column] = clean(cell);
        }
        const name = table.name;
        if (!isWorkspaceTable(name))
          throw new Error(
            `The table ${name} has no row schema in backup-row-schemas.ts, so its rows cannot be checked.`,
          );
        const invalid = validate(name, cells);
        if (invalid !== null) {
          const { column, message } = invalid;
          const got = message.includes('got ') || !(column in cells) ? '' : `, got ${shown(cells[column])}`;
          failRow(name, { line, column, message: `${message}${got}` });
        }
        const problem = checks.check(name, cells, line);
        if (problem !== null) failRow(name, problem);
        // A currency is stored as the API stores it: its ISO 4217 code in capitals ("usd" is USD).
        for (const column of CURRENCY_COLUMNS[name] ?? []) {
          const code = cells[column];
          if (typeof code === 'string') cells[column] = code.trim().toUpperCase();
        }
        for (const secret of secrets) {
          const plain = cells[secret.column];
          if (secret.table === table.name && typeof plain === 'string' && plain.startsWith(PLAIN_SECRET_PREFIX)) {
            cells[secret.column] = secret.seal(cells, plain.slice(PLAIN_SECRET_PREFIX.length));
          }
        }
        return cells;
      }

      function toRow(table: TableInfo, value: unknown, line: number): { row: Row; deferred: Row | null } {
        const row: Row = { workspace_id: workspaceId };
        let deferred: Row | null = null;
        for (const [column, cell] of Object.entries(checkedCells(table, value, line))) {
          const stored =
            dialect === 'sqlite' && typeof cell === 'boolean'
              ? Number(cell)
              : typeof cell === 'string' && BINARY_COLUMNS[table.name]?.includes(column)
                ? Buffer.from(cell, 'base64')
                : cell;
          if (selfReferences[table.name]?.includes(column) && stored !== null) {
            deferred = { ...(deferred ?? {}), [column]: stored };
            row[column] = null;
          } else {
            row[column] = stored;
          }
        }
        return { row, deferred };
      }

      /** The header's working hours, checked as the API checks them; undefined when the backup has none. */
      function readWorkingHours(workspace: unknown, line: number): WorkingHours | undefined {
        if (typeof workspace !== 'object' || workspace === null || !('workingHours' in workspace)) return undefined;
        const parsed = workingHoursSchema.safeParse(workspace.workingHours);
        if (parsed.success) return parsed.data;
        const issue = parsed.error.issues[0];
        const field = ['workspace', 'workingHours', ...(issue?.path ?? []).map(String)].join('.');
        return fail(
          line,
          `${field} ${issue?.message ?? 'is not valid'}. Correct the working hours of the file and restore again.`,
        );
      }

      /** The header's money settings, checked as the API checks a change to them. */
      function readMoneySettings(workspace: unknown, line: number): MoneySettings | undefined {
        if (typeof workspace !== 'object' || workspace === null || !('moneySettings' in workspace)) return undefined;
        const parsed = moneySettingsPatchSchema.safeParse(workspace.moneySettings);
        if (parsed.success)
          return applyMoneySettingsPatch({ ...DEFAULT_MONEY_SETTINGS, exchangeRates: {} }, parsed.data);
        const issue = parsed.error.issues[0];
        const field = ['workspace', 'moneySettings', ...(issue?.path ?? []).map(String)].join('.');
        return fail(
          line,
          `${field} ${issue?.message ?? 'is not valid'}. Correct the money settings of the file and restore again.`,
        );
      }

      const wants = (path: JsonPath) =>
        (path.length === 1 && ['format', 'version', 'workspace'].includes(String(path[0]))) ||
        (path.length === 3 && path[0] === 'tables' && typeof path[2] === 'number');

      try {
        const { streamJsonValues } = await import('../tracking/import/json-values.js');
        for await (const batch of streamJsonValues(decodeUtf8(source), wants, 'object', { refuseNul: false })) {
          for (const { path, value, line } of batch) {
            if (path.length === 1) {
              header[String(path[0]) as keyof typeof header] = value;
              if (path[0] === 'workspace') {
                workingHours = readWorkingHours(value, line);
                moneySettings = readMoneySettings(value, line);
              }
              continue;
            }
            await clear(line);
            const name = String(path[1]);
            const table =
              tables.get(name) ??
              fail(line, `This Bigrock has no table "${name}": is this backup from a newer version?`);
            if (state.current?.table !== table) await endTable();
            const current = state.current ?? { table, rows: [], deferred: [] };
            state.current = current;
            const { row, deferred } = toRow(table, value, line);
            current.rows.push(row);
            if (deferred !== null) current.deferred.push({ id: row.id, values: deferred });
            restored[name] = (restored[name] ?? 0) + 1;
            await flush(false);
          }
        }
        await clear(1);
        await endTable();
        const workspace = header.workspace;
        if (typeof workspace === 'object' && workspace !== null && 'name' in workspace && 'timeZone' in workspace) {
          const { timeZone } = workspace;
          const name = clean(workspace.name);
          if (typeof name === 'string' && typeof timeZone === 'string' && isTimeZone(timeZone)) {
            await trx.setWorkspace(name, timeZone);
          }
        }
        if (workingHours !== undefined) await trx.setWorkingHours(workingHours);
        if (moneySettings !== undefined) await trx.setMoneySettings(moneySettings);
        await trx.commit();
        return { tables: restored, nulCharactersRemoved };
      } catch (error) {
        await trx.rollback();
        if (error instanceof ImportAbort) {
          const issue = error.issues[0];
          throw new AppError('invalid-input', `Nothing was restored. Line ${issue?.line ?? 0}: ${error.message}`, {
            field: 'backup',
            cause: error,
          });
        }
        throw new AppError(
          'invalid-input',
          'Nothing was restored: the backup does not fit this database; see the cause.',
          {
            field: 'backup',
            cause: error,
          },
        );
      }
    },
  };
}

export type BackupService = ReturnType<typeof createBackupService>;
