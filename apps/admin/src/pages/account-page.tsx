import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { useMe } from '../auth/use-me.js';
import { FormError } from '../components/form-error.js';
import { useTRPC } from '../trpc.js';
import { roleLabel } from './users-roles.js';

/** The signed-in user's account: who they are and the password change (forced after a one-time password). */
export function AccountPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useMe();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const [isMismatch, setIsMismatch] = useState(false);
  const change = useMutation(
    trpc.auth.changePassword.mutationOptions({
      onSuccess: async () => {
        setCurrentPassword('');
        setNewPassword('');
        setRepeated('');
        await queryClient.invalidateQueries({ queryKey: trpc.auth.me.queryKey() });
      },
    }),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setIsMismatch(newPassword !== repeated);
    if (newPassword === repeated) change.mutate({ currentPassword, newPassword });
  };

  if (!me.data) return null;
  const isForced = me.data.mustChangePassword;
  return (
    <>
      <h1>Your account</h1>
      <dl className="facts">
        <dt>Name</dt>
        <dd>{me.data.name}</dd>
        <dt>Email</dt>
        <dd>{me.data.email}</dd>
        <dt>Role</dt>
        <dd>{roleLabel(me.data.role)}</dd>
        {me.data.countries.length > 0 && (
          <>
            <dt>Countries</dt>
            <dd>{me.data.countries.join(', ')}</dd>
          </>
        )}
      </dl>
      <h2 id="password-heading">{isForced ? 'Choose your own password' : 'Change your password'}</h2>
      {isForced && (
        <p role="status" className="notice">
          You signed in with a one-time password. Choose your own password to continue.
        </p>
      )}
      {change.isSuccess && !isForced && (
        <p role="status" className="form-success">
          Your password is changed. Your other sessions have ended. <Link to="/system">Continue</Link>
        </p>
      )}
      <form className="stacked-form" onSubmit={submit} aria-labelledby="password-heading">
        <label>
          Current password
          <input
            type="password"
            autoComplete="current-password"
            required
            value={currentPassword}
            onChange={(e) => setCurrentPassword(e.target.value)}
          />
        </label>
        <label>
          New password
          <input
            type="password"
            autoComplete="new-password"
            required
            minLength={12}
            aria-describedby="password-rules"
            value={newPassword}
            onChange={(e) => setNewPassword(e.target.value)}
          />
        </label>
        <p id="password-rules" className="hint">
          At least 12 characters; not a common password, and not your name or email. A few unrelated words work well.
        </p>
        <label>
          New password again
          <input
            type="password"
            autoComplete="new-password"
            required
            value={repeated}
            onChange={(e) => setRepeated(e.target.value)}
          />
        </label>
        <FormError
          problem={isMismatch ? 'The two new passwords differ; type the same password twice.' : null}
          error={change.error}
        />
        <button type="submit" disabled={change.isPending}>
          Change password
        </button>
      </form>
    </>
  );
}
