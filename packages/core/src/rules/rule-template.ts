/**
 * Post templates: the item's fields in braces, `{title} {link}`; `{{` and `}}` write a brace.
 * A field name is a letter then letters, digits or `_`.
 */
type Part = { text: string } | { field: string };

function partsOf(template: string): Part[] | string {
  const parts: Part[] = [];
  let text = '';
  for (let index = 0; index < template.length; index += 1) {
    const char = template[index];
    const next = template[index + 1];
    if ((char === '{' && next === '{') || (char === '}' && next === '}')) {
      text += char;
      index += 1;
    } else if (char === '}') {
      return `has a } at character ${index + 1} that closes nothing: write }} for a brace`;
    } else if (char === '{') {
      const end = template.indexOf('}', index);
      if (end === -1) return `has a { at character ${index + 1} that is never closed: write {{ for a brace`;
      const field = template.slice(index + 1, end).trim();
      if (!/^[A-Za-z][A-Za-z0-9_]{0,49}$/u.test(field))
        return `has {${field}} at character ${index + 1}: a field is a name such as {title}`;
      if (text !== '') parts.push({ text });
      text = '';
      parts.push({ field });
      index = end;
    } else {
      text += char;
    }
  }
  if (text !== '') parts.push({ text });
  return parts;
}

/**
 * What is wrong with a template's braces, or null.
 *
 * @example templateProblem('New: {title') // 'has a { at character 6 that is never closed: write {{ for a brace'
 */
export function templateProblem(template: string): string | null {
  const parts = partsOf(template);
  return typeof parts === 'string' ? parts : null;
}

/**
 * The fields a template names, in order, each once.
 *
 * @example templateFields('{title} {link} {title}') // ['title', 'link']
 */
export function templateFields(template: string): string[] {
  const parts = partsOf(template);
  if (typeof parts === 'string') return [];
  return [...new Set(parts.flatMap((part) => ('field' in part ? [part.field] : [])))];
}

/** A template that names a field the item does not have. */
export class TemplateFieldError extends Error {
  readonly field: string;
  constructor(field: string, known: readonly string[]) {
    super(`{${field}} is not a field of this item: use ${known.map((name) => `{${name}}`).join(', ') || 'no field'}`);
    this.name = 'TemplateFieldError';
    this.field = field;
  }
}

/**
 * The template with each `{field}` replaced by the item's field; a field the item lacks throws a
 * `TemplateFieldError` that names it and the fields there are.
 *
 * @example renderTemplate('New: {title} {link}', { title: 'Hi', link: 'https://x.org/1' }) // 'New: Hi https://x.org/1'
 */
export function renderTemplate(template: string, fields: Readonly<Record<string, string>>): string {
  const parts = partsOf(template);
  if (typeof parts === 'string') throw new Error(`The template ${parts}.`);
  return parts
    .map((part) => {
      if ('text' in part) return part.text;
      const value = Object.hasOwn(fields, part.field) ? fields[part.field] : undefined;
      if (value === undefined) throw new TemplateFieldError(part.field, Object.keys(fields));
      return value;
    })
    .join('');
}
