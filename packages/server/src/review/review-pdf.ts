import {
  formatDate,
  formatDuration,
  formatHourOfDay,
  formatMoney,
  formatNumber,
  formatPercent,
  formatQuantity,
  formatShortDate,
  type ReviewClass,
  type WeeklyReview,
} from '@bigrock/core';
import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = 48;
const CONTENT_WIDTH = PAGE.width - 2 * MARGIN;
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.4, 0.4, 0.45);
const TRACKED = rgb(0.16, 0.42, 0.75);
const TARGET = rgb(0.75, 0.78, 0.82);
const LINE = rgb(0.85, 0.86, 0.88);

const CLASS_NAMES: Record<ReviewClass, string> = {
  income: 'Income-producing',
  supporting: 'Supporting',
  waste: 'Waste',
  unclassified: 'Not an activity',
};

// Characters the figures of Intl and our sentences use that WinAnsi (the standard fonts'
// encoding) lacks, and what to write instead.
const REPLACEMENTS: Record<string, string> = {
  '\u202f': ' ', // narrow no-break space (French figures)
  '\u2009': ' ',
  '\u2007': ' ',
  '\u2212': '-', // minus sign
  '\u2011': '-',
  '\u2192': '->',
  '\u2190': '<-',
  '\u2248': '~',
  '\u2264': '<=',
  '\u2265': '>=',
  // Letters of their own, without a decomposition to a base letter.
  '\u0141': 'L',
  '\u0142': 'l',
  '\u0110': 'D',
  '\u0111': 'd',
  '\u0131': 'i',
};

/**
 * Text the standard fonts can draw: NFC first, then each character WinAnsi lacks replaced by its
 * plain form, its letter without accents, or "?". Exported for tests.
 */
export function drawableText(text: string, font: PDFFont): string {
  const known = new Set(font.getCharacterSet());
  let out = '';
  for (const char of text.normalize('NFC')) {
    const code = char.codePointAt(0) ?? 0;
    if (known.has(code)) out += char;
    else if (char in REPLACEMENTS) out += REPLACEMENTS[char];
    else if (char === '\n' || char === '\t') out += ' ';
    else {
      const bare = char.normalize('NFD').replace(/\p{M}/gu, '');
      out += [...bare].every((part) => known.has(part.codePointAt(0) ?? 0)) && bare !== '' ? bare : '?';
    }
  }
  return out;
}

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

/** A page cursor that writes downwards and starts a new page when the space left runs out. */
class PdfWriter {
  page: PDFPage;
  y: number;

  constructor(
    private readonly doc: PDFDocument,
    readonly fonts: Fonts,
    private readonly footer: string,
  ) {
    this.page = this.newPage();
    this.y = PAGE.height - MARGIN;
  }

  private newPage(): PDFPage {
    const page = this.doc.addPage([PAGE.width, PAGE.height]);
    page.drawText(drawableText(this.footer, this.fonts.regular), {
      x: MARGIN,
      y: MARGIN / 2,
      size: 8,
      font: this.fonts.regular,
      color: MUTED,
    });
    return page;
  }

  /** Makes room for `height` points, on a new page if this one has not got it. */
  room(height: number): void {
    if (this.y - height >= MARGIN) return;
    this.page = this.newPage();
    this.y = PAGE.height - MARGIN;
  }

  text(value: string, { size = 10, bold = false, color = INK, x = MARGIN, width = CONTENT_WIDTH, gap = 4 } = {}): void {
    const font = bold ? this.fonts.bold : this.fonts.regular;
    for (const line of wrap(drawableText(value, font), font, size, width)) {
      this.room(size + gap);
      this.y -= size;
      this.page.drawText(line, { x, y: this.y, size, font, color });
      this.y -= gap;
    }
  }

  heading(value: string): void {
    this.room(60);
    this.y -= 10;
    this.text(value, { size: 14, bold: true, gap: 6 });
    this.page.drawLine({
      start: { x: MARGIN, y: this.y + 2 },
      end: { x: PAGE.width - MARGIN, y: this.y + 2 },
      thickness: 0.5,
      color: LINE,
    });
    this.y -= 6;
  }

