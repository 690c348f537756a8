import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useMe } from '../auth/use-me.js';
import { FormError } from '../components/form-error.js';
import { useTRPC } from '../trpc.js';
import '../auth/accounts.css';

/** Only paths inside the app, so a crafted link cannot send someone elsewhere after sign-in. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const me = useMe();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useMutation(
    trpc.auth.login.mutationOptions({
      onSuccess: async ({ mustChangePassword }) => {
        await queryClient.invalidateQueries({ queryKey: trpc.auth.me.queryKey() });
        navigate(mustChangePassword ? '/account' : safeNext(params.get('next')), { replace: true });
      },
    }),
  );

  if (me.data && !login.isPending && !login.isSuccess) return <Navigate to={safeNext(params.get('next'))} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ email, password });
  };

  return (
    <main className="sign-in" id="main">
      <h1>Sign in to ILMS Hub</h1>
      <p className="tagline">International labour migration statistics · ASEAN</p>
      <form onSubmit={submit} className="stacked-form" aria-describedby={login.isError ? 'sign-in-error' : undefined}>
        <label>
          Email address
          <input
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
        <label>
          Password
          <input
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <FormError id="sign-in-error" error={login.error} />
        <button type="submit" disabled={login.isPending}>
          {login.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
