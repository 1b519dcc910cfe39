import type { StageRate } from '@bigrock/core';

import { formatNumber } from '../../shared/format';

/** What each stage must do: a working day, a week, over the plan, and the hours it takes. */
export function StageRatesTable({ stages }: { stages: StageRate[] }) {
  return (
    <table className="data-points data-cards stage-rates">
      <thead>
        <tr>
          <th scope="col">Stage</th>
          <th scope="col" className="number">
            A working day
          </th>
          <th scope="col" className="number">
            A week
          </th>
          <th scope="col" className="number">
            In all
          </th>
          <th scope="col" className="number">
            H / week
          </th>
        </tr>
      </thead>
      <tbody>
        {stages.map((stage) => (
          <tr key={stage.activity}>
            <th scope="row" className="row-head">
              {stage.activity}
            </th>
            <td className="number" data-label="A working day">
              {formatNumber(stage.perDay)}
            </td>
            <td className="number" data-label="A week">
              {formatNumber(stage.perWeek)}
            </td>
            <td className="number" data-label="In all">
              {formatNumber(stage.total)}
            </td>
            <td className="number" data-label="H / week">
              {formatNumber(stage.hoursPerWeek)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
