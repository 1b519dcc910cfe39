export * from './errors/app-error.js';
export * from './time/calendar-date.js';
export * from './goals/goal.js';
export * from './goals/goal-input.js';
export * from './goals/goal-pace.js';
export * from './goals/goal-check.js';
export * from './goals/goal-standing.js';
