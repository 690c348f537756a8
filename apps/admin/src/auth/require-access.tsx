import type { ReactNode } from 'react';
import { NotAllowedPage } from '../pages/not-allowed-page.js';
import { useCan } from './use-me.js';

/** Renders the page only for users whose role may call `procedure`; others get a clear refusal. */
export function RequireAccess({ procedure, children }: { procedure: string; children: ReactNode }) {
  return useCan(procedure) ? children : <NotAllowedPage />;
}
