/** The columns Bigrock understands in a time-tracking CSV, whatever the tool calls them. */
export const csvFields = [
  'id',
  'user',
  'email',
  'client',
  'project',
  'task',
  'activity',
  'description',
  'note',
  'tags',
  'billable',
  'startDate',
  'startTime',
  'endDate',
  'endTime',
  'start',
  'end',
  'duration',
  'durationDecimal',
  'amount',
  'rate',
  'currency',
] as const;
export type CsvField = (typeof csvFields)[number];

/**
 * Header names, normalized (lower case, no accents, punctuation as spaces), in English and in the
 * languages Toggl and Clockify export in. `Amount (USD)`, `Amount ()` and `Betrag (EUR)` all
 * match `amount` through the prefix rule below.
 */
const synonyms: Record<CsvField, readonly string[]> = {
  id: ['id', 'entry id', 'time entry id', 'uid', 'identifier'],
  user: [
    'user',
    'username',
    'member',
    'benutzer',
    'nutzer',
    'utilisateur',
    'usuario',
    'utente',
    'gebruiker',
    'utilizador',
  ],
  email: ['email', 'e mail', 'mail', 'courriel', 'correo', 'correo electronico', 'e mail adresse'],
  client: ['client', 'customer', 'kunde', 'cliente', 'klant'],
  project: ['project', 'project name', 'projekt', 'projet', 'proyecto', 'projeto', 'progetto'],
  task: ['task', 'aufgabe', 'tache', 'tarea', 'tarefa', 'compito', 'taak'],
  activity: ['activity', 'category', 'aktivitat', 'activite', 'actividad', 'atividade', 'attivita', 'activiteit'],
  description: [
    'description',
    'beschreibung',
    'descripcion',
    'descricao',
    'descrizione',
    'omschrijving',
    'summary',
    'title',
    'subject',
  ],
  note: [
    'note',
    'notes',
    'comment',
    'comments',
    'annotation',
    'notiz',
    'notizen',
    'remarque',
    'nota',
    'notas',
    'opmerking',
  ],
  tags: ['tags', 'tag', 'labels', 'schlagworter', 'etiquettes', 'etiquetas', 'etichette'],
  billable: ['billable', 'abrechenbar', 'facturable', 'faturavel', 'fatturabile', 'declarabel'],
  startDate: [
    'start date',
    'startdatum',
    'date de debut',
    'fecha de inicio',
    'fecha inicio',
    'data de inicio',
    'data inizio',
    'data di inizio',
    'begindatum',
    'date',
    'datum',
    'fecha',
    'data',
  ],
  startTime: [
    'start time',
    'startzeit',
    'heure de debut',
    'hora de inicio',
    'hora inicio',
    'ora inizio',
    'ora di inizio',
    'begintijd',
  ],
  endDate: [
    'end date',
    'enddatum',
    'date de fin',
    'fecha de fin',
    'fecha fin',
    'data de termino',
    'data de fim',
    'data fine',
    'data di fine',
    'einddatum',
    'stop date',
  ],
  endTime: [
    'end time',
    'endzeit',
    'heure de fin',
    'hora de fin',
    'hora fin',
    'hora de termino',
    'hora de fim',
    'ora fine',
    'ora di fine',
    'eindtijd',
    'stop time',
  ],
  start: [
    'start',
    'begin',
    'beginn',
    'started',
    'started at',
    'start at',
    'from',
    'start datetime',
    'debut',
    'inicio',
    'inizio',
  ],
  end: [
    'end',
    'stop',
    'finish',
    'ended',
    'ended at',
    'end at',
    'to',
    'end datetime',
    'ende',
    'fin',
    'fim',
    'fine',
    'einde',
  ],
  duration: [
    'duration',
    'duration h',
    'dauer',
    'dauer h',
    'duree',
    'duracion',
    'duracao',
    'durata',
    'duur',
    'hours',
    'time',
  ],
  durationDecimal: [
    'duration decimal',
    'dauer dezimal',
    'duree decimale',
    'duracion decimal',
    'duracao decimal',
    'durata decimale',
    'duur decimaal',
    'decimal duration',
  ],
  amount: [],
  rate: [],
  currency: ['currency', 'wahrung', 'devise', 'moneda', 'moeda', 'valuta', 'munt'],
};

