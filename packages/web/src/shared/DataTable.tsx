import type { Key, ReactNode } from 'react';

/** A column of a DataTable: its heading, whether it holds figures (right-aligned), and each row's cell. */
export interface Column<Row> {
  label: string;
  number?: boolean;
  cell(row: Row): ReactNode;
}

/**
 * A table of records, the first column each row's heading: on a phone each row shows as a card
 * whose cells carry their column's label (`.data-cards`), and it stays a table to a screen reader.
 * The caption is for screen readers only unless `showCaption`.
 */
export function DataTable<Row>({
  caption,
  showCaption = false,
  rowKey,
  columns: [head, ...columns],
  rows,
  footer,
}: {
  caption: ReactNode;
  showCaption?: boolean;
  rowKey(row: Row): Key;
  columns: [Column<Row>, ...Column<Row>[]];
  rows: readonly Row[];
  /** The rows of a <tfoot>: totals. */
  footer?: ReactNode;
}) {
  return (
    <table className="data-points data-cards">
      <caption className={showCaption ? undefined : 'sr-only'}>{caption}</caption>
      <thead>
        <tr>
          {[head, ...columns].map((column) => (
            <th key={column.label} scope="col" className={column.number ? 'number' : undefined}>
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            <th scope="row" className="row-head">
              {head.cell(row)}
            </th>
            {columns.map((column) => (
              <td key={column.label} className={column.number ? 'number' : undefined} data-label={column.label}>
                {column.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
      {footer !== undefined && <tfoot>{footer}</tfoot>}
    </table>
  );
}
