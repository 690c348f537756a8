import { createTestDatabase } from '@ilms/db/testing';
import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { createContext } from './context.js';
import { DomainError } from './errors.js';
import { createCallerFactory, publicProcedure, router } from './trpc.js';

const { db } = await createTestDatabase();

// Mounted at a path the permission map makes public, so the call reaches the resolver.
const probeRouter = router({
  system: router({
    health: publicProcedure.query(() => {
      throw new DomainError('NOT_FOUND', 'Indicator MST_NOPE_NB is not in the catalogue.');
    }),
  }),
});
const caller = createCallerFactory(probeRouter)(createContext({ db, now: () => new Date() }, 'probe'));

describe('error mapping', () => {
  it('maps a domain error to its tRPC code and keeps the message', async () => {
    const error = await caller.system.health().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('NOT_FOUND');
    expect((error as TRPCError).message).toBe('Indicator MST_NOPE_NB is not in the catalogue.');
  });
});
