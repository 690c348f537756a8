import { Link, useLocation } from 'react-router';
import { useMe } from '../auth/use-me.js';

const roleNames: Record<string, string> = {
  admin: 'an administrator',
  coordinator: 'a regional coordinator',
  focal_point: 'a national focal point',
  viewer: 'a viewer',
};

export function NotAllowedPage() {
  const { pathname } = useLocation();
  const me = useMe();
  const role = me.data ? (roleNames[me.data.role] ?? me.data.role) : 'signed out';
  return (
    <>
      <h1>Not allowed</h1>
      <p>
        You are signed in as {role}, and the page <code>{pathname}</code> is not available to your role. If you need it,
        ask an administrator of the hub.
      </p>
      <p>
        Go to <Link to="/system">System health</Link> or use the navigation.
      </p>
    </>
  );
}
