import { Field } from '../../shared/Field';
import type { RockChoices } from './planner-api';

/** What a big rock moves, as the field's value: '' (nothing), `goal:<id>` or `activity:<id>`. */
export type RockTie = string;

/** The goal or activity a tie names, as `setRock` takes them. */
export const rockTieInput = (tie: RockTie) => ({
  goalId: tie.startsWith('goal:') ? tie.slice('goal:'.length) : null,
  activity: tie.startsWith('activity:') ? tie.slice('activity:'.length) : null,
});

/** "What it moves": nothing in particular, one of the goals, or one of the activities. */
export function RockTieField({
  choices,
  value,
  onChange,
}: {
  choices: RockChoices;
  value: RockTie;
  onChange(tie: RockTie): void;
}) {
  return (
    <Field
      label="What it moves"
      control={(props) => (
        <select {...props} value={value} onChange={(event) => onChange(event.target.value)}>
          <option value="">Nothing in particular</option>
          {choices.goals.length > 0 && (
            <optgroup label="Goals">
              {choices.goals.map((goal) => (
                <option key={goal.id} value={`goal:${goal.id}`}>
                  {goal.title}
                </option>
              ))}
            </optgroup>
          )}
          {choices.activities.length > 0 && (
            <optgroup label="Activities">
              {choices.activities.map((activity) => (
                <option key={activity.id} value={`activity:${activity.id}`}>
                  {activity.name}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      )}
    />
  );
}
