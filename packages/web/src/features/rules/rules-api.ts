import type { CreateRuleInput, PublishingAccount, Rule, RuleRun, UpdateRuleInput } from '@bigrock/core';

import { api } from '../../api/api-client';

const path = (id: string) => `/rules/${encodeURIComponent(id)}`;

export const rulesApi = {
  list: () => api.get<Rule[]>('/rules'),
  create: (input: CreateRuleInput) => api.post<{ rule: Rule; secret?: string }>('/rules', input),
  update: (id: string, input: UpdateRuleInput) => api.patch<{ rule: Rule }>(path(id), input),
  remove: (id: string) => api.delete(path(id)),
  run: (id: string, dryRun: boolean) => api.post<RuleRun>(`${path(id)}/run?dryRun=${String(dryRun)}`),
  runs: (id: string) => api.get<RuleRun[]>(`${path(id)}/runs`),
};

/** The rules, the webhook accounts a rule's webhook action may name, and each rule's last runs. */
export async function rulesLoader() {
  const [rules, accounts] = await Promise.all([rulesApi.list(), api.get<PublishingAccount[]>('/accounts')]);
  const runs = await Promise.all(rules.map((rule) => rulesApi.runs(rule.id)));
  return {
    rules,
    webhookAccounts: accounts.filter((account) => account.network === 'webhook'),
    runs: Object.fromEntries(rules.map((rule, index) => [rule.id, runs[index] ?? []])),
  };
}
