import { sql, type Kysely } from 'kysely';

// A goal's tracking source was a label (manual, timer, import, integration) that nothing read.
// It is now where the goal's numbers come from, stored as JSON (goals/stored-goal-source.ts);
// every goal so far was fed by its own data points, so each old label becomes the manual source.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`update goals set tracking_source = ${'{"kind":"manual"}'}`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`update goals set tracking_source = 'manual'`.execute(db);
}
