import { backupReferences, backupUniqueKeys, type WorkspaceTableName } from './backup-row-schemas.js';

/** A row's problem with the rows around it: the column, and what is wrong. */
export interface RowProblem {
  line: number;
  column: string;
  message: string;
}

type Row = Record<string, unknown>;

/**
 * The checks of a restore across rows, as the file streams by: ids and unique keys not taken twice,
 * and each reference to a row that came before it (a table refers only to tables restored
 * before it), or, for a table's references to itself (a goal's parent), to one of its rows anywhere,
 * with no loop.
 */
export function createRestoreChecks() {
  const ids = new Map<string, Set<string>>();
  const uniques = new Map<object, Set<string>>();
  // References of a table to its own rows, checked when the table ends: [line, column, id].
  const ownReferences: Array<{ line: number; column: string; from: string; to: string }> = [];

  const references = new Map<WorkspaceTableName, Array<[string, WorkspaceTableName]>>();
  const referencesOf = (table: WorkspaceTableName) => {
    let found = references.get(table);
    if (found === undefined) {
      found = Object.entries(backupReferences[table] ?? {});
      references.set(table, found);
    }
    return found;
  };

  const idsOf = (table: string) => {
    let found = ids.get(table);
    if (found === undefined) {
      found = new Set();
      ids.set(table, found);
    }
    return found;
  };

  return {
    /** The problem of a row with the rows before it; null when it has none. Remembers the row. */
    check(table: WorkspaceTableName, row: Row, line: number): RowProblem | null {
      if (typeof row.id === 'string') {
        const tableIds = idsOf(table);
        if (tableIds.has(row.id))
          return { line, column: 'id', message: `"${row.id}" is the id of an earlier row of ${table} too` };
        tableIds.add(row.id);
      }
      for (const unique of backupUniqueKeys[table] ?? []) {
        const value = unique.key(row);
        if (value === null) continue;
        const { what } = unique;
        let seen = uniques.get(unique);
        if (seen === undefined) {
          seen = new Set();
          uniques.set(unique, seen);
        }
        if (seen.has(value))
          return {
            line,
            column: what.split(' ')[0] ?? what,
            message: `an earlier row of ${table} has the same ${what}`,
          };
        seen.add(value);
      }
      for (const [column, target] of referencesOf(table)) {
        const id = row[column];
        if (id === null || id === undefined) continue;
        if (target === table) ownReferences.push({ line, column, from: String(row.id), to: String(id) });
        else if (!idsOf(target).has(String(id)))
          return {
            line,
            column,
            message: `refers to "${String(id)}", which no row of ${target} before it has (the file lists ${target} first)`,
          };
      }
      return null;
    },

    /** The problems of a table's references to its own rows, once all of them are known. */
    endTable(table: WorkspaceTableName): RowProblem | null {
      const references = ownReferences.splice(0);
      const tableIds = idsOf(table);
      const parentOf = new Map(references.map(({ from, to }) => [from, to]));
      for (const { line, column, from, to } of references) {
        if (!tableIds.has(to)) return { line, column, message: `refers to "${to}", which no row of ${table} has` };
        // Walk up: a loop would send the services round it forever.
        const visited = new Set([from]);
        for (let at: string | undefined = to; at !== undefined; at = parentOf.get(at)) {
          if (visited.has(at))
            return { line, column, message: `makes a loop: "${from}" would be its own ancestor through "${to}"` };
          visited.add(at);
        }
      }
      return null;
    },
  };
}
