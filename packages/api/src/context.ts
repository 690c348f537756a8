import type { Db } from '@ilms/db';
import { type AuditNote, createAuditNote } from './auth/audit-note.js';
import type { RequestOrigin } from './auth/authorize.js';
import type { CredentialProblem, Principal } from './auth/principal.js';
import type { FileHandoff } from './jobs/file-handoff.js';
import type { JobQueue } from './jobs/job-queue.js';

/** What every procedure may use; built by the host (HTTP server, tests, CLI) and injected. */
export interface Dependencies {
  db: Db;
  /** The clock, injectable so tests can control time. */
  now: () => Date;
  /** How long sessions last; the server passes its settings, other hosts get the defaults. */
  sessionLifetime?: SessionLifetime;
  /** Where uploads send their import jobs; hosts that take no uploads leave it out. */
  queue?: JobQueue;
  /** Hands uploaded files to this process's own worker (see `FileHandoff`). */
  handoff?: FileHandoff;
}

export interface SessionLifetime {
  /** A session unused this long ends. */
  idleMs: number;
  /** A session ends this long after sign-in, however busy. */
  absoluteMs: number;
}

export const defaultSessionLifetime: SessionLifetime = { idleMs: 8 * 3_600_000, absoluteMs: 7 * 86_400_000 };

/** Sets or clears the session cookie on the response; hosts without HTTP keep the default no-op. */
export interface SessionCookie {
  set(value: string, expiresAt: Date): void;
  clear(): void;
}

/** What the host learned from the request: who is calling and from where. */
export interface RequestFacts {
  principal: Principal | null;
  credentialProblem: CredentialProblem | null;
  /** The address sign-in failures are counted against. */
  clientAddress: string;
  /**
   * True only for the hub's own code calling in-process (tests, the CLI's local mode); every
   * HTTP request sets false. Never derived from anything a request carries.
   */
  isInProcess: boolean;
  /** Whether the request came from a page of this site; `unknown` for clients that do not say. */
  origin: RequestOrigin;
  sessionCookie: SessionCookie;
  /**
   * The file of an upload, received by the host's upload route before the call (streamed to a
   * temporary file and hashed); absent for every other call.
   */
  receivedFile?: ReceivedFile;
}

export interface ReceivedFile {
  path: string;
  size: number;
  sha256: Buffer;
}

export interface Context extends Dependencies, RequestFacts {
  requestId: string;
  /**
   * The pool even while `db` is a mutation's transaction: for the few writes that must outlast
   * a failed mutation (counting failed sign-ins).
   */
  rootDb: Db;
  /** What the current mutation changed, written to the audit log with it. */
  audit: AuditNote;
}

const inProcess: RequestFacts = {
  principal: null,
  credentialProblem: null,
  clientAddress: 'in-process',
  isInProcess: true,
  // In-process callers (tests, the CLI) are the hub's own code, not a page of another site.
  origin: 'same',
  sessionCookie: { set: () => {}, clear: () => {} },
};

export function createContext(deps: Dependencies, requestId: string, request: Partial<RequestFacts> = {}): Context {
  return { ...deps, ...inProcess, ...request, requestId, rootDb: deps.db, audit: createAuditNote() };
}
