import { addAccountSchema, AppError, type PublishingAccount } from '@bigrock/core';
import type { AtpSessionData } from '@atproto/api';

import type { Clock } from '../clock.js';
import { newId } from '../db/new-id.js';
import { parseInput } from '../validation.js';
import type { AccountRepository, StoredAccount } from './account.repository.js';
import type { CredentialCipher } from './credential-cipher.js';
import type { IdentityOptions } from './connectors/bluesky-identity.js';
import type { Connector } from './connectors/connector.js';
import type { PublishError } from './connectors/publish-error.js';

// The network clients (masto, @atproto/api) load when an account is added or posts, not at every
// start of the CLI.
const mastodonModule = () => import('./connectors/mastodon.connector.js');
const blueskyModule = () => import('./connectors/bluesky.connector.js');
const webhookModule = () => import('./connectors/webhook.connector.js');

/** Connectors kept for reuse, at most: one per account, and a workspace has a few. */
const CONNECTORS_KEPT = 50;

/** What each network's credentials hold, sealed as JSON. */
type Credentials =
  | { network: 'mastodon'; token: string }
  | { network: 'bluesky'; appPassword: string; session: AtpSessionData | null }
  | { network: 'webhook'; secret: string };

export interface AccountServiceDeps {
  accounts: AccountRepository;
  cipher: CredentialCipher;
  clock: Clock;
  identity: IdentityOptions;
}

/** The account as the API shows it: never its credentials. */
const shown = ({ remoteId: _remoteId, sealedCredentials: _sealed, ...account }: StoredAccount): PublishingAccount =>
  account;

/** A refusal of the network while adding an account, as a message on the field to correct. */
function refusal(error: PublishError, field: string, what: string): AppError {
  if (error.kind === 'permanent') {
    return new AppError(
      'invalid-input',
      `${what} refused it (${error.status ?? 'no status'}): ${error.reason}. Check the ${field} and try again.`,
      {
        field,
      },
    );
  }
  return new AppError('invalid-input', `${what} could not be reached or failed: ${error.reason}. Try again later.`, {
    field,
  });
}

/**
 * Publishing accounts: each one checked with its network when added (the token, the app
 * password), its credentials sealed before they are stored, and a connector made from it on demand.
 */
