import { DomainError } from '../errors.js';
import { findRule, isAllowedFor, type Rule, readInputPath } from '../permissions.js';
import { type CredentialProblem, type Principal, roleLabels } from './principal.js';

export type RequestOrigin = 'same' | 'cross' | 'unknown';

export interface CallToAuthorize {
  path: string;
  type: 'query' | 'mutation' | 'subscription';
  input: unknown;
  principal: Principal | null;
  credentialProblem: CredentialProblem | null;
  origin: RequestOrigin;
}

const signInMessages: Record<CredentialProblem | 'none', string> = {
  none: 'Sign in to do this.',
  session_expired: 'Your session has expired. Sign in again.',
  session_ended:
    'You were signed out: your password was changed, you signed out, or an administrator ended the session. Sign in again.',
  token_invalid:
    'This API token is not valid: it was revoked, has expired or is mistyped. Create a new one on the API tokens page.',
  account_inactive: 'This account is deactivated. Ask an administrator of the hub to reactivate it.',
};

/**
 * Browsers send cookies with requests that other sites trigger, so a change made with a session
 * cookie must come from a page of this site. API tokens travel in a header no other site can set.
 */
function assertSameOrigin(call: CallToAuthorize): void {
  if (call.type !== 'mutation' || call.principal?.credential.kind === 'token') return;
  const isUnverifiable = call.origin === 'unknown' && call.principal !== null;
  if (call.origin === 'cross' || isUnverifiable) {
    throw new DomainError(
      'FORBIDDEN',
      'This change was refused because it did not come from a page of ILMS Hub. Make changes from the hub itself, or use an API token.',
    );
  }
}

function assertCountryInScope(rule: Rule, call: CallToAuthorize, principal: Principal): void {
  if (!rule.country || principal.role !== 'focal_point') return;
  const value = readInputPath(call.input, rule.country);
  const named = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
  const assigned = principal.countries.join(', ') || 'no country';
  if (named.length === 0) {
    throw new DomainError('FORBIDDEN', `As a focal point for ${assigned}, name your country in this request.`);
  }
  const outside = named.find((country) => typeof country !== 'string' || !principal.countries.includes(country));
  if (outside !== undefined) {
    throw new DomainError(
      'FORBIDDEN',
      `You are a focal point for ${assigned}; this request is for ${String(outside)}, which you are not assigned to.`,
    );
  }
}

/** Throws FORBIDDEN or UNAUTHENTICATED unless the permission map allows this call. */
export function authorizeCall(call: CallToAuthorize): void {
  const rule = findRule(call.path);
  if (!rule) {
    throw new DomainError(
      'FORBIDDEN',
      `${call.path} has no permission rule, so nobody may call it. Add one to packages/api/src/permissions.ts.`,
    );
  }
  assertSameOrigin(call);
  if (isAllowedFor(rule, call.principal)) {
    if (call.principal) assertCountryInScope(rule, call, call.principal);
    return;
  }
  const principal = call.principal;
  if (!principal) throw new DomainError('UNAUTHENTICATED', signInMessages[call.credentialProblem ?? 'none']);
  if (principal.mustChangePassword) {
    throw new DomainError('FORBIDDEN', 'Choose a new password on your account page before you continue.');
  }
  if (rule.sessionOnly && principal.credential.kind === 'token') {
    throw new DomainError('FORBIDDEN', `${call.path} cannot be called with an API token; sign in to the hub to do it.`);
  }
  throw new DomainError('FORBIDDEN', `As a ${roleLabels[principal.role]} you may not use ${call.path}.`);
}

/**
 * The caller of a procedure whose rule requires one. The middleware has already refused
 * anonymous calls; this narrows the type and guards against a rule set to `public` by mistake.
 */
export function signedInCaller({ principal }: { principal: Principal | null }): Principal {
  if (!principal) throw new DomainError('UNAUTHENTICATED', signInMessages.none);
  return principal;
}
