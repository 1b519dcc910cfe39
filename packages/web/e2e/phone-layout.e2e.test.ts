import { fileURLToPath } from 'node:url';

import { addDays, dateInZone, isoWeekOf } from '@bigrock/core';
import type { TestServer } from '@bigrock/server/test-support';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, test } from 'vitest';

import { useBrowserSession } from './browser.js';

let server: TestServer;
let page: Page;

// The test server's workspace and the browser both run on UTC (see useBrowserSession).
const today = dateInZone(new Date(), 'UTC');

const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 800 };

const togglFile = fileURLToPath(
  new URL('../../server/src/tracking/import/fixtures/toggl-detailed.csv', import.meta.url),
);

/** The ids of what the full workspace holds, for the pages about one thing. */
interface Ids {
  goal: string;
  /** A goal fed by an activity's logs: its page says where its numbers come from. */
  fedGoal: string;
  activity: string;
  funnel: string;
  entry: string;
  /** A queued post to a webhook, with a long text and link. */
  post: string;
}

interface AppPage {
  name: string;
  /** `empty`: a fresh workspace; `full`: the demo, an archived goal, time tracked today and outcomes. */
  data: 'empty' | 'full';
  path: string | ((ids: Ids) => string);
  /** Brings the page to a state worth measuring once it has loaded: a file previewed, a form shown. */
  prepare?: (page: Page) => Promise<void>;
}

/**
 * Every route of App.tsx, and the states of a page that show more (a table, a preview). A new page
 * goes here: it is then measured on a phone and on a desktop.
 */
const appPages: AppPage[] = [
  { name: 'dashboard, empty', data: 'empty', path: '/' },
  { name: 'archive, empty', data: 'empty', path: '/archive' },
  { name: 'activities, empty', data: 'empty', path: '/activities' },
  { name: 'funnels, empty', data: 'empty', path: '/funnels' },
  { name: 'tracking, empty', data: 'empty', path: '/tracking' },
  { name: 'focus, empty', data: 'empty', path: '/focus' },
  { name: 'week, empty', data: 'empty', path: '/week' },
  { name: 'today, empty', data: 'empty', path: '/today' },
  { name: 'review, empty', data: 'empty', path: '/review' },
  { name: 'triage, empty', data: 'empty', path: '/triage' },
  { name: 'audit, empty', data: 'empty', path: '/audit' },
  { name: 'accounts, empty', data: 'empty', path: '/accounts' },
  { name: 'rules, empty', data: 'empty', path: '/rules' },
  { name: 'compose, no account', data: 'empty', path: '/compose' },
  { name: 'queue, empty', data: 'empty', path: '/queue' },
  { name: 'dashboard with the demo', data: 'full', path: '/' },
  { name: 'goal detail', data: 'full', path: (ids) => `/goals/${ids.goal}` },
  { name: 'goal editor', data: 'full', path: (ids) => `/goals/${ids.goal}/edit` },
  { name: 'goal fed by an activity', data: 'full', path: (ids) => `/goals/${ids.fedGoal}` },
  { name: 'goal fed by an activity, editor', data: 'full', path: (ids) => `/goals/${ids.fedGoal}/edit` },
  { name: 'new goal', data: 'full', path: '/goals/new' },
  { name: 'archive', data: 'full', path: '/archive' },
  { name: 'tracking, a day', data: 'full', path: '/tracking' },
  { name: 'tracking, a week', data: 'full', path: `/tracking?view=week&date=${today}` },
  { name: 'entry edit', data: 'full', path: (ids) => `/tracking/entries/${ids.entry}` },
  { name: 'import', data: 'full', path: '/tracking/import' },
  {
    name: 'import, a file previewed',
    data: 'full',
    path: '/tracking/import',
    async prepare(page) {
      await page.getByLabel('File to import').setInputFiles(togglFile);
      await page.getByRole('button', { name: 'Preview import' }).click();
      await page.getByRole('region', { name: 'Preview' }).waitFor();
    },
  },
  { name: 'outcomes', data: 'full', path: '/tracking/outcomes' },
  { name: 'restore', data: 'full', path: '/tracking/restore' },
  { name: 'activities', data: 'full', path: '/activities' },
  { name: 'activity detail', data: 'full', path: (ids) => `/activities/${ids.activity}` },
  { name: 'funnels', data: 'full', path: '/funnels' },
  { name: 'funnel detail', data: 'full', path: (ids) => `/funnels/${ids.funnel}` },
  { name: 'funnel editor', data: 'full', path: (ids) => `/funnels/${ids.funnel}/edit` },
  { name: 'new funnel', data: 'full', path: '/funnels/new' },
  { name: 'a goal that does not exist', data: 'full', path: '/goals/no-such-goal' },
  { name: 'triage', data: 'full', path: '/triage' },
  { name: 'settings', data: 'full', path: '/settings' },
  {
    name: 'focus, a session running',
    data: 'full',
    path: '/focus',
    async prepare(page) {
      await page.getByLabel('Activity').fill('Calls');
      await page.getByRole('button', { name: 'Start focus' }).click();
      await page.getByRole('timer', { name: 'Time left' }).waitFor();
    },
  },
  {
    name: 'week, made from a template',
    data: 'full',
    path: '/week',
    async prepare(page) {
      await page.getByLabel('Template', { exact: true }).selectOption('social-selling');
      await page.getByRole('button', { name: 'Apply to this week' }).click();
      await page
        .getByRole('status')
        .getByText(/made from social-selling/)
        .waitFor();
    },
  },
  { name: 'today, with the week made', data: 'full', path: '/today' },
  { name: 'review of this week', data: 'full', path: `/review?week=${isoWeekOf(today)}` },
  {
    name: 'settings, with a calendar feed',
    data: 'full',
    path: '/settings',
    async prepare(page) {
      const make = page.getByRole('button', { name: 'Make a subscribe address' });
      if ((await make.count()) > 0) await make.click();
      await page.getByLabel('Subscribe address').waitFor();
    },
  },
  { name: 'audit', data: 'full', path: '/audit?range=last-90-days&attribution=pro-rata' },
  { name: 'compose', data: 'full', path: '/compose' },
  {
    name: 'compose, texts for each network',
    data: 'full',
    path: '/compose',
    async prepare(page) {
      await page.getByLabel('Text', { exact: true }).fill(`${longPost} ${'x'.repeat(300)}`);
      await page.getByLabel('At a time').check();
      await page.getByLabel('Time', { exact: true }).waitFor();
    },
  },
  { name: 'queue, a post in the week', data: 'full', path: `/queue?week=${isoWeekOf(addDays(today, 1))}` },
  {
    name: 'queue, moving a post',
    data: 'full',
    path: `/queue?week=${isoWeekOf(addDays(today, 1))}`,
    async prepare(page) {
      await page.getByRole('button', { name: 'Move' }).first().click();
      await page.getByLabel('Move to').selectOption('other');
      await page.getByLabel('Time', { exact: true }).first().waitFor();
    },
  },
  { name: 'post history', data: 'full', path: (ids) => `/posts/${ids.post}` },
  { name: 'not found', data: 'full', path: '/no/such/page' },
];

