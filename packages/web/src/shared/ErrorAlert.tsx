import { errorMessage } from '../api/api-client';

/** What went wrong with the last action, announced; nothing while there is no error. */
export function ErrorAlert({ error }: { error: unknown }) {
  if (error === null || error === undefined) return null;
  return (
    <p role="alert" className="form-error">
      {errorMessage(error)}
    </p>
  );
}
