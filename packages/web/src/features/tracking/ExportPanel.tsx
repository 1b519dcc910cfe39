import type { CalendarDate, EntryFilter } from '@bigrock/core';
import { Link } from 'react-router-dom';

import { backupUrl, entriesExportUrl } from './tracking-api';

/** The shown days' entries as files to download, and the whole workspace as a backup to restore later. */
export function ExportPanel({ from, to, filter = {} }: { from: CalendarDate; to: CalendarDate; filter?: EntryFilter }) {
  return (
    <section className="panel tracking-panel" aria-labelledby="export-heading">
      <h2 id="export-heading">Export and back up</h2>
      <ul className="export-links">
        <li>
          <a href={entriesExportUrl('csv', from, to, filter)} download>
            These entries as CSV
          </a>
        </li>
        <li>
          <a href={entriesExportUrl('ics', from, to, filter)} download>
            These entries as iCalendar
          </a>
        </li>
        <li>
          <a href={backupUrl} download>
            Full backup (JSON)
          </a>
        </li>
        <li>
          <Link to="/tracking/restore">Restore a backup</Link>
        </li>
      </ul>
    </section>
  );
}
