import type { Kysely, Selectable } from 'kysely';

import type { Database, FocusInterruptionTable, FocusSessionTable, TimeEntryTable } from '../db/database.js';

export type FocusSessionRow = Selectable<FocusSessionTable>;
export type FocusInterruptionRow = Selectable<FocusInterruptionTable>;
export type FocusEntryRow = Pick<Selectable<TimeEntryTable>, 'id' | 'start_ms' | 'end_ms' | 'source_id'>;

/** The source of the time entries a focus session makes. */
export const FOCUS_SOURCE = 'focus';

/**
 * The source ids of a session's entries run from `<id>.1` up; '/' follows '.' in every collation
 * the databases use for these ids (digits and lower-case letters), so the range holds them all.
 */
const sourceIdRange = (sessionId: string) => ({ from: `${sessionId}.`, to: `${sessionId}/` });

/** The rows of focus sessions and interruptions, on the database or inside a transaction. */
export function createFocusRepository(db: Kysely<Database>) {
  return {
    /** The same queries inside a transaction (the timer's, when time entries change with the session). */
    on(trx: Kysely<Database>) {
      return createFocusRepository(trx);
    },

    /** The open session (running or paused), if any: there is at most one (a partial unique index). */
    async findOpen(workspaceId: string): Promise<FocusSessionRow | undefined> {
      return db
        .selectFrom('focus_sessions')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('ended_at', 'is', null)
        .executeTakeFirst();
    },

    async find(workspaceId: string, id: string): Promise<FocusSessionRow | undefined> {
      return db
        .selectFrom('focus_sessions')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    /** The session started last: its planned length is the one a new session takes by default. */
    async lastStarted(workspaceId: string): Promise<FocusSessionRow | undefined> {
      return db
        .selectFrom('focus_sessions')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('started_at', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
    },

    async insertSession(row: FocusSessionTable): Promise<void> {
      await db.insertInto('focus_sessions').values(row).execute();
    },

    async updateSession(
      workspaceId: string,
      id: string,
      changes: Partial<Pick<FocusSessionTable, 'status' | 'ended_at' | 'abandon_reason' | 'updated_at'>>,
    ): Promise<void> {
      await db
        .updateTable('focus_sessions')
        .set(changes)
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .execute();
    },

    async insertInterruption(row: FocusInterruptionTable): Promise<void> {
      await db.insertInto('focus_interruptions').values(row).execute();
    },

    async interruptionsOf(workspaceId: string, sessionId: string): Promise<FocusInterruptionRow[]> {
      return db
        .selectFrom('focus_interruptions')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('session_id', '=', sessionId)
        .orderBy('at')
        .orderBy('id')
        .execute();
    },

    /** A session's time entries, in start order (the user may have changed or deleted some). */
    async entriesOf(workspaceId: string, sessionId: string): Promise<FocusEntryRow[]> {
      const { from, to } = sourceIdRange(sessionId);
      return db
        .selectFrom('time_entries')
        .select(['id', 'start_ms', 'end_ms', 'source_id'])
        .where('workspace_id', '=', workspaceId)
        .where('source', '=', FOCUS_SOURCE)
        .where('source_id', '>=', from)
        .where('source_id', '<', to)
        .orderBy('start_ms')
        .orderBy('id')
        .execute();
    },

    /**
     * The focus entries that overlap [startMs, endMs): the index on (workspace, source, source_id)
     * keeps the scan to the workspace's focus entries.
     */
    async entriesInRange(workspaceId: string, startMs: number, endMs: number): Promise<FocusEntryRow[]> {
      return db
        .selectFrom('time_entries')
        .select(['id', 'start_ms', 'end_ms', 'source_id'])
        .where('workspace_id', '=', workspaceId)
        .where('source', '=', FOCUS_SOURCE)
        .where('start_ms', '<', endMs)
        .where((eb) => eb.or([eb('end_ms', '>', startMs), eb('end_ms', 'is', null)]))
        .execute();
    },

    /** Sessions that ended between two instants (ISO text, the end excluded). */
    async endedBetween(workspaceId: string, from: string, to: string): Promise<FocusSessionRow[]> {
      return db
        .selectFrom('focus_sessions')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('ended_at', '>=', from)
        .where('ended_at', '<', to)
        .execute();
    },

    /** Interruptions logged between two instants (ISO text, the end excluded). */
    async interruptionsBetween(workspaceId: string, from: string, to: string): Promise<FocusInterruptionRow[]> {
      return db
        .selectFrom('focus_interruptions')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('at', '>=', from)
        .where('at', '<', to)
        .execute();
    },
  };
}

export type FocusRepository = ReturnType<typeof createFocusRepository>;
