import type { CreatePostInput, Post, PostingSlot, PostOverrides, PostWhen, PublishingAccount } from '@bigrock/core';
import type { LoaderFunctionArgs } from 'react-router-dom';

import { api, apiUrl } from '../../api/api-client';

/** The queue's settings, as GET /queue/slots answers. */
export interface QueueSettings {
  slots: PostingSlot[];
  paused: boolean;
  graceMinutes: number;
  /** An image without alt text is refused (PUT /queue/alt-text). */
  requireAltText: boolean;
  timeZone: string;
}

/** A week of the queue, as GET /queue answers: each slot and each other time with its posts. */
export interface QueueWeek {
  week: string;
  timeZone: string;
  paused: boolean;
  graceMinutes: number;
  entries: Array<{ at: string; slot: PostingSlot | null; posts: Post[] }>;
}

/** What a post's edit or move sends (PATCH /posts/:id). */
export interface UpdatePostInput {
  text?: string;
  overrides?: PostOverrides;
  contentWarning?: string | null;
  when?: PostWhen;
}

const postPath = (id: string) => `/posts/${encodeURIComponent(id)}`;

/** Where a post's stored image is served (GET /posts/:id/media/:mediaId), for an <img>. */
export const postMediaUrl = (postId: string, mediaId: string) =>
  apiUrl(`/posts/${encodeURIComponent(postId)}/media/${encodeURIComponent(mediaId)}`);

export const postsApi = {
  create: (input: CreatePostInput) => api.post<Post>('/posts', input),
  list: (status?: Post['status']) => api.get<Post[]>(status === undefined ? '/posts' : `/posts?status=${status}`),
  get: (id: string) => api.get<Post>(postPath(id)),
  update: (id: string, input: UpdatePostInput) => api.patch<Post>(postPath(id), input),
  remove: (id: string) => api.delete(postPath(id)),
  sendNow: (id: string) => api.post<Post>(`${postPath(id)}/send-now`),
  week: (week?: string) =>
    api.get<QueueWeek>(week === undefined ? '/queue' : `/queue?week=${encodeURIComponent(week)}`),
  queue: () => api.get<QueueSettings>('/queue/slots'),
  setQueue: (input: { slots: PostingSlot[]; graceMinutes?: number }) => api.put<QueueSettings>('/queue/slots', input),
  pause: () => api.post<QueueSettings>('/queue/pause'),
  resume: () => api.post<QueueSettings>('/queue/resume'),
  setAltTextRequired: (required: boolean) => api.put<QueueSettings>('/queue/alt-text', { required }),
  accounts: () => api.get<PublishingAccount[]>('/accounts'),
};

/** The compose page: the accounts to choose from (with their limits) and the workspace's zone. */
export async function composeLoader() {
  const [accounts, queue] = await Promise.all([postsApi.accounts(), postsApi.queue()]);
  return { accounts, queue };
}

/** The queue page: a week (this one, or ?week=), the slots, and the posts that were missed or failed. */
export async function queueLoader({ request }: LoaderFunctionArgs) {
  const asked = new URL(request.url).searchParams.get('week') ?? undefined;
  const [week, queue, missed, failed] = await Promise.all([
    postsApi.week(asked),
    postsApi.queue(),
    postsApi.list('missed'),
    postsApi.list('failed'),
  ]);
  // The free slots a post can move to are those still ahead when the page was loaded.
  return { week, queue, missed, failed, loadedAt: Date.now() };
}

/** A post's history: its targets' statuses and attempts, and the zone its times are read in. */
export async function postLoader({ params }: LoaderFunctionArgs) {
  const [post, queue] = await Promise.all([postsApi.get(params.id ?? ''), postsApi.queue()]);
  return { post, timeZone: queue.timeZone, requireAltText: queue.requireAltText };
}
