import {
  aggregates,
  directions,
  goalLevels,
  trackingSources,
  weekdays,
  type Goal,
  type GoalLevel,
  type Weekday,
} from '@bigrock/core';
import { useId } from 'react';

import { Field } from '../../shared/Field';
import { SelectField, type SelectOption } from '../../shared/SelectField';
import { aggregateLabels, directionLabels, levelLabels, trackingSourceLabels, weekdayLabels } from './goal-labels';
import { goalFieldLabels, type GoalFormErrors, type GoalFormField, type GoalFormValues } from './goal-form-values';

/** What every section of the goal form gets: the values, the errors and a way to change one field. */
export interface GoalFormState {
  values: GoalFormValues;
  errors: GoalFormErrors;
  change: <Name extends GoalFormField>(name: Name, value: GoalFormValues[Name]) => void;
}

type TextFieldName = 'title' | 'unit' | 'why' | 'systems' | 'owner' | 'partner';
type NumberFieldName = 'baseline' | 'target' | 'hoursPerWeek';
type DateFieldName = 'startDate' | 'deadline';

interface InputFieldProps {
  form: GoalFormState;
  name: TextFieldName | NumberFieldName | DateFieldName;
  kind?: 'text' | 'number' | 'date' | 'multiline';
  hint?: string;
}

function InputField({ form, name, kind = 'text', hint }: InputFieldProps) {
  const value = form.values[name];
  const onChange = (event: { target: { value: string } }) => form.change(name, event.target.value);
  return (
    <Field
      label={goalFieldLabels[name]}
      hint={hint}
      error={form.errors[name]}
      control={(props) =>
        kind === 'multiline' ? (
          <textarea {...props} rows={3} value={value} onChange={onChange} />
        ) : (
          <input
            {...props}
            name={name}
            type={kind}
            value={value}
            onChange={onChange}
            {...(kind === 'number' && { inputMode: 'decimal', step: 'any' })}
          />
        )
      }
    />
  );
}

const optionsOf = <Value extends string>(values: readonly Value[], labels: Record<Value, string>) =>
  values.map((value): SelectOption<Value> => ({ value, label: labels[value] }));

const levelOptions: SelectOption<GoalLevel | ''>[] = [
  { value: '', label: 'Not set' },
  ...optionsOf(goalLevels, levelLabels),
];

function ParentField({ form, parents }: { form: GoalFormState; parents: readonly Goal[] }) {
  const { parentId } = form.values;
  const options: SelectOption<string>[] = [
    { value: '', label: 'None' },
    ...parents.map((goal) => ({ value: goal.id, label: goal.title })),
  ];
  // An archived parent is not among the active goals; keep it selectable so saving does not drop it.
  if (parentId !== '' && !parents.some((goal) => goal.id === parentId)) {
    options.push({ value: parentId, label: 'An archived goal' });
  }
  return (
    <SelectField
      label={goalFieldLabels.parentId}
      hint="The bigger goal or dream this one leads to."
      value={parentId}
      options={options}
      onChange={(value) => form.change('parentId', value)}
      error={form.errors.parentId}
    />
  );
}

/** Specific, relevant, meaningful: what the goal is and what it serves. */
export function GoalSection({ form, parents }: { form: GoalFormState; parents: readonly Goal[] }) {
  return (
    <fieldset className="form-section">
      <legend>The goal</legend>
      <InputField
        form={form}
        name="title"
        hint='A concrete result: what, for whom, where. E.g. "Recruit 12 distributors from my warm market".'
      />
      <SelectField
        label={goalFieldLabels.level}
        value={form.values.level}
        options={levelOptions}
        onChange={(value) => form.change('level', value)}
        error={form.errors.level}
      />
      <ParentField form={form} parents={parents} />
      <InputField form={form} name="why" kind="multiline" hint="The dream or way of life this goal serves." />
    </fieldset>
  );
}

/** Measurable and track-able: the number, how it adds up and where it comes from. */
export function MeasureSection({ form }: { form: GoalFormState }) {
  const { values, errors, change } = form;
  return (
    <fieldset className="form-section">
      <legend>The measure</legend>
      <div className="field-row">
        <InputField form={form} name="target" kind="number" />
        <InputField form={form} name="unit" hint='E.g. "recruits", "USD", "kg".' />
        <InputField form={form} name="baseline" kind="number" hint="Where you start from." />
      </div>
      <div className="field-row">
        <SelectField
          label={goalFieldLabels.aggregate}
          value={values.aggregate}
          options={optionsOf(aggregates, aggregateLabels)}
          onChange={(value) => change('aggregate', value)}
          error={errors.aggregate}
        />
        <SelectField
          label={goalFieldLabels.direction}
          value={values.direction}
          options={optionsOf(directions, directionLabels)}
          onChange={(value) => change('direction', value)}
          error={errors.direction}
        />
      </div>
      <SelectField
        label={goalFieldLabels.trackingSource}
        value={values.trackingSource}
        options={optionsOf(trackingSources, trackingSourceLabels)}
        onChange={(value) => change('trackingSource', value)}
        error={errors.trackingSource}
      />
    </fieldset>
  );
}

/** Time-bound: from when to when the line runs. */
export function TimeSection({ form }: { form: GoalFormState }) {
  return (
    <fieldset className="form-section">
      <legend>The time</legend>
      <div className="field-row">
        <InputField form={form} name="startDate" kind="date" />
        <InputField form={form} name="deadline" kind="date" />
      </div>
    </fieldset>
  );
}

function DaysOffField({ form }: { form: GoalFormState }) {
  const errorId = useId();
  const { daysOff } = form.values;
  const error = form.errors.daysOff;
  const toggle = (day: Weekday, on: boolean) =>
    form.change(
      'daysOff',
      weekdays.filter((each) => (each === day ? on : daysOff.includes(each))),
    );
  return (
    <fieldset
      className={error ? 'field days-off field-invalid' : 'field days-off'}
      aria-describedby={error ? errorId : undefined}
    >
      <legend>{goalFieldLabels.daysOff}</legend>
      <div className="checkbox-row">
        {weekdays.map((day) => (
          <label key={day} className="checkbox">
            <input
              type="checkbox"
              checked={daysOff.includes(day)}
              onChange={(event) => toggle(day, event.target.checked)}
            />
            {weekdayLabels[day]}
          </label>
        ))}
      </div>
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** Systematized, responsible, achievable: the systems, the people and the hours behind the goal. */
export function MeansSection({ form }: { form: GoalFormState }) {
  return (
    <fieldset className="form-section">
      <legend>The means</legend>
      <InputField
        form={form}
        name="systems"
        kind="multiline"
        hint="Scripts, templates, schedules and tools you will use."
      />
      <div className="field-row">
        <InputField form={form} name="owner" />
        <InputField form={form} name="partner" hint="Someone who will see your progress." />
      </div>
      <InputField form={form} name="hoursPerWeek" kind="number" hint="The hours a week you can give this goal." />
      <DaysOffField form={form} />
    </fieldset>
  );
}
