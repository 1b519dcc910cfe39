import type { RuleService } from './rule.service.js';

export interface RulePoller {
  /** One pass now (the loop's own passes never overlap with it). */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The rules' loop in the app process: a pass every `intervalMs` (a minute), each checking the rules
 * whose trigger is due (`runDue`: feeds by their own interval, pace every 5 minutes, schedules
 * each pass). A pass waits for the one before it; an error is reported and the loop goes on.
 * Time itself is the rule service's clock: the loop only says when to look.
 */
export function startRulePoller(
  rules: Pick<RuleService, 'runDue'>,
  { intervalMs = 60_000, onError = () => undefined }: { intervalMs?: number; onError?: (error: unknown) => void } = {},
): RulePoller {
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  function tick(): Promise<void> {
    running = running.then(async () => {
      if (stopped) return;
      try {
        const { errors } = await rules.runDue();
        for (const error of errors) onError(new Error(`Rule ${error.ruleId}: ${error.message}`));
      } catch (error) {
        onError(error);
      }
    });
    return running;
  }

  function schedule() {
    timer = setTimeout(() => {
      void tick().then(() => {
        if (!stopped) schedule();
      });
    }, intervalMs);
    timer.unref();
  }
  schedule();

  return {
    tick,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
