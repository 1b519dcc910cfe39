import { Link, useRouteError } from 'react-router-dom';

import { ApiError, errorMessage } from '../api/api-client';

/** A page whose data could not load: the server's message, and a way back. */
export function RouteErrorPage() {
  const error = useRouteError();
  const notFound = error instanceof ApiError && error.status === 404;
  return (
    <section className="panel error-page">
      <title>{notFound ? 'Not found · Bigrock' : 'Error · Bigrock'}</title>
      <h1>{notFound ? 'Not found' : 'This page could not load'}</h1>
      <p role="alert">{errorMessage(error)}</p>
      <p>
        <Link to="/">Back to the dashboard</Link>
      </p>
    </section>
  );
}

export function NotFoundPage() {
  return (
    <section className="panel error-page">
      <title>Not found · Bigrock</title>
      <h1>Not found</h1>
      <p>There is no page at this address.</p>
      <p>
        <Link to="/">Back to the dashboard</Link>
      </p>
    </section>
  );
}
