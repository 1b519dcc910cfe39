import { checkGoal, type Goal, type GoalCheckContext, type GoalSourceChoices } from '@bigrock/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';

import { useFormChecks } from '../../shared/form-checks';
import { goalFormFailure, type GoalFormFailure } from './goal-form-errors';
import { formToCheckedGoal, type GoalFormField, type GoalFormValues } from './goal-form-values';
import { GoalCheckPanel } from './GoalCheckPanel';
import { GoalSection, MeansSection, MeasureSection, TimeSection, type GoalFormState } from './GoalFormSections';

interface GoalFormProps {
  initial: GoalFormValues;
  /** The goals this one may hang under. */
  parents: readonly Goal[];
  checkContext: GoalCheckContext;
  /** The data the goal can be fed from. */
  sourceChoices: GoalSourceChoices;
  submitLabel: string;
  cancelTo: string;
  /** Saves the goal; throws the API's error when the server refuses it. */
  save: (values: GoalFormValues) => Promise<void>;
}

const noFailure: GoalFormFailure = { summary: '', fields: {} };

/** Every SMARTER field of a goal, with the goal check scoring the form as it is filled in. */
export function GoalForm({
  initial,
  parents,
  checkContext,
  sourceChoices,
  submitLabel,
  cancelTo,
  save,
}: GoalFormProps) {
  const [values, setValues] = useState(initial);
  const [failure, setFailure] = useState(noFailure);
  const [failedSubmits, setFailedSubmits] = useState(0);
  const [pending, setPending] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const checks = useFormChecks();

  // Cheap and pure, so it runs on every keystroke rather than on submit: the point is live feedback.
  const check = checkGoal(formToCheckedGoal(values), checkContext);

  // After a refused save, take a keyboard user to the field to fix (or to the message at the top).
  useEffect(() => {
    if (failedSubmits === 0) return;
    const form = formRef.current;
    const target =
      form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form?.querySelector<HTMLElement>('[role="alert"]');
    target?.focus();
  }, [failedSubmits]);

  const form: GoalFormState = {
    values,
    // What the browser could not read, then what the server refused.
    errors: { ...failure.fields, ...checks.errors },
    change<Name extends GoalFormField>(name: Name, value: GoalFormValues[Name]) {
      setValues((current) => ({ ...current, [name]: value }));
      // The message was about the old value; once the field changes it no longer applies.
      setFailure((current) => ({ ...current, fields: { ...current.fields, [name]: undefined } }));
    },
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!checks.passes(event.currentTarget)) {
      setFailure({ summary: 'Fix what is marked below.', fields: {} });
      return;
    }
    setPending(true);
    try {
      await save(values);
    } catch (error) {
      setFailure(goalFormFailure(error));
      setFailedSubmits((count) => count + 1);
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="editor">
      {/* noValidate: the server's rules are the one source of error messages, shown beside the field. */}
      <form
        ref={formRef}
        className="panel goal-form"
        noValidate
        onInput={checks.onInput}
        onSubmit={(event) => void submit(event)}
      >
        {failure.summary && (
          <div role="alert" tabIndex={-1} className="form-error">
            <strong>The goal was not saved.</strong> {failure.summary}
          </div>
        )}
        <GoalSection form={form} parents={parents} />
        <MeasureSection form={form} choices={sourceChoices} />
        <TimeSection form={form} />
        <MeansSection form={form} />
        <div className="form-actions">
          <button type="submit" disabled={pending}>
            {pending ? 'Saving…' : submitLabel}
          </button>
          <Link to={cancelTo}>Cancel</Link>
        </div>
      </form>
      <aside className="editor-aside">
        <GoalCheckPanel
          check={check}
          intro="Follows the form as you fill it in: fix what fails first, then what warns."
        />
      </aside>
    </div>
  );
}
