import { useState } from 'react';

/**
 * Runs one change at a time against the API: `pending` while it runs (to disable the button), and
 * the error it threw, kept whole so a form can read the field an ApiError names.
 */
export function usePendingAction() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  /** Resolves to whether the action succeeded; never rejects, the error lands in `error`. */
  async function run(action: () => Promise<unknown>): Promise<boolean> {
    setPending(true);
    setError(null);
    try {
      await action();
      return true;
    } catch (caught) {
      setError(caught);
      return false;
    } finally {
      setPending(false);
    }
  }

  return { pending, error, run };
}
