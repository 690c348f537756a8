import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorText } from '../auth/error-text.js';
import { OneTimeSecret } from '../auth/one-time-secret.js';
import { useMe } from '../auth/use-me.js';
import { FormError } from '../components/form-error.js';
import { useTRPC } from '../trpc.js';
import { UsersCreateForm } from './users-create-form.js';
import { UsersEditForm } from './users-edit-form.js';
import { roleLabel } from './users-roles.js';

export function UsersPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useMe();
  const users = useQuery(trpc.users.list.queryOptions());
  const [editing, setEditing] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
  const deactivate = useMutation(trpc.users.deactivate.mutationOptions({ onSuccess: refresh }));
  const reactivate = useMutation(trpc.users.reactivate.mutationOptions({ onSuccess: refresh }));
  const reset = useMutation(trpc.users.resetPassword.mutationOptions({ onSuccess: refresh }));
  const failed = [deactivate, reactivate, reset].find((mutation) => mutation.isError);
  const editedUser = users.data?.find((user) => user.id === editing);

  return (
    <>
      <h1>Users</h1>
      <p>Accounts, their roles and the countries focal points report for.</p>
      {users.isError && <p role="alert">Could not load the users: {errorText(users.error)}</p>}
      <FormError error={failed?.error} />
      {reset.data && (
        <OneTimeSecret
          label={`New one-time password for ${reset.data.user.email}`}
          value={reset.data.oneTimePassword}
          advice="Their sessions have ended. Give them this password by a safe channel; it is shown only now."
        />
      )}
      {users.data && (
        <table className="data-table">
          <caption className="visually-hidden">User accounts</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Countries</th>
              <th scope="col">Status</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {users.data.map((user) => (
              <tr key={user.id}>
                <td>{user.name}</td>
                <td>{user.email}</td>
                <td>{roleLabel(user.role)}</td>
                <td>{user.countries.join(', ') || '–'}</td>
                <td>
                  {user.isActive ? 'Active' : 'Deactivated'}
                  {user.isActive && user.mustChangePassword ? ' · one-time password' : ''}
                </td>
                <td className="row-actions">
                  <button type="button" onClick={() => setEditing(user.id)} aria-label={`Edit ${user.email}`}>
                    Edit
                  </button>
                  {user.isActive ? (
                    <button
                      type="button"
                      disabled={user.id === me.data?.id}
                      onClick={() => deactivate.mutate({ id: user.id })}
                      aria-label={`Deactivate ${user.email}`}
                    >
                      Deactivate
                    </button>
                  ) : (
                    <button
                      type="button"
                      onClick={() => reactivate.mutate({ id: user.id })}
                      aria-label={`Reactivate ${user.email}`}
                    >
                      Reactivate
                    </button>
                  )}
                  <button
                    type="button"
                    onClick={() => reset.mutate({ id: user.id })}
                    aria-label={`Reset the password of ${user.email}`}
                  >
                    Reset password
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editedUser && <UsersEditForm key={editedUser.id} user={editedUser} onDone={() => setEditing(null)} />}
      <UsersCreateForm />
    </>
  );
}
