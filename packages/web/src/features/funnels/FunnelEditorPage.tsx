import { funnelTemplates, type FunnelTemplateKey } from '@bigrock/core';
import { useState, type FormEvent } from 'react';
import { Link, useLoaderData, useNavigate } from 'react-router-dom';

import { Field } from '../../shared/Field';
import { useFormChecks } from '../../shared/form-checks';
import { SelectField } from '../../shared/SelectField';
import {
  formToFunnelInput,
  funnelFieldLabels,
  funnelFormFailure,
  funnelFormProblems,
  funnelToForm,
  newFunnelForm,
  templateToForm,
  withGoal,
  type FunnelFormFailure,
  type FunnelFormField,
  type FunnelFormValues,
} from './funnel-form-values';
import type { funnelEditorLoader } from './funnel-loaders';
import { funnelsApi } from './funnels-api';
import { FunnelPicture } from './FunnelPicture';
import { FunnelVerdict } from './FunnelVerdict';
import { StageEditor } from './StageEditor';
import { useFunnelPreview } from './use-funnel-preview';

const noFailure: FunnelFormFailure = { summary: '', fields: {} };
const templates = funnelTemplates();

/** `/funnels/new` and `/funnels/:id/edit`: the stages and the goal, with the plan solved live beside them. */
export function FunnelEditorPage() {
  const { funnel, goals, activities, logs, today } = useLoaderData<typeof funnelEditorLoader>();
  const navigate = useNavigate();
  const [values, setValues] = useState<FunnelFormValues>(() =>
    funnel === null ? newFunnelForm(today) : funnelToForm(funnel),
  );
  const [template, setTemplate] = useState<FunnelTemplateKey | ''>('');
  // What was filled in for the user (a new form's start date, a template's target and dates): a goal
  // chosen afterwards replaces these, not what the user typed.
  const [filled, setFilled] = useState<Partial<FunnelFormValues>>(() => (funnel === null ? newFunnelForm(today) : {}));
  const [failure, setFailure] = useState(noFailure);
  const [pending, setPending] = useState(false);
  const checks = useFormChecks();
  // The form's own findings first (what is empty, what cannot be read), then the server's.
  const errors = { ...failure.fields, ...checks.errors };

  const goal = goals.find(({ id }) => id === values.goalId);
  const preview = useFunnelPreview(values, goal, activities, logs, today);

  function change<Name extends FunnelFormField>(name: Name, value: FunnelFormValues[Name]) {
    setValues((current) => ({ ...current, [name]: value }));
    setFailure((current) => ({ ...current, fields: { ...current.fields, [name]: undefined } }));
  }

  function chooseGoal(goalId: string) {
    setValues((current) =>
      withGoal(
        current,
        goals.find(({ id }) => id === goalId),
        filled,
      ),
    );
    setFailure((current) => ({ ...current, fields: { ...current.fields, goalId: undefined } }));
  }

  function chooseTemplate(key: FunnelTemplateKey | '') {
    setTemplate(key);
    const chosen = templates.find((each) => each.key === key);
    // The goal chosen stays: the template brings stages and rates, the goal its target and dates.
    const form =
      chosen === undefined
        ? withGoal(newFunnelForm(today), goal, newFunnelForm(today))
        : templateToForm(chosen.key, chosen.title, today, goal);
    const unchosen = chosen === undefined ? newFunnelForm(today) : templateToForm(chosen.key, chosen.title, today);
    setValues(form);
    setFilled(unchosen);
    setFailure(noFailure);
    checks.clear();
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!checks.passes(event.currentTarget, funnelFormProblems(values))) {
      setFailure({ summary: 'Fill in or fix what is marked below.', fields: {} });
      return;
    }
    setPending(true);
    try {
      const input = formToFunnelInput(values);
      const saved = funnel === null ? await funnelsApi.create(input) : await funnelsApi.update(funnel.id, input);
      await navigate(`/funnels/${saved.id}`);
    } catch (error) {
      setFailure(funnelFormFailure(error));
    } finally {
      setPending(false);
    }
  }

  const input = (name: FunnelFormField, kind: 'text' | 'number' | 'date', hint?: string) => (
    <Field
      label={funnelFieldLabels[name]}
      hint={hint}
      error={errors[name]}
      control={(props) => (
        <input
          {...props}
          name={name}
          type={kind}
          {...(kind === 'number' && { inputMode: 'decimal', step: 'any', min: 0 })}
          value={values[name]}
          onChange={(event) => change(name, event.target.value)}
        />
      )}
    />
  );
  const fromGoal = goal === undefined ? undefined : 'Leave empty to use the goal’s.';
  const heading = funnel === null ? 'New funnel' : `Edit “${funnel.name}”`;
  const chosen = templates.find((each) => each.key === template);

  return (
    <>
      <title>{`${heading} · Bigrock`}</title>
      <div className="page-header">
        <h1>{heading}</h1>
      </div>
      <div className="editor">
        <form
          className="panel funnel-form"
          noValidate
          onInput={checks.onInput}
          onSubmit={(event) => void submit(event)}
        >
          {failure.summary && (
            <div role="alert" className="form-error">
              <strong>The funnel was not saved.</strong> {failure.summary}
            </div>
          )}
          {funnel === null && (
            <SelectField<FunnelTemplateKey | ''>
              label="Start from a template"
              value={template}
              options={[
                { value: '', label: 'A blank funnel' },
                ...templates.map(({ key, title }) => ({ value: key, label: title })),
              ]}
              onChange={chooseTemplate}
              hint={chosen?.description ?? 'Each template is a plan over twelve weeks from today, to adjust to yours.'}
            />
          )}
          <fieldset className="form-section">
            <legend>The outcome</legend>
            {input('name', 'text')}
            <SelectField
              label={funnelFieldLabels.goalId}
              value={values.goalId}
              options={[
                { value: '', label: 'No goal' },
                ...goals.map(({ id, title }) => ({ value: id, label: title })),
              ]}
              onChange={chooseGoal}
              hint="Its target, dates and hours fill the fields you leave empty."
              error={errors.goalId}
            />
            <div className="field-row">
              {input('target', 'number', fromGoal)}
              {input('unit', 'text', fromGoal)}
              {input('valuePerUnit', 'number', 'Money one unit of the last stage brings; the target is then money.')}
            </div>
            <div className="field-row">
              {input('startDate', 'date', fromGoal)}
              {input('deadline', 'date', fromGoal)}
            </div>
            <div className="field-row">
              {input('hoursPerWeek', 'number', fromGoal ?? 'The hours a week you can give it.')}
              {input('workdaysPerWeek', 'number')}
            </div>
          </fieldset>
          <StageEditor
            stages={values.stages}
            activities={activities}
            errors={errors}
            onChange={(stages) => setValues((current) => ({ ...current, stages }))}
          />
          <div className="form-actions">
            <button type="submit" disabled={pending}>
              {pending ? 'Saving…' : funnel === null ? 'Create funnel' : 'Save changes'}
            </button>
            <Link to={funnel === null ? '/funnels' : `/funnels/${funnel.id}`}>Cancel</Link>
          </div>
        </form>
        <aside className="editor-aside">
          <section className="panel" aria-labelledby="preview-heading">
            <h2 id="preview-heading">The plan</h2>
            <p className="muted small">
              Solved as you type, from your guesses and what you have logged for these activities, as the saved funnel
              will be.
            </p>
            {'missing' in preview ? (
              <p className="muted">{preview.missing}</p>
            ) : (
              <>
                <FunnelPicture stages={preview.solution.stages} weeks={preview.solution.window.weeks} />
                <FunnelVerdict solution={preview.solution} topUnit={preview.plan.stages[0]?.activity ?? ''} />
              </>
            )}
          </section>
        </aside>
      </div>
    </>
  );
}
