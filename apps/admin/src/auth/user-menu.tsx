import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { useTRPC } from '../trpc.js';
import { useMe } from './use-me.js';

export function UserMenu() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const me = useMe();
  const logout = useMutation(
    trpc.auth.logout.mutationOptions({
      // Whatever the answer, nothing of this user's may stay in the page's cache.
      onSettled: () => {
        queryClient.clear();
        navigate('/login', { replace: true });
      },
    }),
  );
  if (!me.data) return null;
  return (
    <nav className="user-menu" aria-label="Your account">
      <span>
        Signed in as <strong>{me.data.name}</strong>
      </span>
      <Link to="/account">Account</Link>
      <Link to="/tokens">API tokens</Link>
      <button type="button" onClick={() => logout.mutate()} disabled={logout.isPending}>
        Sign out
      </button>
    </nav>
  );
}
