import { formatDuration, type FocusHeatCell, type FocusStats } from '@bigrock/core';
import { lazy, Suspense, useId } from 'react';

import { formatNumber, formatShortDate } from '../../shared/format';

// recharts loads after the page, which shows its figures meanwhile (see DeferredExpectedActualChart).
const FocusDaysChart = lazy(async () => ({ default: (await import('./FocusDaysChart')).FocusDaysChart }));

const dayNames: Record<FocusHeatCell['weekday'], string> = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
};

const hourText = (hour: number) => `${String(hour).padStart(2, '0')}:00`;
const rateText = (rate: number | null) => (rate === null ? '–' : `${formatNumber(rate)} / h`);
const duration = (seconds: number) => formatDuration(seconds);

const CELL = 18;

/**
 * Focused minutes by weekday and hour on the workspace's clocks: the darker a cell, the more focus;
 * a dot marks a cell whose focus was interrupted more than once an hour.
 */
function Heatmap({ cells, captionId }: { cells: readonly FocusHeatCell[]; captionId: string }) {
  const most = Math.max(1, ...cells.map((cell) => cell.focusedSeconds));
  const days = Object.keys(dayNames) as Array<FocusHeatCell['weekday']>;
  const left = 34;
  const top = 16;
  return (
    <figure className="chart focus-heatmap" aria-labelledby={captionId}>
      <svg viewBox={`0 0 ${left + 24 * CELL} ${top + 7 * CELL}`} role="img" aria-labelledby={captionId}>
        {[0, 6, 12, 18].map((hour) => (
          <text key={hour} x={left + hour * CELL} y={11} className="focus-heatmap-label">
            {hourText(hour)}
          </text>
        ))}
        {days.map((day, row) => (
          <text key={day} x={0} y={top + row * CELL + 13} className="focus-heatmap-label">
            {dayNames[day]}
          </text>
        ))}
        {cells.map((cell) => {
          const row = days.indexOf(cell.weekday);
          const x = left + cell.hour * CELL;
          const y = top + row * CELL;
          return (
            <g key={`${cell.weekday}${cell.hour}`}>
              <rect
                x={x + 1}
                y={y + 1}
                width={CELL - 2}
                height={CELL - 2}
                rx={3}
                className="focus-heatmap-cell"
                fillOpacity={cell.focusedSeconds === 0 ? 0.06 : 0.2 + (0.8 * cell.focusedSeconds) / most}
              >
                <title>{`${dayNames[cell.weekday]} ${hourText(cell.hour)}: ${duration(cell.focusedSeconds)} focused, ${cell.interruptions} interruptions`}</title>
              </rect>
              {cell.interruptionsPerHour !== null && cell.interruptionsPerHour > 1 && (
                <circle cx={x + CELL / 2} cy={y + CELL / 2} r={3} className="focus-heatmap-dot" />
              )}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

/** The statistics of the days loaded: totals, the hours focus holds best, the days and the heatmap with its numbers. */
export function FocusStatsSection({ stats }: { stats: FocusStats }) {
  const captionId = useId();
  const tableId = useId();
  const { interruptions } = stats;
  const filled = stats.heatmap.filter((cell) => cell.focusedSeconds > 0 || cell.interruptions > 0);
  return (
    <section className="panel focus-stats" aria-labelledby="focus-stats-heading">
      <h2 id="focus-stats-heading">
        Statistics, {formatShortDate(stats.from)} to {formatShortDate(stats.to)}
      </h2>
      <dl className="facts focus-facts">
        <div className="fact">
          <dt>Focused</dt>
          <dd>{duration(stats.focusedSeconds)}</dd>
        </div>
        <div className="fact">
          <dt>Sessions finished</dt>
          <dd>{formatNumber(stats.sessions.finished, 0)}</dd>
        </div>
        <div className="fact">
          <dt>Sessions abandoned</dt>
          <dd>{formatNumber(stats.sessions.abandoned, 0)}</dd>
        </div>
        <div className="fact">
          <dt>Internal interruptions</dt>
          <dd>
            {formatNumber(interruptions.internal, 0)} ({rateText(interruptions.perFocusHour.internal)})
          </dd>
        </div>
        <div className="fact">
          <dt>External interruptions</dt>
          <dd>
            {formatNumber(interruptions.external, 0)} ({rateText(interruptions.perFocusHour.external)})
          </dd>
        </div>
      </dl>
      <h3>When focus holds best</h3>
      {stats.bestHours.length === 0 ? (
        <p className="muted">Not enough focus yet: half an hour in an hour of the day is the least counted.</p>
      ) : (
        <ol className="focus-best">
          {stats.bestHours.map((hour) => (
            <li key={hour.hour}>
              {hourText(hour.hour)}: {duration(hour.focusedSeconds)} focused, {rateText(hour.interruptionsPerHour)}{' '}
              interrupted
            </li>
          ))}
        </ol>
      )}
      <h3>Focus a day</h3>
      <Suspense fallback={<figure className="chart" style={{ minHeight: 180 }} aria-busy="true" />}>
        <FocusDaysChart days={stats.days} />
      </Suspense>
      <h3 id={captionId}>Focus by weekday and hour ({stats.timeZone})</h3>
      <div className="focus-heat-grid">
        <Heatmap cells={stats.heatmap} captionId={captionId} />
        {filled.length === 0 ? (
          <p className="muted">No focus in these days yet.</p>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby={tableId} tabIndex={0}>
            <table className="data-points">
              <caption id={tableId}>The heatmap's numbers</caption>
              <thead>
                <tr>
                  <th scope="col">Day</th>
                  <th scope="col">Hour</th>
                  <th scope="col" className="number">
                    Focused
                  </th>
                  <th scope="col" className="number">
                    Interruptions
                  </th>
                  <th scope="col" className="number">
                    Per focus hour
                  </th>
                </tr>
              </thead>
              <tbody>
                {filled.map((cell) => (
                  <tr key={`${cell.weekday}${cell.hour}`}>
                    <td>{dayNames[cell.weekday]}</td>
                    <td>{hourText(cell.hour)}</td>
                    <td className="number">{duration(cell.focusedSeconds)}</td>
                    <td className="number">{formatNumber(cell.interruptions, 0)}</td>
                    <td className="number">{rateText(cell.interruptionsPerHour)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </section>
  );
}