  /** A table: a header row and rows, each column at its share of the width; numbers right-aligned. */
  table(columns: ReadonlyArray<{ title: string; share: number; right?: boolean }>, rows: readonly string[][]): void {
    const size = 9;
    // The header never ends a page alone: room for it and two rows.
    this.room(3 * (size + 5));
    const row = (cells: readonly string[], bold: boolean) => {
      this.room(size + 6);
      this.y -= size;
      let x = MARGIN;
      columns.forEach((column, index) => {
        const font = bold ? this.fonts.bold : this.fonts.regular;
        const width = column.share * CONTENT_WIDTH - 6;
        const text = fit(drawableText(cells[index] ?? '', font), font, size, width);
        const drawX = column.right === true ? x + width - font.widthOfTextAtSize(text, size) : x;
        this.page.drawText(text, { x: drawX, y: this.y, size, font, color: bold ? MUTED : INK });
        x += column.share * CONTENT_WIDTH;
      });
      this.y -= 5;
    };
    row(
      columns.map((column) => column.title),
      true,
    );
    for (const cells of rows) row(cells, false);
    this.y -= 4;
  }

  /**
   * Horizontal bars, one row each: the tracked value as a filled bar over its target as a pale
   * one, both on one scale, with the figures written after them.
   */
  bars(rows: ReadonlyArray<{ label: string; value: number; target: number | null; caption: string }>): void {
    const size = 9;
    const labelWidth = CONTENT_WIDTH * 0.3;
    const captionWidth = CONTENT_WIDTH * 0.25;
    const barWidth = CONTENT_WIDTH - labelWidth - captionWidth - 8;
    const scale = Math.max(1, ...rows.map((row) => Math.max(row.value, row.target ?? 0)));
    for (const row of rows) {
      this.room(16);
      this.y -= 14;
      const font = this.fonts.regular;
      this.page.drawText(fit(drawableText(row.label, font), font, size, labelWidth - 6), {
        x: MARGIN,
        y: this.y + 2,
        size,
        font,
        color: INK,
      });
      const x = MARGIN + labelWidth;
      if (row.target !== null && row.target > 0)
        this.page.drawRectangle({ x, y: this.y, width: (row.target / scale) * barWidth, height: 10, color: TARGET });
      if (row.value > 0)
        this.page.drawRectangle({
          x,
          y: this.y + 2,
          width: (row.value / scale) * barWidth,
          height: 6,
          color: TRACKED,
        });
      this.page.drawText(fit(drawableText(row.caption, font), font, size, captionWidth), {
        x: x + barWidth + 8,
        y: this.y + 2,
        size,
        font,
        color: MUTED,
      });
    }
    this.y -= 6;
    this.legend([
      ['tracked', TRACKED],
      ['target', TARGET],
    ]);
  }

  legend(items: ReadonlyArray<[string, RGB]>): void {
    this.room(14);
    this.y -= 10;
    let x = MARGIN;
    for (const [label, color] of items) {
      this.page.drawRectangle({ x, y: this.y, width: 8, height: 8, color });
      this.page.drawText(label, { x: x + 12, y: this.y, size: 8, font: this.fonts.regular, color: MUTED });
      x += 24 + this.fonts.regular.widthOfTextAtSize(label, 8);
    }
    this.y -= 6;
  }

  /** A line chart of one series over labelled points: a null value breaks the line. */
  lineChart(points: ReadonlyArray<{ label: string; value: number | null }>, formatValue: (value: number) => string) {
    const height = 120;
    const size = 8;
    this.room(height + 30);
    const top = this.y - 6;
    const bottom = top - height;
    const left = MARGIN + 56;
    const right = PAGE.width - MARGIN;
    const values = points.flatMap((point) => (point.value === null ? [] : [point.value]));
    const max = Math.max(1, ...values);
    const font = this.fonts.regular;
    for (const fraction of [0, 0.5, 1]) {
      const y = bottom + fraction * height;
      this.page.drawLine({ start: { x: left, y }, end: { x: right, y }, thickness: 0.4, color: LINE });
      const label = drawableText(formatValue(max * fraction), font);
      this.page.drawText(label, {
        x: left - 6 - font.widthOfTextAtSize(label, size),
        y: y - 3,
        size,
        font,
        color: MUTED,
      });
    }
    const step = points.length > 1 ? (right - left - 20) / (points.length - 1) : 0;
    const at = (index: number, value: number) => ({ x: left + 10 + index * step, y: bottom + (value / max) * height });
    let previous: { x: number; y: number } | null = null;
    points.forEach((point, index) => {
      const label = drawableText(point.label, font);
      const x = left + 10 + index * step;
      this.page.drawText(label, {
        x: x - font.widthOfTextAtSize(label, size) / 2,
        y: bottom - 12,
        size,
        font,
        color: MUTED,
      });
      if (point.value === null) {
        previous = null;
        return;
      }
      const here = at(index, point.value);
      if (previous !== null) this.page.drawLine({ start: previous, end: here, thickness: 1.5, color: TRACKED });
      this.page.drawCircle({ x: here.x, y: here.y, size: 2.5, color: TRACKED });
      previous = here;
    });
    this.y = bottom - 22;
  }
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const tried = line === '' ? word : `${line} ${word}`;
    if (font.widthOfTextAtSize(tried, size) <= width || line === '') line = tried;
    else {
      lines.push(line);
      line = word;
    }
  }
  lines.push(line);
  return lines.map((item) => fit(item, font, size, width));
}

