import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { CountryCheckboxes } from '../auth/country-checkboxes.js';
import { errorText } from '../auth/error-text.js';
import { useMe } from '../auth/use-me.js';
import { useTRPC } from '../trpc.js';
import { parseRole, type Role, roleOptions } from './users-roles.js';

interface EditedUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  countries: string[];
}

export function UsersEditForm({ user, onDone }: { user: EditedUser; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useMe();
  const [name, setName] = useState(user.name);
  const [role, setRole] = useState<Role>(user.role);
  const [countries, setCountries] = useState<string[]>(user.countries);
  const update = useMutation(
    trpc.users.update.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
        onDone();
      },
    }),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ id: user.id, name, role, countries: role === 'focal_point' ? countries : [] });
  };

  return (
    <section aria-labelledby="edit-user-heading">
      <h2 id="edit-user-heading">Edit {user.email}</h2>
      <form className="stacked-form" onSubmit={submit}>
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
        {update.isError && (
          <p role="alert" className="form-error">
            {errorText(update.error)}
          </p>
        )}
        <div className="row-actions">
          <button type="submit" disabled={update.isPending}>
            Save changes
          </button>
          <button type="button" onClick={onDone}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
