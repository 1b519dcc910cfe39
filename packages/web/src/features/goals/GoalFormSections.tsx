import {
  aggregates,
  directions,
  goalLevels,
  goalSourceKinds,
  outcomeKinds,
  weekdays,
  type Goal,
  type GoalLevel,
  type GoalSourceChoices,
  type Weekday,
} from '@bigrock/core';
import { useId } from 'react';

import { Field } from '../../shared/Field';
import { SelectField, type SelectOption } from '../../shared/SelectField';
import {
  aggregateLabels,
  directionLabels,
  levelLabels,
  outcomeKindLabels,
  sourceKindLabels,
  weekdayLabels,
} from './goal-labels';
import {
  goalFieldLabels,
  type GoalFormErrors,
  type GoalFormField,
  type GoalFormValues,
  type GoalSourceForm,
} from './goal-form-values';

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

/** A choice among names that exist, with the one already set kept even when no data names it any more. */
function namesOf(names: readonly string[], current: string, none: string): SelectOption<string>[] {
  const all = current === '' || names.includes(current) ? names : [current, ...names];
  return [{ value: '', label: none }, ...all.map((name) => ({ value: name, label: name }))];
}

/**
 * Track-able: where the goal's numbers come from. Each kind offers the data that exists: the
 * activities, the names and tags time entries use, the channels outcomes name.
 */
function SourceFields({ form, choices }: { form: GoalFormState; choices: GoalSourceChoices }) {
  const source = form.values.source;
  const error = form.errors.source;
  const set = (changes: Partial<GoalSourceForm>) => form.change('source', { ...source, ...changes });
  const hint: Record<GoalSourceForm['kind'], string> = {
    manual: 'You log data points on the goal.',
    activity: 'Each day adds what you logged on the activity that day.',
    hours: 'Each day adds the hours Tracking shows for it.',
    outcome: 'Each day adds the amounts of the outcomes recorded that day.',
  };
  return (
    <div className="goal-source">
      <SelectField
        label={goalFieldLabels.source}
        value={source.kind}
        options={optionsOf(goalSourceKinds, sourceKindLabels)}
        onChange={(kind) => set({ kind })}
        hint={hint[source.kind]}
        error={source.kind === 'manual' ? error : undefined}
      />
      {source.kind === 'activity' && (
        <SelectField
          label="Activity"
          value={source.activityId}
          options={[
            { value: '', label: choices.activities.length === 0 ? 'No activities yet' : 'Choose an activity' },
            ...choices.activities.map(({ id, name }) => ({ value: id, label: name })),
          ]}
          onChange={(activityId) => set({ activityId })}
          error={error}
        />
      )}
      {source.kind === 'hours' && (
        <div className="field-row">
          <SelectField
            label="Hours of"
            value={source.hoursOn}
            options={[
              { value: 'activity', label: 'An activity' },
              { value: 'tag', label: 'A tag' },
            ]}
            onChange={(hoursOn) => set({ hoursOn })}
          />
          {source.hoursOn === 'activity' ? (
            <SelectField
              label="Activity tracked"
              value={source.hoursActivity}
              options={namesOf(choices.entryActivities, source.hoursActivity, 'Choose an activity')}
              onChange={(hoursActivity) => set({ hoursActivity })}
              error={error}
            />
          ) : (
            <SelectField
              label="Tag"
              value={source.tag}
              options={namesOf(choices.tags, source.tag, choices.tags.length === 0 ? 'No tags yet' : 'Choose a tag')}
              onChange={(tag) => set({ tag })}
              error={error}
            />
          )}
        </div>
      )}
      {source.kind === 'outcome' && (
        <div className="field-row">
          <SelectField
            label="Kind of outcome"
            value={source.outcome}
            options={optionsOf(outcomeKinds, outcomeKindLabels)}
            onChange={(outcome) => set({ outcome })}
            error={error}
          />
          <SelectField
            label="Channel"
            value={source.channel}
            options={namesOf(choices.channels, source.channel, 'Every channel')}
            onChange={(channel) => set({ channel })}
          />
        </div>
      )}
    </div>
  );
}

/** Measurable and track-able: the number, how it adds up and where it comes from. */
export function MeasureSection({ form, choices }: { form: GoalFormState; choices: GoalSourceChoices }) {
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
      <SourceFields form={form} choices={choices} />
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
