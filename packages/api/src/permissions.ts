import type { Principal, Role } from './auth/principal.js';

/**
 * Who may call a procedure. `public`: anyone, signed in or not; `authenticated`: any active
 * account; a list of roles: only those.
 */
export type Access = 'public' | 'authenticated' | readonly [Role, ...Role[]];

export interface Rule {
  access: Access;
  /**
   * Where the input names the country the call acts on (`input.country`). Focal points may
   * only name a country they are assigned to; the other roles are regional.
   */
  country?: `input.${string}`;
  /** Callable while the caller must still replace a one-time password. */
  duringPasswordChange?: true;
  /**
   * Refused to API tokens: a leaked token must not be able to mint more tokens or take over
   * the account by changing its password.
   */
  sessionOnly?: true;
}

/**
 * Every procedure of the app router, by path, and the rule that lets it be called. The tRPC
 * middleware refuses any procedure missing from this map, and the matrix test walks the
 * router so a new procedure without a rule fails the build.
 */
export const permissions = {
  'system.health': { access: 'public' },

  'auth.me': { access: 'public' },
  'auth.login': { access: 'public' },
  'auth.logout': { access: 'authenticated', duringPasswordChange: true, sessionOnly: true },
  'auth.changePassword': { access: 'authenticated', duringPasswordChange: true, sessionOnly: true },

  'users.list': { access: ['admin'] },
  'users.create': { access: ['admin'] },
  'users.update': { access: ['admin'] },
  'users.deactivate': { access: ['admin'] },
  'users.reactivate': { access: ['admin'] },
  'users.resetPassword': { access: ['admin'] },

  'tokens.list': { access: 'authenticated' },
  'tokens.create': { access: 'authenticated', sessionOnly: true },
  'tokens.revoke': { access: 'authenticated' },

  'catalogue.listIndicators': { access: 'authenticated' },
  'catalogue.getIndicator': { access: 'authenticated' },
  'catalogue.listSchemes': { access: 'authenticated' },
  'catalogue.getScheme': { access: 'authenticated' },
  'catalogue.listCountries': { access: 'authenticated' },
  'catalogue.listMemberStates': { access: 'authenticated' },
  'catalogue.listSources': { access: 'authenticated' },
  'catalogue.registerSource': { access: ['admin', 'coordinator', 'focal_point'], country: 'input.country' },
  'catalogue.listSourceTypes': { access: 'authenticated' },
  'catalogue.listObsStatuses': { access: 'authenticated' },
  'catalogue.listNotes': { access: 'authenticated' },
  'catalogue.registerNationalClassification': { access: ['admin', 'coordinator'] },

  'audit.list': { access: ['admin', 'coordinator', 'focal_point'], country: 'input.country' },

  // Focal points work on their own country's submissions; coordinators (and admins) review all
  // and alone publish or return. Administrators also load data through the CLI's local mode.
  'submissions.create': { access: ['admin', 'coordinator', 'focal_point'], country: 'input.country' },
  'submissions.upload': { access: ['admin', 'coordinator', 'focal_point'], country: 'input.country' },
  'submissions.job': { access: ['admin', 'coordinator', 'focal_point'], country: 'input.country' },
  'submissions.cancel': { access: ['admin', 'coordinator', 'focal_point'], country: 'input.country' },
  'submissions.get': { access: ['admin', 'coordinator', 'focal_point'], country: 'input.country' },
  'submissions.list': { access: ['admin', 'coordinator', 'focal_point'], country: 'input.country' },
  'submissions.findings': { access: ['admin', 'coordinator', 'focal_point'], country: 'input.country' },
  'submissions.diff': { access: ['admin', 'coordinator', 'focal_point'], country: 'input.country' },
  'submissions.submit': { access: ['admin', 'coordinator', 'focal_point'], country: 'input.country' },
  'submissions.delete': { access: ['admin', 'coordinator', 'focal_point'], country: 'input.country' },
  'submissions.publish': { access: ['admin', 'coordinator'], country: 'input.country' },
  'submissions.return': { access: ['admin', 'coordinator'], country: 'input.country' },
  'submissions.schedule': { access: ['admin', 'coordinator'], country: 'input.country' },
  'submissions.cancelRelease': { access: ['admin', 'coordinator'], country: 'input.country' },

  // Published data is for every signed-in reader.
  'observations.list': { access: 'authenticated' },
} as const satisfies Record<string, Rule>;

export type ProcedurePath = keyof typeof permissions;

export function findRule(path: string): Rule | undefined {
  return Object.hasOwn(permissions, path) ? permissions[path as ProcedurePath] : undefined;
}

/** Whether the caller's role and credential fit the rule; the country is checked per call. */
export function isAllowedFor(rule: Rule, principal: Principal | null): boolean {
  if (rule.access === 'public') return true;
  if (!principal) return false;
  if (principal.mustChangePassword && !rule.duringPasswordChange) return false;
  if (rule.sessionOnly && principal.credential.kind === 'token') return false;
  return rule.access === 'authenticated' || rule.access.includes(principal.role);
}

/** The procedure paths a caller may use: what `auth.me` reports so the UI can show only those. */
export function listAllowedPaths(principal: Principal | null): string[] {
  return Object.entries(permissions as Record<string, Rule>)
    .filter(([, rule]) => isAllowedFor(rule, principal))
    .map(([path]) => path);
}

/** The value at a path such as `input.country` in a call's raw input (undefined when absent). */
export function readInputPath(input: unknown, path: `input.${string}`): unknown {
  return path
    .split('.')
    .slice(1)
    .reduce<unknown>(
      (value, key) => (value !== null && typeof value === 'object' ? Reflect.get(value, key) : undefined),
      input,
    );
}
