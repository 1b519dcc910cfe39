import { z } from 'zod';

import { textSchema } from '../input/text-schema.js';
import { publishingNetworks } from './publishing-network.js';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The problem with an address Bigrock is to send credentials or posts to, or null: https, or plain
 * http to this machine only (a test server, a receiver of one's own).
 *
 * @example serviceUrlProblem('http://example.org') // 'must start with https:// (plain http only to localhost)'
 */
export function serviceUrlProblem(text: string): string | null {
  const match = /^([a-z][a-z0-9+.-]*):\/\/([^/?#\s]*)([/?#]\S*)?$/iu.exec(text);
  if (match === null) return 'must be a web address such as https://mastodon.social';
  const scheme = (match[1] ?? '').toLowerCase();
  const authority = match[2] ?? '';
  if (authority.includes('@')) return 'must not carry a user name or password';
  const host = /^(\[[0-9a-f:.]+\]|[^:]+)(?::\d{1,5})?$/iu.exec(authority)?.[1]?.toLowerCase();
  if (host === undefined || host === '') return 'must be a web address such as https://mastodon.social';
  if (scheme === 'https') return null;
  if (scheme === 'http' && LOOPBACK_HOSTS.has(host)) return null;
  return 'must start with https:// (plain http only to localhost)';
}

const serviceUrlSchema = textSchema
  .trim()
  .min(1, { message: 'must not be empty' })
  .max(2000, { message: 'must be at most 2000 characters' })
  .superRefine((text, context) => {
    const problem = serviceUrlProblem(text);
    if (problem !== null) context.addIssue({ code: 'custom', message: problem });
  });

/** A Bluesky handle without its @, lower case: a domain name such as `maria.bsky.social`. */
export const blueskyHandleSchema = textSchema
  .trim()
  .transform((text) => text.replace(/^@/u, '').toLowerCase())
  .pipe(
    textSchema
      .max(253, { message: 'must be at most 253 characters' })
      .regex(/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/u, {
        message: 'must be a handle such as maria.bsky.social',
      }),
  );

/** A Standard Webhooks secret: `whsec_` and 24 to 64 random bytes in base64. */
export const webhookSecretSchema = textSchema.trim().superRefine((text, context) => {
  const match = /^whsec_([A-Za-z0-9+/]+={0,2})$/u.exec(text);
  const bytes = match?.[1] === undefined ? 0 : Math.floor((match[1].replace(/=+$/u, '').length * 3) / 4);
  if (match === null || bytes < 24 || bytes > 64) {
    context.addIssue({
      code: 'custom',
      message: 'must be whsec_ followed by 24 to 64 bytes in base64; leave it out and Bigrock makes one',
    });
  }
});

export const addMastodonAccountSchema = z.object({
  network: z.literal('mastodon'),
  instance: serviceUrlSchema.describe("The instance's address, such as https://mastodon.social"),
  token: textSchema
    .trim()
    .min(1, { message: 'must not be empty' })
    .max(500, { message: 'must be at most 500 characters' })
    .refine((text) => /^\S+$/u.test(text), { message: 'must be the access token alone, without spaces' })
    .describe(
      'An access token from Preferences → Development → New application (scopes read:accounts, write:statuses, write:media)',
    ),
});

export const addBlueskyAccountSchema = z.object({
  network: z.literal('bluesky'),
  handle: blueskyHandleSchema.describe('The handle, such as maria.bsky.social'),
  appPassword: textSchema
    .trim()
    .toLowerCase()
    .refine((text) => /^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/u.test(text), {
      message:
        'must be an app password (xxxx-xxxx-xxxx-xxxx) from Settings → Privacy and security → App passwords, not your account password',
    })
    .describe('An app password, xxxx-xxxx-xxxx-xxxx'),
});

export const addWebhookAccountSchema = z.object({
  network: z.literal('webhook'),
  url: serviceUrlSchema.describe('Where the signed posts go'),
  secret: webhookSecretSchema.optional().describe('A Standard Webhooks secret, whsec_…; made when left out'),
});

/** What adding a publishing account takes, by network. */
export const addAccountSchema = z.discriminatedUnion(
  'network',
  [addMastodonAccountSchema, addBlueskyAccountSchema, addWebhookAccountSchema],
  { error: `must be one of ${publishingNetworks.join(', ')}` },
);

export type AddAccountInput = z.infer<typeof addAccountSchema>;
export type AddMastodonAccountInput = z.infer<typeof addMastodonAccountSchema>;
export type AddBlueskyAccountInput = z.infer<typeof addBlueskyAccountSchema>;
export type AddWebhookAccountInput = z.infer<typeof addWebhookAccountSchema>;

/** A Mastodon instance's limits from `/api/v2/instance` (`configuration`). */
export interface MastodonInstanceLimits {
  maxCharacters: number;
  charactersReservedPerUrl: number;
  maxMediaAttachments: number | null;
  /** Bytes. */
  imageSizeLimit: number | null;
  supportedMimeTypes: string[];
}

/** A publishing account as the API and the CLI show it: never its credentials. */
export interface PublishingAccount {
  id: string;
  network: (typeof publishingNetworks)[number];
  /** `@maria@mastodon.social`, `maria.bsky.social`, or the webhook's host. */
  name: string;
  /** The instance, the PDS or the webhook's URL. */
  url: string;
  /** Mastodon: the instance's limits, read when the account was added. */
  limits: MastodonInstanceLimits | null;
  /** False after a restore of a backup made without credentials: add the account again. */
  hasCredentials: boolean;
  createdAt: string;
}