const amountPrefix = /^(?:amount|betrag|montant|importe|valor|importo|bedrag|billable amount)(?: .*)?$/;
// Clockify's `Billable Rate (USD)`, Toggl's `Hourly rate`, and Bigrock's own `rate`.
const ratePrefix =
  /^(?:rate|billable rate|hourly rate|stundensatz|abrechenbarer satz|taux horaire|tarifa|tarifa por hora|valor hora|tariffa oraria|uurtarief)(?: .*)?$/;

/**
 * A header as Bigrock compares it: lower case, accents and punctuation dropped.
 *
 * @example normalizeHeader(' Amount () ') // 'amount'
 * @example normalizeHeader('Durée (décimale)') // 'duree decimale'
 */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const byName = new Map<string, CsvField>();
for (const field of csvFields) for (const name of synonyms[field]) byName.set(name, field);

/** The field a header stands for, if Bigrock knows it. */
export function fieldOfHeader(header: string): CsvField | undefined {
  const name = normalizeHeader(header);
  return byName.get(name) ?? (amountPrefix.test(name) ? 'amount' : ratePrefix.test(name) ? 'rate' : undefined);
}

/**
 * The currency a header names in brackets, as Toggl and Clockify write it; null when it names none.
 *
 * @example currencyOfHeader('Billable Rate (USD)') // 'USD'
 * @example currencyOfHeader('Amount ()') // null
 */
export function currencyOfHeader(header: string): string | null {
  const code = /\(\s*([A-Za-z]{3})\s*\)\s*$/.exec(header)?.[1];
  return code === undefined ? null : code.toUpperCase();
}

export type ColumnMap = Partial<Record<CsvField, number>>;

/**
 * Finds each known field's column by header name, in any order and any of the known languages.
 * `mapping` names headers for fields explicitly (`{ start: 'Begin' }`) and wins over the
 * guesses; a mapped header that is missing is reported in `missing`.
 *
 * @example matchColumns(['Project', 'Start date', 'Start time']) // { columns: { project: 0, startDate: 1, startTime: 2 }, missing: [] }
 */
export function matchColumns(
  headers: readonly string[],
  mapping: Partial<Record<CsvField, string>> = {},
): { columns: ColumnMap; missing: Array<{ field: CsvField; header: string }> } {
  const columns: ColumnMap = {};
  headers.forEach((header, index) => {
    const field = fieldOfHeader(header);
    if (field !== undefined && columns[field] === undefined) columns[field] = index;
  });
  const missing: Array<{ field: CsvField; header: string }> = [];
  const normalized = headers.map(normalizeHeader);
  for (const [field, header] of Object.entries(mapping) as Array<[CsvField, string | undefined]>) {
    if (header === undefined) continue;
    const index = normalized.indexOf(normalizeHeader(header));
    if (index === -1) {
      missing.push({ field, header });
      continue;
    }
    // The column now means `field` only.
    for (const other of csvFields) if (columns[other] === index) columns[other] = undefined;
    columns[field] = index;
  }
  return { columns, missing };
}

/** Tells the CSV exports apart by their columns: Clockify has a decimal duration and billable rates, Toggl an amount. */
export function guessCsvFormat(headers: readonly string[]): 'toggl' | 'clockify' | 'csv' {
  const names = headers.map(normalizeHeader);
  const { columns } = matchColumns(headers);
  const hasSplitDates = columns.startDate !== undefined && columns.startTime !== undefined;
  if (
    hasSplitDates &&
    (columns.durationDecimal !== undefined || names.some((name) => name.startsWith('billable rate')))
  ) {
    return 'clockify';
  }
  if (
    hasSplitDates &&
    columns.duration !== undefined &&
    (columns.amount !== undefined || columns.email !== undefined)
  ) {
    return 'toggl';
  }
  return 'csv';
}
