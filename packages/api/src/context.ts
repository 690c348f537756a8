import type { Db } from '@ilms/db';

/** What every procedure may use; built by the host (HTTP server, tests, CLI) and injected. */
export interface Dependencies {
  db: Db;
  /** The clock, injectable so tests can control time. */
  now: () => Date;
}

export interface Context extends Dependencies {
  requestId: string;
}

export function createContext(deps: Dependencies, requestId: string): Context {
  return { ...deps, requestId };
}
