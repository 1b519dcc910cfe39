import { ApiError, errorMessage, fieldMessage } from '../../api/api-client';
import { goalFieldLabels, isGoalFormField, type GoalFormErrors } from './goal-form-values';

export interface GoalFormFailure {
  /** For the top of the form. */
  summary: string;
  /** For beside the field the server named, when it is one of the form's. */
  fields: GoalFormErrors;
}

/** Turns a failed save into messages for the form: the server's own words, placed by its `field`. */
export function goalFormFailure(error: unknown): GoalFormFailure {
  if (!(error instanceof ApiError) || error.field === undefined) return { summary: errorMessage(error), fields: {} };
  // `daysOff.2` is about the days-off field as a whole.
  const name = error.field.split('.')[0] ?? '';
  if (!isGoalFormField(name)) return { summary: error.message, fields: {} };
  // At the top, the field is named by its label rather than by the server's code name.
  const summary = error.message.startsWith(`${error.field}:`)
    ? `${goalFieldLabels[name]}${error.message.slice(error.field.length)}`
    : error.message;
  return { summary, fields: { [name]: fieldMessage(error) } };
}
