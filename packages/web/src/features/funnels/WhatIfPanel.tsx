import type { FunnelSolveResult } from '@bigrock/core';
import { useId } from 'react';

import { formatNumber, formatPercent } from '../../shared/format';

/** What the sliders change; null means "as planned": the required rate, the learned conversion. */
export interface WhatIf {
  hoursPerWeek: number;
  topPerDay: number | null;
  conversions: Array<number | null>;
}

export function initialWhatIf(solution: FunnelSolveResult): WhatIf {
  return {
    hoursPerWeek: solution.plan.hoursPerWeek,
    topPerDay: null,
    conversions: solution.conversions.map(() => null),
  };
}

interface SliderProps {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  display: string;
  onChange: (value: number) => void;
}

function Slider({ label, value, min, max, step, display, onChange }: SliderProps) {
  const id = useId();
  return (
    <div className="field slider">
      <label htmlFor={id}>{label}</label>
      <div className="slider-row">
        <input
          id={id}
          type="range"
          min={min}
          max={max}
          step={step}
          value={value}
          aria-valuetext={display}
          onChange={(event) => onChange(Number(event.target.value))}
        />
        <output htmlFor={id}>{display}</output>
      </div>
    </div>
  );
}

interface WhatIfPanelProps {
  solution: FunnelSolveResult;
  whatIf: WhatIf;
  /** The rate of the first stage that the scenario needs, shown while its slider is untouched. */
  requiredTopPerDay: number;
  onChange: (whatIf: WhatIf) => void;
}

/** Sliders for the hours, the rate of the first stage and each conversion; the page re-solves as they move. */
export function WhatIfPanel({ solution, whatIf, requiredTopPerDay, onChange }: WhatIfPanelProps) {
  const top = solution.plan.stages[0]?.activity ?? 'units';
  const hoursMax = Math.max(40, Math.ceil(2 * Math.max(solution.hoursPerWeek, solution.plan.hoursPerWeek)));
  const topValue = whatIf.topPerDay ?? requiredTopPerDay;
  const topMax = Math.max(10, Math.ceil(3 * Math.max(solution.stages[0]?.perDay ?? 0, topValue)));
  const changed =
    whatIf.hoursPerWeek !== solution.plan.hoursPerWeek ||
    whatIf.topPerDay !== null ||
    whatIf.conversions.some((value) => value !== null);

  return (
    <section className="panel what-if" aria-labelledby="what-if-heading">
      <h2 id="what-if-heading">What if</h2>
      <p className="muted">Move a slider: the plan, the verdict and the chance follow.</p>
      <Slider
        label="Hours per week available"
        value={whatIf.hoursPerWeek}
        min={0}
        max={hoursMax}
        step={0.5}
        display={`${formatNumber(whatIf.hoursPerWeek)} h`}
        onChange={(hoursPerWeek) => onChange({ ...whatIf, hoursPerWeek })}
      />
      <Slider
        label={`${top} per working day`}
        value={topValue}
        min={0}
        max={topMax}
        step={topMax > 40 ? 1 : 0.5}
        display={whatIf.topPerDay === null ? `${formatNumber(topValue)} (as needed)` : formatNumber(topValue)}
        onChange={(topPerDay) => onChange({ ...whatIf, topPerDay })}
      />
      {solution.conversions.map((conversion, index) => {
        const value = whatIf.conversions[index] ?? conversion.used;
        return (
          <Slider
            key={`${conversion.from}-${conversion.to}`}
            label={`${conversion.from} → ${conversion.to} conversion`}
            value={Math.round(value * 1000) / 10}
            min={0.5}
            max={100}
            step={0.5}
            display={formatPercent(value)}
            onChange={(percent) =>
              onChange({
                ...whatIf,
                conversions: whatIf.conversions.map((each, at) => (at === index ? percent / 100 : each)),
              })
            }
          />
        );
      })}
      <button
        type="button"
        className="button-secondary"
        disabled={!changed}
        onClick={() => onChange(initialWhatIf(solution))}
      >
        Back to the plan
      </button>
    </section>
  );
}
