import {
  addDays,
  computeWeeklyReview,
  datesOfIsoWeek,
  dateInZone,
  isAppError,
  isoInstant,
  isoWeekOf,
  reviewQuerySchema,
  weeklyReviewSpan,
  type IsoWeek,
  type ReviewFunnelInput,
  type ReviewRange,
  type ReviewSuggestion,
  type ReviewWaster,
  type WeeklyReview,
} from '@bigrock/core';

import type { ActivityRepository } from '../activities/activity.repository.js';
import type { Clock } from '../clock.js';
import type { FunnelService } from '../funnels/funnel.service.js';
import type { GoalService } from '../goals/goal.service.js';
import type { MoneyService } from '../money/money.service.js';
import type { OutcomeRepository } from '../tracking/outcome.repository.js';
import type { TimeEntryRepository } from '../tracking/time-entry.repository.js';
import { parseInput } from '../validation.js';
import type { WorkspaceRepository } from '../workspaces/workspace.repository.js';
import type { ReviewRepository } from './review.repository.js';

/** The disguised time wasters of a range, most costly first (the audit's, once it lands). */
export type ReviewWasters = (range: ReviewRange) => Promise<ReviewWaster[]>;
/** The triage's recommendations for the recurring tasks (none until tasks exist). */
export type ReviewTriageSuggestions = () => Promise<ReviewSuggestion[]>;

/** How many wasters a review shows. */
export const REVIEW_WASTERS = 5;

/**
 * The weekly review: reads a week's entries, logs, outcomes, goals and funnels, and lets core's
 * `computeWeeklyReview` make every figure; the PDF is drawn from the same review.
 */
export function createReviewService({
  reviews,
  activities,
  entries,
  outcomes,
  goals,
  funnels,
  money,
  workspaces,
  clock,
  workspaceId,
  wasters,
  triageSuggestions,
}: {
  reviews: ReviewRepository;
  activities: ActivityRepository;
  entries: TimeEntryRepository;
  outcomes: OutcomeRepository;
  goals: GoalService;
  funnels: FunnelService;
  money: MoneyService;
  workspaces: WorkspaceRepository;
  clock: Clock;
  workspaceId: string;
  wasters: ReviewWasters;
  triageSuggestions: ReviewTriageSuggestions;
}) {
  async function funnelInputs(asOf: string, notes: string[]): Promise<ReviewFunnelInput[]> {
    const solved: ReviewFunnelInput[] = [];
    for (const funnel of await funnels.list()) {
      try {
        const solution = await funnels.solve(funnel.id, { asOf });
        solved.push({
          id: funnel.id,
          name: funnel.name,
          probability: solution.probability,
          conversions: solution.conversions,
        });
      } catch (error) {
        if (!isAppError(error)) throw error;
        notes.push(`The funnel "${funnel.name}" is left out: ${error.message}`);
      }
    }
    return solved;
  }

  async function review(query: unknown = {}): Promise<WeeklyReview> {
    const { week: asked } = parseInput(reviewQuerySchema, query);
    const zone = (await workspaces.find(workspaceId))?.timeZone ?? 'UTC';
    const now = clock.now();
    const today = dateInZone(now, zone);
    const week: IsoWeek = asked ?? isoWeekOf(addDays(today, -7));
    const dates = datesOfIsoWeek(week);
    const from = dates[0] ?? today;
    const to = dates[6] ?? today;
    const span = weeklyReviewSpan(week, zone);
    // Pace and funnels as they stood at the week's end, or today for the week under way.
    const asOf = to < today ? to : today;
    const notes: string[] = [];
    const [settings, list, logged, rows, outcomeList, goalList, funnelList, window, wasterList, suggestions] =
      await Promise.all([
        money.get(),
        activities.list(workspaceId),
        reviews.unitsLogged(workspaceId, from, to),
        entries.listInRange(workspaceId, { startMs: span.startMs, endMs: span.endMs }),
        outcomes.list(workspaceId, { from: span.from, to: span.to }),
        goals.list({ asOf }),
        funnelInputs(asOf, notes),
        money.hourlyValue({ to }),
        wasters({ from, to }),
        triageSuggestions(),
      ]);
    return computeWeeklyReview({
      week,
      timeZone: zone,
      nowMs: now.getTime(),
      settings,
      entries: rows.map((row) => ({
        activity: row.activity,
        start: isoInstant(Number(row.start_ms)),
        end: row.end_ms === null ? null : isoInstant(Number(row.end_ms)),
      })),
      activities: list.map((activity) => ({ ...activity, unitsLogged: logged.get(activity.id) ?? 0 })),
      goals: goalList,
      funnels: funnelList,
      outcomes: outcomeList,
      window,
      wasters: wasterList.slice(0, REVIEW_WASTERS),
      suggestions,
      notes,
    });
  }

  return {
    review,

    /** The review as a PDF: real text and vector charts, drawn with pdf-lib. */
    async pdf(query: unknown = {}): Promise<{ review: WeeklyReview; bytes: Uint8Array; filename: string }> {
      const weekly = await review(query);
      return {
        review: weekly,
        // pdf-lib loads when a PDF is asked for, not with every service (the CLI starts faster).
        bytes: await (await import('./review-pdf.js')).renderReviewPdf(weekly, { createdAt: clock.now() }),
        filename: `bigrock-review-${weekly.week}.pdf`,
      };
    },
  };
}

export type ReviewService = ReturnType<typeof createReviewService>;