/** The text cut with an ellipsis to fit the width. */
function fit(text: string, font: PDFFont, size: number, width: number): string {
  if (font.widthOfTextAtSize(text, size) <= width) return text;
  let cut = text;
  while (cut.length > 1 && font.widthOfTextAtSize(`${cut}...`, size) > width) cut = cut.slice(0, -1);
  return `${cut}...`;
}

/**
 * The weekly review as a PDF: the same sections as the page, with real text in the standard
 * Helvetica (anything WinAnsi lacks replaced) and charts drawn as vector shapes.
 */
export async function renderReviewPdf(review: WeeklyReview, { createdAt }: { createdAt: Date }): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`Weekly review ${review.week}`);
  doc.setSubject(`Bigrock weekly review, ${review.from} to ${review.to}`);
  doc.setCreator('Bigrock');
  doc.setProducer('Bigrock (pdf-lib)');
  doc.setCreationDate(createdAt);
  doc.setModificationDate(createdAt);
  const fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
  };
  const pdf = new PdfWriter(doc, fonts, `Bigrock weekly review ${review.week}`);
  const duration = (seconds: number) => formatDuration(seconds);
  const money = (amount: number) => formatMoney(amount, review.currency);
  const hours = review.hours;

  pdf.text(`Weekly review ${review.week}`, { size: 20, bold: true, gap: 8 });
  pdf.text(
    `${formatDate(review.from)} to ${formatDate(review.to)} (${review.timeZone}), amounts in ${review.currency}`,
    {
      color: MUTED,
    },
  );

  pdf.heading('What to change next week');
  for (const sentence of review.nextWeek) pdf.text(`- ${sentence}`);

  pdf.heading('Hours');
  pdf.text(
    `Tracked ${duration(hours.totalSeconds)} against ${duration(hours.targetSeconds)} that the activities' targets take.`,
  );
  pdf.text('By class', { bold: true });
  pdf.bars(
    hours.byClass.map((row) => ({
      label: CLASS_NAMES[row.activityClass],
      value: row.seconds,
      target: row.targetSeconds,
      caption: `${duration(row.seconds)} of ${duration(row.targetSeconds)}`,
    })),
  );
  if (hours.byActivity.length > 0) {
    pdf.text('By activity', { bold: true });
    pdf.bars(
      hours.byActivity.slice(0, 12).map((row) => ({
        label: row.activity,
        value: row.seconds,
        target: row.targetSeconds,
        caption:
          row.targetSeconds === null
            ? duration(row.seconds)
            : `${duration(row.seconds)} of ${duration(row.targetSeconds)}`,
      })),
    );
    pdf.table(
      [
        { title: 'Activity', share: 0.28 },
        { title: 'Class', share: 0.16 },
        { title: 'Tracked', share: 0.14, right: true },
        { title: 'Target', share: 0.14, right: true },
        { title: 'Difference', share: 0.14, right: true },
        { title: 'Units', share: 0.14, right: true },
      ],
      hours.byActivity.map((row) => [
        row.activity,
        row.activityClass === null ? CLASS_NAMES.unclassified : CLASS_NAMES[row.activityClass],
        duration(row.seconds),
        row.targetSeconds === null ? '-' : duration(row.targetSeconds),
        row.differenceSeconds === null
          ? '-'
          : `${row.differenceSeconds < 0 ? '-' : '+'}${duration(Math.abs(row.differenceSeconds))}`,
        row.unitsLogged === null
          ? '-'
          : row.targetUnits === null
            ? formatNumber(row.unitsLogged)
            : `${formatNumber(row.unitsLogged)} of ${formatNumber(row.targetUnits)}`,
      ]),
    );
  }
  if (review.bestHour !== null)
    pdf.text(
      `Best hour of income-producing work: ${formatHourOfDay(review.bestHour.hour)}, ${duration(review.bestHour.seconds)} over the week.`,
    );

  pdf.heading('Money');
  const { revenue, window } = review.money;
  pdf.text(
    `Revenue: ${money(revenue.total)}; clients: ${formatNumber(review.money.clients)}; leads: ${formatNumber(review.money.leads)}.`,
  );
  for (const part of revenue.unconverted)
    pdf.text(`Not converted (no exchange rate): ${formatMoney(part.amount, part.currency)}.`, { color: MUTED });
  pdf.text(
    `Hourly value this week: ${review.money.hourlyValue === null ? 'none (no hours)' : money(review.money.hourlyValue)}` +
      (review.money.targetHourlyRate === null ? '.' : `, against a target of ${money(review.money.targetHourlyRate)}.`),
  );
  pdf.text(
    `Over the ${formatNumber(window.hours)} h from ${formatDate(window.from)} to ${formatDate(window.to)}: hourly value ${
      window.hourlyValue === null ? 'none' : money(window.hourlyValue)
    }, buyback rate ${window.buybackRate === null ? 'none' : money(window.buybackRate)}.`,
  );
  pdf.text('Hourly value, last 8 weeks', { bold: true });
  pdf.lineChart(
    review.money.trend.map((week) => ({ label: formatShortDate(week.from), value: week.hourlyValue })),
    money,
  );
  pdf.table(
    [
      { title: 'Week', share: 0.25 },
      { title: 'Hours', share: 0.25, right: true },
      { title: 'Revenue', share: 0.25, right: true },
      { title: 'Hourly value', share: 0.25, right: true },
    ],
    review.money.trend.map((week) => [
      week.week,
      duration(week.seconds),
      money(week.revenue),
      week.hourlyValue === null ? '-' : money(week.hourlyValue),
    ]),
  );

  pdf.heading('Goals');
  if (review.goals.length === 0) pdf.text('No goals yet.', { color: MUTED });
  else
    pdf.table(
      [
        { title: 'Goal', share: 0.34 },
        { title: 'Pace', share: 0.14 },
        { title: 'Actual', share: 0.17, right: true },
        { title: 'Expected', share: 0.17, right: true },
        { title: 'Difference', share: 0.18, right: true },
      ],
      review.goals.map((goal) => [
        goal.title,
        goal.status ?? 'no pace',
        goal.actual === null ? '-' : formatQuantity(goal.actual, goal.unit),
        goal.expected === null ? '-' : formatQuantity(goal.expected, goal.unit),
        goal.delta === null ? '-' : formatNumber(goal.delta),
      ]),
    );

  pdf.heading('Funnel conversions');
  if (review.funnels.length === 0) pdf.text('No funnels yet.', { color: MUTED });
  for (const funnel of review.funnels) {
    pdf.text(`${funnel.name}: ${formatPercent(funnel.probability)} chance of reaching the target`, { bold: true });
    pdf.table(
      [
        { title: 'Step', share: 0.36 },
        { title: 'Guess', share: 0.16, right: true },
        { title: 'Learned', share: 0.16, right: true },
        { title: '90 % interval', share: 0.18, right: true },
        { title: 'Logged', share: 0.14, right: true },
      ],
      funnel.conversions.map((item) => [
        `${item.from} -> ${item.to}`,
        formatPercent(item.guess),
        item.learned === null ? '-' : formatPercent(item.learned),
        `${formatPercent(item.low)}-${formatPercent(item.high)}`,
        `${formatNumber(item.successes)}/${formatNumber(item.trials)}`,
      ]),
    );
  }

  pdf.heading('Biggest time wasters');
  if (review.wasters.length === 0) pdf.text('None: no activity costs more than it returns.', { color: MUTED });
  else
    pdf.table(
      [
        { title: 'Activity', share: 0.3 },
        { title: 'Hours', share: 0.16, right: true },
        { title: 'Revenue', share: 0.18, right: true },
        { title: 'Per hour', share: 0.18, right: true },
        { title: 'Cost', share: 0.18, right: true },
      ],
      review.wasters.map((waster) => [
        waster.activity,
        duration(waster.seconds),
        money(waster.revenue),
        waster.effectiveRate === null ? '-' : money(waster.effectiveRate),
        money(waster.cost),
      ]),
    );

  pdf.heading('Triage suggestions');
  if (review.suggestions.length === 0)
    pdf.text('None yet: the triage suggests once recurring tasks are listed.', { color: MUTED });
  for (const suggestion of review.suggestions)
    pdf.text(
      `- ${suggestion.action} "${suggestion.task}": frees ${duration(suggestion.hoursFreedPerMonth * 3600)} and ${money(
        suggestion.moneyFreedPerMonth,
      )} a month. ${suggestion.why}`,
    );

  if (review.notes.length > 0) {
    pdf.heading('Notes');
    for (const note of review.notes) pdf.text(note, { color: MUTED });
  }
  return doc.save();
}
