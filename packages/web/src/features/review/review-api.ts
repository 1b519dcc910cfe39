import { isoWeekProblem, type WeeklyReview } from '@bigrock/core';
import type { LoaderFunctionArgs } from 'react-router-dom';

import { api, apiUrl, ApiError } from '../../api/api-client';

const query = (week: string | null) => (week === null ? '' : `?week=${encodeURIComponent(week)}`);

export const reviewApi = {
  get: (week: string | null) => api.get<WeeklyReview>(`/review${query(week)}`),
  /** The PDF's address: a plain link downloads it (Content-Disposition: attachment) with the session cookie. */
  pdfUrl: (week: string) => apiUrl(`/review.pdf${query(week)}`),
};

/**
 * The review of `?week=2027-W03`, last week by default. A week that does not exist is said beside
 * the week picker, with last week's review under it.
 */
export async function reviewLoader({ request }: LoaderFunctionArgs) {
  const asked = new URL(request.url).searchParams.get('week');
  const problem = asked === null || asked === '' ? null : isoWeekProblem(asked);
  try {
    return {
      review: await reviewApi.get(problem === null && asked !== '' ? asked : null),
      weekError: problem === null ? null : `The week ${problem}.`,
    };
  } catch (error) {
    if (error instanceof ApiError && error.field === 'week') {
      return { review: await reviewApi.get(null), weekError: error.message };
    }
    throw error;
  }
}
