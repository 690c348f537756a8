import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { errorText } from './error-text.js';
import { useMe } from './use-me.js';

/**
 * Shows the app only to a signed-in user: others go to the sign-in page (and come back after),
 * and a user holding a one-time password goes to the account page until they replace it.
 */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const me = useMe();
  const { pathname, search } = useLocation();
  if (me.isPending) return <p role="status">Checking your session…</p>;
  if (me.isError) {
    return (
      <p role="alert" className="form-error">
        The server did not answer: {errorText(me.error)}. Check that it is running, then reload.
      </p>
    );
  }
  if (!me.data) return <Navigate to={`/login?next=${encodeURIComponent(pathname + search)}`} replace />;
  if (me.data.mustChangePassword && pathname !== '/account') return <Navigate to="/account" replace />;
  return children;
}
