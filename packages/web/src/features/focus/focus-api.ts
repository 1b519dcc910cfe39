import type {
  AbandonFocusInput,
  BigRock,
  FocusSession,
  FocusStats,
  InterruptFocusInput,
  StartFocusInput,
  TimeEntry,
} from '@bigrock/core';

import { api } from '../../api/api-client';

/** GET /focus/current: the open session, the planned length a new one takes, today's big rock. */
export interface FocusCurrent {
  session: FocusSession | null;
  defaultMinutes: number;
  rock: BigRock | null;
}

export const focusApi = {
  current: () => api.get<FocusCurrent>('/focus/current'),
  start: (input: StartFocusInput) =>
    api.post<{ session: FocusSession; stopped: TimeEntry | null }>('/focus/start', input),
  interrupt: (input: InterruptFocusInput) => api.post<FocusSession>('/focus/interrupt', input),
  pause: () => api.post<FocusSession>('/focus/pause'),
  resume: () => api.post<FocusSession>('/focus/resume'),
  done: () => api.post<FocusSession>('/focus/done'),
  abandon: (input: AbandonFocusInput) => api.post<FocusSession>('/focus/abandon', input),
  stats: (from: string, to: string) => api.get<FocusStats>(`/focus/stats?from=${from}&to=${to}`),
};
