import { describe, expect, it } from 'vitest';

import { ApiError } from '../../api/api-client';
import { postFieldMessage } from './post-messages';

const refusal = (field: string, message: string) => new ApiError(400, { code: 'invalid-input', field, message });

describe("the server's refusals beside the compose form's fields", () => {
  it('name the field by its label and the other texts by the toggles that make them', () => {
    const error = refusal(
      'text',
      'text is 10 characters over Mastodon’s limit of 500 (@maria@social.test): shorten it, or give overrides.mastodon.',
    );
    expect(postFieldMessage(error, 'text', 'Text')).toBe(
      'Text is 10 characters over Mastodon’s limit of 500 (@maria@social.test): shorten it, or give a different text for Mastodon.',
    );
  });

  it('say a past time the way the form offers the choice', () => {
    const error = refusal('when.at', 'when.at is in the past: give a later time, or { kind: "now" }.');
    expect(postFieldMessage(error, 'when.at', 'Time')).toBe('Time is in the past: give a later time, or Now.');
  });

  it('keep a message that starts otherwise, without its "field: " prefix', () => {
    const error = refusal('when.at', 'when.at: type a date and a time, such as 2027-01-04 09:00.');
    expect(postFieldMessage(error, 'when.at', 'Time')).toBe('Type a date and a time, such as 2027-01-04 09:00.');
  });

  it('leave an error about another field, or no field, to the others', () => {
    expect(postFieldMessage(refusal('text', 'text is too long'), 'when.at', 'Time')).toBeUndefined();
    expect(postFieldMessage(new Error('offline'), 'text', 'Text')).toBeUndefined();
  });
});
