import type { AppRouter } from '@ilms/api';
import type { inferRouterInputs } from '@trpc/server';

export type Role = inferRouterInputs<AppRouter>['users']['create']['role'];

export const roleOptions: readonly { value: Role; label: string }[] = [
  { value: 'focal_point', label: 'National focal point' },
  { value: 'coordinator', label: 'Regional coordinator' },
  { value: 'viewer', label: 'Viewer' },
  { value: 'admin', label: 'Administrator' },
];

export function roleLabel(role: string): string {
  return roleOptions.find((option) => option.value === role)?.label ?? role;
}

/** The role a `<select>` chose, or `fallback` for a value that is not a role. */
export function parseRole(value: string, fallback: Role): Role {
  return roleOptions.find((option) => option.value === value)?.value ?? fallback;
}
