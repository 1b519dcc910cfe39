import { describe, expect, it } from 'vitest';

import { activityNameKey, matchActivityName, suggestActivityNames } from './activity-name.js';

describe('activity names', () => {
  it('are one activity whatever their case, spaces around them, or Unicode form', () => {
    expect(activityNameKey(' Calls ')).toBe('calls');
    expect(activityNameKey('CALLS')).toBe(activityNameKey('calls'));
    expect(activityNameKey('Écrire')).toBe(activityNameKey('E\u0301CRIRE'));
    expect(activityNameKey('Client work')).not.toBe(activityNameKey('Clientwork'));
  });

  it('match the spelling written exactly first, then the first with the same key', () => {
    expect(matchActivityName('calls', ['Email', 'Calls'])).toBe('Calls');
    expect(matchActivityName(' Calls ', ['calls', 'Calls'])).toBe('Calls');
    expect(matchActivityName('CALLS', ['calls', 'Calls'])).toBe('calls');
    expect(matchActivityName('Podcast', ['Calls'])).toBeUndefined();
  });

  it('suggest the names that start with what is typed before those that contain it, each once', () => {
    const names = ['Email', 'Calls', 'Podcast', 'Calls', 'Cold calls'];
    expect(suggestActivityNames('ca', names)).toEqual(['Calls', 'Podcast', 'Cold calls']);
    expect(suggestActivityNames('', names)).toEqual(['Email', 'Calls', 'Podcast', 'Cold calls']);
    // The name typed in full is not offered again.
    expect(suggestActivityNames('Calls', names)).toEqual(['Cold calls']);
    expect(suggestActivityNames('c', names, 2)).toEqual(['Calls', 'Cold calls']);
  });
});
