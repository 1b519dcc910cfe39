import type { LearnedConversion } from '@bigrock/core';

import { formatPercent as percent, formatQuantity } from '../../shared/format';

/** Each conversion: the guess, what the logs say, and how sure that is (a 90 % range). */
export function ConversionsTable({ conversions }: { conversions: LearnedConversion[] }) {
  return (
    <table className="data-points data-cards conversions">
      <thead>
        <tr>
          <th scope="col">From → to</th>
          <th scope="col" className="number">
            Your guess
          </th>
          <th scope="col" className="number">
            Learned
          </th>
          <th scope="col">{percent(0.9)} range</th>
          <th scope="col">From</th>
        </tr>
      </thead>
      <tbody>
        {conversions.map((conversion) => (
          <tr key={`${conversion.from}-${conversion.to}`}>
            <th scope="row" className="row-head">
              {conversion.from} → {conversion.to}
            </th>
            <td className="number" data-label="Your guess">
              {percent(conversion.guess)}
            </td>
            <td className="number" data-label="Learned">
              {conversion.learned === null ? '—' : percent(conversion.learned)}
            </td>
            <td data-label={`${percent(0.9)} range`}>
              {percent(conversion.low)} to {percent(conversion.high)}
            </td>
            <td className="muted" data-label="From">
              {conversion.trials === 0
                ? 'nothing logged yet'
                : `${formatQuantity(conversion.successes, conversion.to)} of ${formatQuantity(conversion.trials, conversion.from)}`}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
