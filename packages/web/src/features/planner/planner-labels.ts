import { formatDuration, type BlockActual, type BlockKind, type WeekBlock } from '@bigrock/core';

import { formatPercent } from '../../shared/format';
import { weekdayLabels } from '../goals/goal-labels';

export const kindLabels: Record<BlockKind, string> = {
  'batch-window': 'Batch window',
  'deep-work': 'Deep work',
  admin: 'Admin',
  meetings: 'Meetings',
  break: 'Break',
};

/** What a block holds: its activity, or its kind. */
export const blockWhat = (block: Pick<WeekBlock, 'activity' | 'kind'>) =>
  block.activity ?? (block.kind === null ? 'Block' : kindLabels[block.kind]);

/** `Monday 09:00–11:00 posts and invitations`: a block named in full, for the labels of its controls. */
export const blockName = (block: Pick<WeekBlock, 'weekday' | 'start' | 'end' | 'activity' | 'kind'>) =>
  `${weekdayLabels[block.weekday]} ${block.start}–${block.end} ${blockWhat(block)}`;

/** A duration in seconds as read: `1 hr 30 min`. */
export const duration = (seconds: number) => formatDuration(seconds);

/** `75% kept (1 hr 30 min of 2 hr)`, or where nothing of it has passed yet. */
export function adherenceText(actual: Pick<BlockActual, 'adherence' | 'keptSeconds' | 'plannedSeconds'>): string {
  if (actual.adherence === null) return 'not begun';
  return `${formatPercent(actual.adherence)} kept (${duration(actual.keptSeconds)} of ${duration(actual.plannedSeconds)})`;
}
