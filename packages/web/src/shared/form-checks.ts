import { useState, type FormEvent } from 'react';

/** Messages keyed by the `name` of the control they are about. */
export type FieldMessages = Record<string, string | undefined>;

const unreadableMessages: Record<string, string> = {
  number: 'Type a number here, such as 12 or 1.5.',
  date: 'Type a whole date here, or pick one from the calendar.',
  time: 'Type a whole time here, such as 09:30.',
};

/**
 * The controls of a form whose text cannot be used, keyed by their `name`. A number input holding
 * `1,5e` reports an empty value, as if nothing were typed: only its validity says the user typed
 * something the browser could not read (so do half-typed dates and times). A number too big for a
 * double reads as Infinity, which JSON would send as null. Either would be saved as "not set".
 */
export function unreadableFields(form: HTMLFormElement): FieldMessages {
  const found: FieldMessages = {};
  for (const element of Array.from(form.elements)) {
    if (!(element instanceof HTMLInputElement) || element.name === '' || element.disabled) continue;
    if (element.validity.badInput)
      found[element.name] = unreadableMessages[element.type] ?? 'Check what you typed here.';
    else if (element.type === 'number' && element.value !== '' && !Number.isFinite(Number(element.value)))
      found[element.name] = 'This number is too big: type a smaller one.';
  }
  return found;
}

const firstMessage = (messages: FieldMessages) => Object.entries(messages).find(([, message]) => message !== undefined);

/**
 * The form's own checks, made before anything is sent: what the browser could not read, and what
 * the form itself must have (a number left empty cannot be sent as JSON; an end the form would
 * read as the next day). The server's rules stay the one source of every other message.
 */
export function useFormChecks() {
  const [errors, setErrors] = useState<FieldMessages>({});
  const forget = (name: string) => {
    if (name !== '')
      setErrors((current) => (current[name] === undefined ? current : { ...current, [name]: undefined }));
  };

  return {
    /** The message for the control `name`, if the last check found one. */
    errors,
    /**
     * At submit: finds the unreadable controls, adds the form's own findings, shows them and takes
     * the focus to the first; true when nothing stops the save.
     */
    passes(form: HTMLFormElement, own: FieldMessages = {}): boolean {
      const found = { ...own, ...unreadableFields(form) };
      const first = firstMessage(found);
      setErrors(found);
      if (first === undefined) return true;
      const control = form.elements.namedItem(first[0]);
      if (control instanceof HTMLElement) control.focus();
      return false;
    },
    /** Put on the form: typing in a control again takes its message away (input events bubble). */
    onInput(event: FormEvent<HTMLFormElement>) {
      const { target } = event;
      if (target instanceof HTMLInputElement || target instanceof HTMLSelectElement) forget(target.name);
    },
    /** Takes away the message of `name`, when another control answers it. */
    forget,
    clear() {
      setErrors({});
    },
  };
}
