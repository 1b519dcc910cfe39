import * as rruleNamespace from 'rrule';

type RRuleModule = typeof rruleNamespace;

/**
 * The rrule package, whichever way it was loaded. Node reads its CommonJS build, whose exports
 * then sit on `default`; bundlers (Vite, esbuild) read its ES module build, which has them by name.
 */
export const rrule: RRuleModule =
  'RRule' in rruleNamespace
    ? rruleNamespace
    : // The CommonJS build seen from an ES module: module.exports is the default export.
      (rruleNamespace as unknown as { default: RRuleModule }).default;
