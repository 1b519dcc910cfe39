import {
  activityRoi,
  activityRoiQuerySchema,
  AppError,
  auditFetchSpan,
  auditQuerySchema,
  buildAuditReport,
  channelMappingInputSchema,
  channelNameSchema,
  dateInZone,
  DEFAULT_LAG_WEEKS,
  resolveReportRange,
  type ActivityRoi,
  type AuditInput,
  type AuditQuery,
  type ActivityRoiQuery,
  type AuditReport,
  type ChannelMapping,
} from '@bigrock/core';
import { z } from 'zod';

import type { ActivityRepository } from '../activities/activity.repository.js';
import type { Clock } from '../clock.js';
import type { MoneyService } from '../money/money.service.js';
import type { OutcomeRepository } from '../tracking/outcome.repository.js';
import type { TrackedTime } from '../reports/report.service.js';
import { parseInput } from '../validation.js';
import type { WorkspaceRepository } from '../workspaces/workspace.repository.js';
import type { ChannelMappingRepository } from './channel-mapping.repository.js';

const channelParamSchema = z.object({ channel: channelNameSchema });

export interface AuditServiceDeps {
  tracked: TrackedTime;
  outcomes: OutcomeRepository;
  activities: ActivityRepository;
  channels: ChannelMappingRepository;
  money: MoneyService;
  workspaces: WorkspaceRepository;
  clock: Clock;
  workspaceId: string;
}

export type AuditService = ReturnType<typeof createAuditService>;

/** The time audit: where the hours went, what each earned, the wasters, the channels; and one activity's ROI. */
export function createAuditService({
  tracked,
  outcomes,
  activities,
  channels,
  money,
  workspaces,
  clock,
  workspaceId,
}: AuditServiceDeps) {
  /** Everything core's report needs, for the window and model the query names (this month, direct by default). */
  async function gather(query: AuditQuery): Promise<AuditInput> {
    const zone = (await workspaces.find(workspaceId))?.timeZone ?? 'UTC';
    const now = clock.now();
    const today = dateInZone(now, zone);
    const settings = await money.get();
    const window =
      query.from !== undefined && query.to !== undefined
        ? { from: query.from, to: query.to }
        : resolveReportRange(query.range ?? 'this-month', today, settings.weekStart);
    const attribution = query.attribution ?? 'direct';
    const lagWeeks = query.lagWeeks ?? DEFAULT_LAG_WEEKS;
    const span = auditFetchSpan(window.from, window.to, attribution, lagWeeks);
    const [trackedCells, outcomeList, activityList, channelList, value] = await Promise.all([
      tracked.trackedByDayAndActivity(span.tracked),
      outcomes.list(workspaceId, span.outcomes),
      activities.list(workspaceId),
      channels.list(workspaceId),
      money.hourlyValue({ to: window.to < today ? window.to : today }),
    ]);
    return {
      ...window,
      attribution,
      lagWeeks,
      tracked: trackedCells,
      outcomes: outcomeList,
      activities: activityList,
      channels: channelList,
      settings,
      hourlyValue: value.hourlyValue,
    };
  }

  async function auditOf(query: AuditQuery): Promise<AuditReport> {
    return buildAuditReport(await gather(query));
  }

  async function roiOf({ activity, ...query }: ActivityRoiQuery): Promise<ActivityRoi> {
    return activityRoi(await gather(query), activity);
  }

  return {
    /** The audit of a query as typed (the CLI); `auditOf` takes one the route has parsed. */
    report: (query: unknown = {}): Promise<AuditReport> => auditOf(parseInput(auditQuerySchema, query)),
    auditOf,

    /** What one activity earned over the window against what its hours are worth (seed 004's exercise). */
    activityRoi: (query: unknown): Promise<ActivityRoi> => roiOf(parseInput(activityRoiQuerySchema, query)),
    roiOf,

    listChannels: (): Promise<ChannelMapping[]> => channels.list(workspaceId),

    async setChannel(channel: unknown, body: unknown): Promise<ChannelMapping> {
      const name = parseInput(channelParamSchema, { channel }).channel;
      const { activities: names } = parseInput(channelMappingInputSchema, body);
      const mapping = { channel: name, activities: [...new Set(names)] };
      await channels.put(workspaceId, mapping, clock.now().toISOString());
      return mapping;
    },

    async removeChannel(channel: unknown): Promise<void> {
      const name = parseInput(channelParamSchema, { channel }).channel;
      if (!(await channels.delete(workspaceId, name))) {
        throw new AppError('not-found', `No channel "${name}" is mapped: see GET /api/v1/audit/channels.`, {
          field: 'channel',
        });
      }
    },
  };
}
