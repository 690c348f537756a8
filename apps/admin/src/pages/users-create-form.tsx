import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { CountryCheckboxes } from '../auth/country-checkboxes.js';
import { errorText } from '../auth/error-text.js';
import { OneTimeSecret } from '../auth/one-time-secret.js';
import { useMe } from '../auth/use-me.js';
import { useTRPC } from '../trpc.js';
import { parseRole, type Role, roleOptions } from './users-roles.js';

export function UsersCreateForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useMe();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('focal_point');
  const [countries, setCountries] = useState<string[]>([]);
  const create = useMutation(
    trpc.users.create.mutationOptions({
      onSuccess: async () => {
        setEmail('');
        setName('');
        setCountries([]);
        await queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
      },
    }),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ email, name, role, countries: role === 'focal_point' ? countries : [] });
  };

  return (
    <section aria-labelledby="create-user-heading">
      <h2 id="create-user-heading">Add a user</h2>
      <form className="stacked-form" onSubmit={submit}>
        <label>
          Email address
          <input type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label>
          Name
          <input required value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          Role
          <select value={role} onChange={(e) => setRole(parseRole(e.target.value, role))}>
            {roleOptions.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        {role === 'focal_point' && (
          <CountryCheckboxes
            legend="Countries this focal point reports for"
            choices={me.data?.countryChoices ?? []}
            selected={countries}
            onChange={setCountries}
          />
        )}
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
