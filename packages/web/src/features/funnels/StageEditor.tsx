import type { Activity } from '@bigrock/core';
import { useId } from 'react';

import { Field } from '../../shared/Field';
import { emptyStage, type StageFormValues } from './funnel-form-values';

interface StageEditorProps {
  stages: StageFormValues[];
  activities: readonly Activity[];
  errors: Record<string, string | undefined>;
  onChange: (stages: StageFormValues[]) => void;
}

const MAX_STAGES = 8;

/** The stages in order, each an activity with its minutes per unit and the share of the stage before that it gets. */
export function StageEditor({ stages, activities, errors, onChange }: StageEditorProps) {
  const listId = useId();
  const update = (index: number, patch: Partial<StageFormValues>) =>
    onChange(stages.map((stage, at) => (at === index ? { ...stage, ...patch } : stage)));

  return (
    <fieldset className="form-section stage-editor">
      <legend>Stages, from the first activity to the outcome</legend>
      <datalist id={listId}>
        {activities.map((activity) => (
          <option key={activity.id} value={activity.name} />
        ))}
      </datalist>
      <ol className="stage-list">
        {stages.map((stage, index) => (
          <li key={index} className="stage-row">
            <Field
              label={`Stage ${index + 1} activity`}
              hint={index === 0 ? 'The top of the funnel, e.g. calls.' : undefined}
              error={errors[`stages.${index}.activity`]}
              control={(props) => (
                <input
                  {...props}
                  name={`stages.${index}.activity`}
                  type="text"
                  list={listId}
                  value={stage.activity}
                  onChange={(event) => update(index, { activity: event.target.value })}
                />
              )}
            />
            <Field
              label={`Stage ${index + 1} minutes per unit`}
              error={errors[`stages.${index}.minutesPerUnit`]}
              control={(props) => (
                <input
                  {...props}
                  name={`stages.${index}.minutesPerUnit`}
                  type="number"
                  inputMode="decimal"
                  step="any"
                  min={0}
                  value={stage.minutesPerUnit}
                  onChange={(event) => update(index, { minutesPerUnit: event.target.value })}
                />
              )}
            />
            {index > 0 ? (
              <Field
                label={`Stage ${index + 1} conversion (%)`}
                hint={`Of ${stages[index - 1]?.activity || 'the stage before'}, your guess.`}
                error={errors[`stages.${index}.conversion`]}
                control={(props) => (
                  <input
                    {...props}
                    name={`stages.${index}.conversion`}
                    type="number"
                    inputMode="decimal"
                    step="any"
                    min={0}
                    max={100}
                    value={stage.conversionPercent}
                    onChange={(event) => update(index, { conversionPercent: event.target.value })}
                  />
                )}
              />
            ) : (
              <div />
            )}
            <button
              type="button"
              className="button-small button-danger stage-remove"
              disabled={stages.length <= 1}
              onClick={() => onChange(stages.filter((_stage, at) => at !== index))}
            >
              Remove stage {index + 1}
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button-secondary"
        disabled={stages.length >= MAX_STAGES}
        onClick={() => onChange([...stages, emptyStage()])}
      >
        Add a stage
      </button>
    </fieldset>
  );
}