async function post(path: string, body?: unknown): Promise<unknown> {
  const response = await server.api(`/api/v1${path}`, {
    method: 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.status, `POST ${path}: ${await response.clone().text()}`).toBeLessThan(300);
  return response.json();
}

async function get<T>(path: string): Promise<T> {
  const response = await server.api(`/api/v1${path}`);
  expect(response.status, `GET ${path}`).toBe(200);
  return (await response.json()) as T;
}

const longPost =
  'Batch your week: every post written on Monday, sent by the queue at its slot https://example.org/a/very/long/path/that/never/breaks/on/its/own/because/it/has/no/spaces/in/it';

/** The demo, one of its goals archived, a day of tracked time with long names and notes, and outcomes. */
async function fillWorkspace(): Promise<Ids> {
  const { goalIds } = (await post('/demo')) as { goalIds: string[] };
  const [goal, archived] = goalIds;
  if (goal === undefined || archived === undefined) throw new Error('The demo made fewer than two goals.');
  await post(`/goals/${archived}/archive`);
  const [activity] = await get<Array<{ activity: { id: string } }>>('/activities');
  const [funnel] = await get<Array<{ id: string }>>('/funnels');
  if (activity === undefined || funnel === undefined) throw new Error('The demo made no activity or no funnel.');
  const entry = (await post('/entries', {
    activity: 'Calls to the people on my warm market list',
    start: `${today} 08:00`,
    end: `${today} 09:30`,
    tags: ['prospecting', 'warm-market'],
    note: 'Called back everyone who asked for the product brochure, and booked two appointments for Thursday',
  })) as { id: string };
  await post('/entries', { activity: 'Admin', start: `${today} 09:30`, end: `${today} 10:00` });
  await post('/entries', {
    activity: 'Team call',
    start: `${addDays(today, -1)} 18:00`,
    end: `${addDays(today, -1)} 19:00`,
  });
  await post('/outcomes', {
    kind: 'revenue',
    amount: 1250.5,
    currency: 'USD',
    date: today,
    activity: 'Calls',
    channel: 'Referral',
    note: 'First order of a new customer',
  });
  await post('/outcomes', { kind: 'lead', amount: 3, date: today, activity: 'Calls' });
  const triageTask = (await post('/triage/tasks', {
    name: 'Reconcile the receipts of every card and bank account with the bookkeeping software',
    activity: 'Admin',
    hoursPerWeek: 3,
    energy: 'draining',
    outsourceRate: 25,
    reviewHoursPerWeek: 0.5,
    automationOnce: 300,
    automationMonthly: 20,
  })) as { id: string };
  await server.api(`/api/v1/triage/tasks/${triageTask.id}/override`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ action: 'batch', reason: 'I want to see every receipt myself before the quarter closes' }),
  });
  const fedGoal = (await post('/goals', {
    title: 'Make 300 calls to the people on my warm market list this quarter',
    target: 300,
    unit: 'calls',
    deadline: addDays(today, 90),
    source: `activity:${activity.activity.id}`,
  })) as { id: string };
  await post('/accounts', { network: 'webhook', url: 'https://hooks.example.org/a/very/long/path/for/bigrock/posts' });
  const queued = (await post('/posts', {
    text: longPost,
    when: { kind: 'at', at: `${addDays(today, 1)} 09:00` },
  })) as { id: string };
  return {
    goal,
    fedGoal: fedGoal.id,
    activity: activity.activity.id,
    funnel: funnel.id,
    entry: entry.id,
    post: queued.id,
  };
}

