import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { errorText } from '../auth/error-text.js';
import { OneTimeSecret } from '../auth/one-time-secret.js';
import { useTRPC } from '../trpc.js';
import { type AccountFieldValues, UsersAccountFields } from './users-account-fields.js';

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
    create.mutate({ email, ...fields, countries: fields.role === 'focal_point' ? fields.countries : [] });
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
        {create.isError && (
          <p role="alert" className="form-error">
            {errorText(create.error)}
          </p>
        )}
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
