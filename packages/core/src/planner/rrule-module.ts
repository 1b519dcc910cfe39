import * as rruleNamespace from 'rrule';

type RRuleModule = typeof rruleNamespace;

/**
 * The rrule package, whichever way it was loaded. Node reads its CommonJS build, whose exports
 * then sit on `default`; bundlers (Vite, esbuild) read its ES module build, which has them by name
 * and no default (read with Reflect, so that a bundler does not warn of a missing export).
 */
export const rrule: RRuleModule =
  'RRule' in rruleNamespace ? rruleNamespace : (Reflect.get(rruleNamespace, 'default') as RRuleModule);
