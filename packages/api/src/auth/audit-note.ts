import type { NewAuditEvent } from '@ilms/db';
import { findRule, readInputPath } from '../permissions.js';
import type { Principal } from './principal.js';

export interface AuditDetails {
  /** Who acted when no one was signed in yet (a sign-in names the account that signed in). */
  actorId?: string;
  /** What the change was made to, as `kind:id` (`user:…`, `token:…`). */
  target?: string;
  country?: string | null;
  /** What changed; never a password, a token or a hash. */
  summary?: Record<string, unknown>;
}

/** Filled by the service during a mutation; the audit middleware writes it in the same transaction. */
export interface AuditNote {
  readonly details: AuditDetails;
  describe(details: AuditDetails): void;
}

export function createAuditNote(): AuditNote {
  const details: AuditDetails = {};
  return { details, describe: (more) => Object.assign(details, more) };
}

const SECRET_KEY = /password|token|secret|hash/i;
/** Longer lists (a classification's codes) are counted, not copied: the audit stays event-level. */
const LONGEST_LIST = 20;

/**
 * The input with every secret-looking field dropped and long lists counted: the default
 * summary when a service gives none.
 */
export function summariseInput(value: unknown): unknown {
  if (Array.isArray(value)) return value.length > LONGEST_LIST ? `${value.length} items` : value.map(summariseInput);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !SECRET_KEY.test(key))
      .map(([key, inner]) => [key, summariseInput(inner)]),
  );
}

/** The country the rule scopes the call to, or else the one the input names at `country`. */
function countryFromInput(path: string, input: unknown): string | null {
  const named = readInputPath(input, findRule(path)?.country ?? 'input.country');
  return typeof named === 'string' ? named : null;
}

export interface MutationFacts {
  path: string;
  input: unknown;
  principal: Principal | null;
  requestId: string;
  occurredAt: Date;
}

function idFromInput(input: unknown): string | null {
  const id = input !== null && typeof input === 'object' ? Reflect.get(input, 'id') : undefined;
  return typeof id === 'string' ? id : null;
}

export function buildAuditEvent(facts: MutationFacts, details: AuditDetails): NewAuditEvent {
  const summarised = summariseInput(facts.input);
  const summary =
    details.summary ??
    (summarised !== null && typeof summarised === 'object' && !Array.isArray(summarised) ? summarised : {});
  return {
    occurredAt: facts.occurredAt,
    actorId: facts.principal?.userId ?? details.actorId ?? null,
    // Only sessions and tokens are recorded; in-process calls, like the first administrator's creation, carry none.
    via: facts.principal && facts.principal.credential.kind !== 'in_process' ? facts.principal.credential.kind : null,
    action: facts.path,
    // Without a target from the service, the `id` the input names (a source, a classification).
    target: details.target ?? idFromInput(facts.input),
    country: details.country === undefined ? countryFromInput(facts.path, facts.input) : details.country,
    summary: summary as Record<string, unknown>,
    requestId: facts.requestId,
  };
}
