import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { OneTimeSecret } from '../auth/one-time-secret.js';
import { FormError } from '../components/form-error.js';
import { useTRPC } from '../trpc.js';
import { type AccountFieldValues, toAccountInput, UsersAccountFields } from './users-account-fields.js';

export function UsersCreateForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [fields, setFields] = useState<AccountFieldValues>({ name: '', role: 'focal_point', countries: [] });
  const create = useMutation(
    trpc.users.create.mutationOptions({
      onSuccess: async () => {
        setEmail('');
        setFields((current) => ({ ...current, name: '', countries: [] }));
        await queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
      },
    }),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ email, ...toAccountInput(fields) });
  };

  return (
    <section aria-labelledby="create-user-heading">
      <h2 id="create-user-heading">Add a user</h2>
      <form className="stacked-form" onSubmit={submit}>
        <label>
          Email address
          <input type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <UsersAccountFields values={fields} onChange={setFields} />
        <FormError error={create.error} />
        <button type="submit" disabled={create.isPending}>
          Add user
        </button>
      </form>
      {create.data && (
        <OneTimeSecret
          label={`One-time password for ${create.data.user.email}`}
          value={create.data.oneTimePassword}
          advice="Give it to them by a safe channel. It is shown only now; they choose their own password at first sign-in."
        />
      )}
    </section>
  );
}