/** What the code run in the page uses of the browser: the e2e files are type-checked without the DOM library. */
interface PageElement {
  tagName: string;
  id: string;
  classList: Iterable<string>;
  textContent: string | null;
  parentElement: PageElement | null;
  contains(other: PageElement): boolean;
  getBoundingClientRect(): { width: number; right: number };
}
declare const document: {
  body: PageElement & { querySelectorAll(selector: string): Iterable<PageElement> };
  documentElement: { scrollWidth: number };
};
declare function getComputedStyle(element: unknown, pseudoElement?: string): { overflowX: string; content: string };

/** How wide the page is, and the elements that stick out past the viewport's right edge. */
function measureWidth(width: number): Promise<{ scrollWidth: number; overflowing: string[] }> {
  // The viewport's width as set, not window.innerWidth: a mobile browser widens that to fit what overflows.
  return page.evaluate((width) => {
    const nameOf = (element: PageElement) =>
      element.tagName.toLowerCase() +
      (element.id ? `#${element.id}` : '') +
      [...element.classList].map((name) => `.${name}`).join('') +
      ` "${(element.textContent ?? '').trim().slice(0, 40)}"`;
    // An element inside a container that scrolls or clips sideways does not widen the page.
    const clippedAbove = (element: PageElement) => {
      for (
        let parent = element.parentElement;
        parent !== null && parent !== document.body;
        parent = parent.parentElement
      ) {
        if (getComputedStyle(parent).overflowX !== 'visible') return true;
      }
      return false;
    };
    const sticking = [...document.body.querySelectorAll('*')].filter((element) => {
      const box = element.getBoundingClientRect();
      return box.width > 0 && box.right > width + 0.5 && !clippedAbove(element);
    });
    // The innermost ones name the cause; their containers only follow them.
    const overflowing = sticking
      .filter((element) => !sticking.some((other) => other !== element && element.contains(other)))
      .map((element) => `${nameOf(element)} ends at ${Math.round(element.getBoundingClientRect().right)} px`);
    return { scrollWidth: document.documentElement.scrollWidth, overflowing: overflowing.slice(0, 5) };
  }, width);
}

