import { isRouteErrorResponse, Link, useRouteError } from 'react-router';

/** Shown instead of a blank page when a page fails to render. */
export function RouteError() {
  const error = useRouteError();
  const detail = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : 'Unknown error';
  return (
    <main className="shell-main" role="alert">
      <h1>Something went wrong on this page</h1>
      <p>
        The page could not be shown: <code>{detail}</code>
      </p>
      <p>
        Try{' '}
        <button type="button" onClick={() => window.location.reload()}>
          reloading
        </button>{' '}
        or go back to <Link to="/system">System health</Link>. If it happens again, send this message to the hub's
        administrators.
      </p>
    </main>
  );
}
