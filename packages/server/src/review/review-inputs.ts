import type { ReviewSuggestion, ReviewWaster } from '@bigrock/core';

import type { AuditService } from '../audit/audit.service.js';
import type { TriageService } from '../triage/triage.service.js';
import type { ReviewTriageSuggestions, ReviewWasters } from './review.service.js';

/**
 * The review's wasters are the audit's (revenue credited directly, the activities whose hours cost
 * more than they brought), so a week reads the same on the Review page and the Audit page.
 */
export function auditWasters(audit: Pick<AuditService, 'auditOf'>): ReviewWasters {
  return async ({ from, to }): Promise<ReviewWaster[]> => {
    const report = await audit.auditOf({ from, to, attribution: 'direct' });
    const rows = new Map(report.activities.map((row) => [row.activity, row]));
    const valueOfHour = report.valueOfHour?.rate ?? null;
    return report.wasters.flatMap((waster): ReviewWaster[] => {
      const row = rows.get(waster.activity);
      if (row === undefined || row.cost === null || valueOfHour === null) return [];
      return [
        {
          activity: row.activity,
          activityClass: row.activityClass,
          seconds: row.seconds,
          revenue: row.revenue.total,
          effectiveRate: row.effectiveRate,
          hourlyValue: valueOfHour,
          cost: row.cost,
          belowBuyback: row.belowBuyback,
          attribution: report.attribution,
        },
      ];
    });
  };
}

/** The triage's tasks whose action frees hours (drop, automate, delegate), the most money freed first. */
export function triageSuggestions(triage: Pick<TriageService, 'plan'>): ReviewTriageSuggestions {
  return async (): Promise<ReviewSuggestion[]> => {
    const plan = await triage.plan();
    return plan.tasks
      .filter(({ verdict }) => verdict.hoursFreedPerMonth > 0)
      .map(({ task, verdict }) => ({
        task: task.name,
        action: verdict.action,
        hoursFreedPerMonth: verdict.hoursFreedPerMonth,
        moneyFreedPerMonth: (verdict.valueFreedPerMonth ?? 0) - verdict.costPerMonth,
        why: verdict.reason,
      }))
      .sort((a, b) => b.moneyFreedPerMonth - a.moneyFreedPerMonth);
  };
}