async function visit(appPage: AppPage, ids: Ids | null): Promise<void> {
  const path = typeof appPage.path === 'string' ? appPage.path : appPage.path(ids ?? fail(appPage));
  await page.goto(path);
  await page.locator('main h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  await appPage.prepare?.(page);
}

function fail(appPage: AppPage): never {
  throw new Error(`${appPage.name} needs the full workspace: give it data: 'full'.`);
}

/** Each page at this size: the pages that fit, and what sticks out of the others. */
async function measureEveryPage(viewport: { width: number; height: number }) {
  await page.setViewportSize(viewport);
  const problems: string[] = [];
  let ids: Ids | null = null;
  for (const appPage of [...appPages].sort((a, b) => (a.data === b.data ? 0 : a.data === 'empty' ? -1 : 1))) {
    if (appPage.data === 'full' && ids === null) ids = await fillWorkspace();
    await visit(appPage, ids);
    const { scrollWidth, overflowing } = await measureWidth(viewport.width);
    if (scrollWidth !== viewport.width || overflowing.length > 0) {
      problems.push(`${appPage.name}: ${scrollWidth} px wide; ${overflowing.join('; ') || 'no element named'}`);
    }
  }
  return problems;
}

const session = useBrowserSession();

beforeEach(() => {
  ({ page, server } = session.current());
});

describe('every page on a phone and on a desktop', () => {
  test('no page is wider than a 390 px phone', { timeout: 180_000 }, async () => {
    expect(await measureEveryPage(phone)).toEqual([]);
  });

  test('no page is wider than a 1280 px desktop', { timeout: 180_000 }, async () => {
    expect(await measureEveryPage(desktop)).toEqual([]);
  });
});

describe('tables on a phone', () => {
  test('a table of records shows each row as a card with its labels, and stays a table to a screen reader', async () => {
    await post('/demo');
    await page.setViewportSize(phone);
    await page.goto('/activities');
    const calls = page.getByRole('row', { name: /^calls Income-producing 10 calls a working day 5 / });
    await calls.waitFor();
    // One column: each cell starts at the card's left edge, below the one before it.
    const boxes = await Promise.all(
      (await calls.getByRole('cell').all()).map(
        async (cell) => (await cell.boundingBox()) ?? { x: Number.NaN, y: Number.NaN },
      ),
    );
    expect(boxes.length).toBe(6);
    for (const [index, box] of boxes.entries()) {
      expect(box.x).toBe(boxes[0]?.x);
      if (index > 0) expect(box.y).toBeGreaterThan(boxes[index - 1]?.y ?? 0);
    }
    // The column's name leads each line on screen; the cell is still named by its content alone.
    const target = calls.getByRole('cell', { name: '10 calls a working day', exact: true });
    expect(await target.evaluate((cell) => getComputedStyle(cell, '::before').content)).toContain('Target');
    expect(await page.getByRole('columnheader', { name: 'Target' }).count()).toBe(1);
  });

  test('the week, a table that must stay one, scrolls in its own labelled box', async () => {
    await post('/entries', { activity: 'Calls', start: `${today} 08:00`, end: `${today} 09:30` });
    await page.setViewportSize(phone);
    await page.goto(`/tracking?view=week&date=${today}`);
    const box = page.getByRole('region', { name: 'Time by activity and day' });
    await box.getByRole('table', { name: 'Time by activity and day' }).waitFor();
    const sizes = await box.evaluate((element) => ({ client: element.clientWidth, scroll: element.scrollWidth }));
    expect(sizes.scroll).toBeGreaterThan(sizes.client);
    expect(await box.getAttribute('tabindex')).toBe('0');
    expect(await measureWidth(phone.width)).toEqual({ scrollWidth: phone.width, overflowing: [] });
  });
});

describe('the menu', () => {
  const nav = () => page.getByRole('navigation', { name: 'Main' });
  const menuButton = () => page.getByRole('button', { name: 'Menu' });

  test('on a phone it folds behind a button that opens it, and navigating closes it', async () => {
    await page.setViewportSize(phone);
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Your goals' }).waitFor();
    expect(await menuButton().getAttribute('aria-expanded')).toBe('false');
    expect(await nav().getByRole('link', { name: 'Tracking' }).isVisible()).toBe(false);

    await menuButton().click();
    expect(await menuButton().getAttribute('aria-expanded')).toBe('true');
    await nav().getByRole('link', { name: 'Tracking' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tracking' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/tracking');
    expect(await menuButton().getAttribute('aria-expanded')).toBe('false');
    expect(await nav().getByRole('link', { name: 'Tracking' }).isVisible()).toBe(false);
    expect(await measureWidth(phone.width)).toEqual({ scrollWidth: phone.width, overflowing: [] });
  });

  test('on a phone it works from the keyboard: Enter opens it, Tab reaches the links, Escape closes it', async () => {
    await page.setViewportSize(phone);
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Your goals' }).waitFor();

    await menuButton().focus();
    await page.keyboard.press('Enter');
    expect(await menuButton().getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Tab');
    expect(await page.locator(':focus').textContent()).toBe('Dashboard');
    await page.keyboard.press('Escape');
    expect(await menuButton().getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator(':focus').textContent()).toBe('Menu');

    await page.keyboard.press('Space');
    // Tab through the links to Funnels, however many come before it.
    for (let step = 0; step < 12 && (await page.locator(':focus').textContent()) !== 'Funnels'; step += 1) {
      await page.keyboard.press('Tab');
    }
    expect(await page.locator(':focus').textContent()).toBe('Funnels');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Funnels' }).waitFor();
    expect(await menuButton().getAttribute('aria-expanded')).toBe('false');
  });

  test('on a desktop every link shows and there is no menu button', async () => {
    await page.setViewportSize(desktop);
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Your goals' }).waitFor();
    expect(await menuButton().isVisible()).toBe(false);
    for (const name of ['Dashboard', 'New goal', 'Today', 'Week', 'Tracking', 'Activities', 'Funnels', 'Archived']) {
      expect(await nav().getByRole('link', { name, exact: true }).isVisible(), name).toBe(true);
    }
  });
});
