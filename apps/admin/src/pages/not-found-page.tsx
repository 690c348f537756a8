import { Link, useLocation } from 'react-router';

export function NotFoundPage() {
  const { pathname } = useLocation();
  return (
    <>
      <h1>Page not found</h1>
      <p>
        There is no page at <code>{pathname}</code>. Use the navigation, or go to{' '}
        <Link to="/system">System health</Link>.
      </p>
    </>
  );
}
