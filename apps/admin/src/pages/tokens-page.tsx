import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { OneTimeSecret } from '../auth/one-time-secret.js';
import { DateTime, zoneLabel } from '../components/date-time.js';
import { FormError } from '../components/form-error.js';
import { useTRPC } from '../trpc.js';

/** The signed-in user's API tokens, for scripts and the import command line. */
export function TokensPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tokens = useQuery(trpc.tokens.list.queryOptions());
  const [name, setName] = useState('');
  const [days, setDays] = useState(90);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.tokens.list.queryKey() });
  const create = useMutation(
    trpc.tokens.create.mutationOptions({
      onSuccess: async () => {
        setName('');
        await refresh();
      },
    }),
  );
  const revoke = useMutation(trpc.tokens.revoke.mutationOptions({ onSuccess: refresh }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name, expiresInDays: days });
  };

  return (
    <>
      <h1>API tokens</h1>
      <p>
        Tokens let scripts and the import command act as you, with your role and countries. Send one as{' '}
        <code>Authorization: Bearer ilms_…</code>. Revoke a token as soon as it is no longer needed or may have leaked.
      </p>
      <section aria-labelledby="create-token-heading">
        <h2 id="create-token-heading">Create a token</h2>
        <form className="stacked-form" onSubmit={submit}>
          <label>
            Name
            <input
              required
              value={name}
              placeholder="e.g. monthly upload script"
              onChange={(e) => setName(e.target.value)}
            />
          </label>
          <label>
            Valid for (days)
            <input
              type="number"
              min={1}
              max={365}
              required
              value={days}
              onChange={(e) => setDays(Number(e.target.value))}
            />
          </label>
          <FormError error={create.error} />
          <button type="submit" disabled={create.isPending}>
            Create token
          </button>
        </form>
        {create.data && (
          <OneTimeSecret
            label={`Token “${create.data.name}”`}
            value={create.data.token}
            advice="Copy it now into the script’s settings: it is shown only once and cannot be retrieved later."
          />
        )}
      </section>
      <h2>Your tokens</h2>
      <FormError error={tokens.error ?? revoke.error} />
      {tokens.data?.length === 0 && <p>You have no API tokens.</p>}
      {tokens.data && tokens.data.length > 0 && (
        <table className="data-table">
          <caption className="visually-hidden">Your API tokens; times in {zoneLabel()}</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Token</th>
              <th scope="col">Status</th>
              <th scope="col">Created</th>
              <th scope="col">Expires</th>
              <th scope="col">Last used</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {tokens.data.map((token) => (
              <tr key={token.id}>
                <td>{token.name}</td>
                <td>
                  <code>{token.prefix}…</code>
                </td>
                <td>{token.status}</td>
                <td>
                  <DateTime value={token.createdAt} />
                </td>
                <td>
                  <DateTime value={token.expiresAt} />
                </td>
                <td>{token.lastUsedAt ? <DateTime value={token.lastUsedAt} /> : '–'}</td>
                <td>
                  {token.status === 'active' && (
                    <button
                      type="button"
                      onClick={() => revoke.mutate({ id: token.id })}
                      aria-label={`Revoke ${token.name}`}
                    >
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
