import {
  AppError,
  blockInstants,
  createWallClockConverter,
  datesOfIsoWeek,
  expandTemplateBetween,
  feedEvents,
  feedWindow,
  type FeedBlock,
} from '@bigrock/core';

import type { DataVersion } from '../db/data-version.js';
import { createFeedTokens, etagOf, type FeedToken } from '../workspaces/feed-token.js';
import type { SettingRepository } from '../workspaces/setting.repository.js';
import { writeFeedIcs } from './calendar-feed-ics.js';
import type { PlannerRepository } from './planner.repository.js';
import { expandedId, type PlannerService } from './planner.service.js';

export interface CalendarFeedServiceDeps {
  planner: PlannerRepository;
  plannerService: Pick<PlannerService, 'zoneAndToday'>;
  settings: SettingRepository;
  /** The server's session secret: the feed's token is derived from it, so it can be shown again. */
  sessionSecret: () => Promise<string>;
  dataVersion: DataVersion;
  clock: { now(): Date };
  workspaceId: string;
  workspaceName: () => Promise<string>;
}

/** The feed's address, relative to the server: the caller adds the scheme and host. */
export interface CalendarFeedLink {
  path: string;
  createdAt: string;
}

export const FEED_PATH_PREFIX = '/api/v1/planner/feed/';

/**
 * The plan as an iCalendar feed, at an address with a secret token: the one way to read Bigrock
 * without the session (the token made and checked by `createFeedTokens`). The text is kept while
 * the data is unchanged (`dataVersion`) and today is the same day; its ETag is a hash of the text,
 * so a poll of an unchanged plan gets a 304.
 */
export function createCalendarFeedService({
  planner,
  plannerService,
  settings,
  sessionSecret,
  dataVersion,
  clock,
  workspaceId,
  workspaceName,
}: CalendarFeedServiceDeps) {
  const tokens = createFeedTokens({ purpose: 'calendar-feed', settings, sessionSecret, clock, workspaceId });
  let kept: { version: string; text: string; etag: string } | undefined;

  async function linkOf({ token, createdAt }: FeedToken): Promise<CalendarFeedLink> {
    return { path: `${FEED_PATH_PREFIX}${token}.ics`, createdAt };
  }

  async function blocksOf(zone: string, window: ReturnType<typeof feedWindow>): Promise<FeedBlock[]> {
    const [stored, made, active] = await Promise.all([
      planner.feedBlocks(workspaceId, window.from, window.to),
      planner.madeWeeks(workspaceId, window.weeks),
      planner.activeTemplate(workspaceId),
    ]);
    const toInstant = createWallClockConverter(zone);
    const madeDates = new Set([...made].flatMap((week) => datesOfIsoWeek(week)));
    // Busy time imported from a calendar is left out: it is in that calendar already.
    const own: FeedBlock[] = stored
      .filter((block) => block.imported === null)
      .map((block) => ({
        uid: block.feedUid,
        date: block.date,
        activity: block.activity,
        kind: block.kind,
        note: block.note,
        skipped: block.skipped,
        ...blockInstants(block.date, block.start, block.end, zone, toInstant),
        sequence: block.sequence,
        changedAt: block.updatedAt,
      }));
    const following =
      active === undefined
        ? []
        : expandTemplateBetween(active.blocks, window.from, window.to, zone)
            .filter((block) => !madeDates.has(block.date))
            .map((block) => ({
              uid: expandedId(block.templateBlockId, block.date),
              date: block.date,
              activity: block.activity,
              kind: block.kind,
              note: block.note,
              skipped: false,
              startMs: block.startMs,
              endMs: block.endMs,
              sequence: 0,
              changedAt: active.updatedAt,
            }));
    return [...own, ...following];
  }

  async function compute(): Promise<{ text: string; etag: string }> {
    const { zone, today } = await plannerService.zoneAndToday();
    const window = feedWindow(today);
    const [blocks, rocks, name] = await Promise.all([
      blocksOf(zone, window),
      planner.feedRocks(workspaceId, window.from, window.to),
      workspaceName(),
    ]);
    const text = writeFeedIcs(feedEvents({ workspaceId, blocks, rocks }), { name: `Bigrock: ${name}` });
    return { text, etag: etagOf(text) };
  }

  return {
    /** The feed's address, made on first use. */
    async link(): Promise<CalendarFeedLink> {
      return linkOf(await tokens.ensure());
    },

    /** The feed's address if it has one: null before the first `link` and after `revoke`. */
    async current(): Promise<CalendarFeedLink | null> {
      const feed = await tokens.current();
      return feed === null ? null : linkOf(feed);
    },

    /** A new address; the old one stops working. */
    async renew(): Promise<CalendarFeedLink> {
      return linkOf(await tokens.renew());
    },

    /** The address stops working; `link` makes a new one. */
    async revoke(): Promise<void> {
      await tokens.revoke();
    },

    /**
     * The feed for the token of an address (`<token>.ics`): its text and ETag; not-found for a
     * wrong or revoked token, which says nothing of why.
     */
    async read(file: string): Promise<{ text: string; etag: string }> {
      if (!file.endsWith('.ics') || !(await tokens.matches(file.slice(0, -4))))
        throw new AppError(
          'not-found',
          'No calendar feed at this address: it was renewed or revoked. Get the current one with bigrock feed url.',
        );
      // Kept for a version of the data and a day: the version is read before the feed is computed.
      const version = `${await dataVersion()}\u0000${(await plannerService.zoneAndToday()).today}`;
      if (kept?.version === version) return kept;
      const made = await compute();
      kept = { version, ...made };
      return made;
    },
  };
}

export type CalendarFeedService = ReturnType<typeof createCalendarFeedService>;
