import type { AddAccountInput, PublishingAccount } from '@bigrock/core';

import { api } from '../../api/api-client';

export const publishingApi = {
  accounts: () => api.get<PublishingAccount[]>('/accounts'),
  addAccount: (input: AddAccountInput) => api.post<{ account: PublishingAccount; secret?: string }>('/accounts', input),
  removeAccount: (id: string) => api.delete(`/accounts/${encodeURIComponent(id)}`),
};

/** What the accounts page shows: the accounts, without their credentials. */
export async function accountsLoader() {
  return { accounts: await publishingApi.accounts() };
}
