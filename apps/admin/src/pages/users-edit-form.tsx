import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { FormError } from '../components/form-error.js';
import { useTRPC } from '../trpc.js';
import { type AccountFieldValues, toAccountInput, UsersAccountFields } from './users-account-fields.js';
import type { Role } from './users-roles.js';

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
  const [fields, setFields] = useState<AccountFieldValues>({
    name: user.name,
    role: user.role,
    countries: user.countries,
  });
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
    update.mutate({ id: user.id, ...toAccountInput(fields) });
  };

  return (
    <section aria-labelledby="edit-user-heading">
      <h2 id="edit-user-heading">Edit {user.email}</h2>
      <form className="stacked-form" onSubmit={submit}>
        <UsersAccountFields values={fields} onChange={setFields} />
        <FormError error={update.error} />
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