export function createAccountService({ accounts, cipher, clock, identity }: AccountServiceDeps) {
  async function insert(
    account: Omit<Parameters<AccountRepository['insert']>[0], 'sealedCredentials' | 'at' | 'id'>,
    credentials: Credentials,
  ) {
    const id = newId();
    const added = await accounts.insert({
      ...account,
      id,
      sealedCredentials: cipher.seal(JSON.stringify(credentials), id),
      at: clock.now().toISOString(),
    });
    if (!added) {
      throw new AppError('conflict', `${account.name} is added already: remove it first to add it again.`, {
        field: account.network === 'webhook' ? 'url' : account.network === 'mastodon' ? 'token' : 'handle',
      });
    }
    const stored = await accounts.get(id);
    if (stored === undefined) throw new Error(`The account ${id} was added but cannot be read back.`);
    return shown(stored);
  }

  function credentialsOf(account: StoredAccount): Credentials {
    if (account.sealedCredentials === null) {
      throw new AppError(
        'invalid-input',
        `${account.name} has no credentials (restored from a backup without them): add it again.`,
        {
          field: 'credentials',
        },
      );
    }
    return JSON.parse(cipher.open(account.sealedCredentials, account.id)) as Credentials;
  }

  async function connectorFor(account: StoredAccount): Promise<Connector> {
    const credentials = credentialsOf(account);
    if (credentials.network === 'mastodon') {
      const { createMastodonConnector } = await mastodonModule();
      return createMastodonConnector({ instance: account.url, token: credentials.token, clock });
    }
    if (credentials.network === 'webhook') {
      const { createWebhookConnector } = await webhookModule();
      return createWebhookConnector({ url: account.url, secret: credentials.secret, clock });
    }
    const { createBlueskyConnector } = await blueskyModule();
    return createBlueskyConnector({
      service: account.url,
      did: account.remoteId,
      handle: account.name,
      appPassword: credentials.appPassword,
      session: credentials.session,
      clock,
      saveSession: (session) =>
        accounts.setCredentials(
          account.id,
          cipher.seal(JSON.stringify({ ...credentials, session } satisfies Credentials), account.id),
          clock.now().toISOString(),
        ),
    });
  }

  /** Connectors made, by account, with the sealed credentials each was made from. */
  const connectors = new Map<string, { sealed: string; connector: Connector }>();

  return {
    async list(): Promise<PublishingAccount[]> {
      return (await accounts.list()).map(shown);
    },

    /**
     * Checks the account with its network and adds it. A generated webhook secret is returned this
     * once, to be given to the receiver; no answer carries it again.
     */
    async add(input: unknown): Promise<{ account: PublishingAccount; secret?: string }> {
      const parsed = parseInput(addAccountSchema, input);
      if (parsed.network === 'mastodon') {
        const { verifyMastodonAccount, mastodonPublishError } = await mastodonModule();
        const instance = parsed.instance.replace(/\/+$/, '');
        const verified = await verifyMastodonAccount({ instance, token: parsed.token }).catch((error: unknown) => {
          const failure = mastodonPublishError(error, clock.now());
          throw refusal(
            failure,
            failure.status === 401 || failure.status === 403 ? 'token' : 'instance',
            'The instance',
          );
        });
        const account = await insert(
          {
            network: 'mastodon',
            name: verified.name,
            url: instance,
            remoteId: verified.accountId,
            limits: verified.limits,
          },
          { network: 'mastodon', token: parsed.token },
        );
        return { account };
      }
      if (parsed.network === 'bluesky') {
        const { resolveBlueskyIdentity } = await import('./connectors/bluesky-identity.js');
        const { blueskyPublishError } = await blueskyModule();
        const { AtpAgent } = await import('@atproto/api');
        const found = await resolveBlueskyIdentity(parsed.handle, identity);
        let session: AtpSessionData | null = null;
        const agent = new AtpAgent({
          service: found.pds,
          persistSession: (_event, data) => void (session = data ?? null),
        });
        await agent.login({ identifier: found.did, password: parsed.appPassword }).catch((error: unknown) => {
          throw refusal(blueskyPublishError(error, clock.now()), 'appPassword', `${found.pds}`);
        });
        const account = await insert(
          { network: 'bluesky', name: found.handle, url: found.pds, remoteId: found.did, limits: null },
          { network: 'bluesky', appPassword: parsed.appPassword, session },
        );
        return { account };
      }
      const secret = parsed.secret ?? (await webhookModule()).newWebhookSecret();
      const host = /^https?:\/\/([^/?#]+)/.exec(parsed.url)?.[1] ?? parsed.url;
      const account = await insert(
        { network: 'webhook', name: host, url: parsed.url, remoteId: parsed.url, limits: null },
        { network: 'webhook', secret },
      );
      return parsed.secret === undefined ? { account, secret } : { account };
    },

    async remove(id: string): Promise<void> {
      connectors.delete(id);
      if (!(await accounts.remove(id))) {
        throw new AppError('not-found', `No publishing account ${id}: see them with bigrock account list.`, {
          field: 'id',
        });
      }
    },

    /** A webhook account's address and signing secret, for messages other than posts (rules' webhooks). */
    async webhookTarget(id: string): Promise<{ name: string; url: string; secret: string }> {
      const account = await accounts.get(id);
      if (account?.network !== 'webhook') {
        throw new AppError('not-found', `No webhook account ${id}: see them with bigrock account list.`, {
          field: 'accountId',
        });
      }
      const credentials = credentialsOf(account);
      if (credentials.network !== 'webhook') throw new Error(`The webhook account ${id} holds other credentials.`);
      return { name: account.name, url: account.url, secret: credentials.secret };
    },

    /**
     * The connector that posts as the account. With `sealed`, the account's credentials as the
     * caller just read them (a delivery's claim does), the connector made for those same
     * credentials is reused: no read of the account, no unsealing, a client kept warm. New
     * credentials (a Bluesky session saved, the account added again) seal differently, so a
     * connector never outlives the credentials it was made with.
     */
    async connector(id: string, sealed?: string | null): Promise<Connector> {
      const kept = connectors.get(id);
      if (kept !== undefined && sealed != null && kept.sealed === sealed) return kept.connector;
      const account = await accounts.get(id);
      if (account === undefined) throw new AppError('not-found', `No publishing account ${id}.`, { field: 'id' });
      const connector = await connectorFor(account);
      if (account.sealedCredentials !== null) {
        if (connectors.size >= CONNECTORS_KEPT && !connectors.has(id))
          connectors.delete(connectors.keys().next().value ?? '');
        connectors.set(id, { sealed: account.sealedCredentials, connector });
      }
      return connector;
    },
  };
}

export type AccountService = ReturnType<typeof createAccountService>;
