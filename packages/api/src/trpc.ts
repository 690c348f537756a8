import { appendAuditEvent } from '@ilms/db';
import { initTRPC, TRPCError } from '@trpc/server';
import { z } from 'zod';
import { buildAuditEvent, createAuditNote } from './auth/audit-note.js';
import { authorizeCall } from './auth/authorize.js';
import type { Context } from './context.js';
import { DomainError, domainErrorCodes } from './errors.js';

/**
 * The tRPC kernel: the one place that knows how errors travel. Domain errors keep their
 * stable code in `data.domainCode`; zod issues arrive flattened per field.
 */
const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error, ctx }) {
    const cause = error.cause;
    // Unexpected failures carry internal text (SQL, constraint names): the person sees what to do,
    // and the full error is in the server log under the same request id.
    const message =
      error.code === 'INTERNAL_SERVER_ERROR'
        ? `Something went wrong on the server. Try again; if it happens again, give the administrators this reference: ${ctx?.requestId ?? 'unknown'}.`
        : shape.message;
    return {
      ...shape,
      message,
      data: {
        ...shape.data,
        // Never leak stack traces to clients.
        stack: undefined,
        domainCode: cause instanceof DomainError ? cause.code : null,
        zodError: cause instanceof z.ZodError ? z.flattenError(cause) : null,
      },
    };
  },
});

const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: domainErrorCodes[cause.code], message: cause.message, cause });
  }
  return result;
});

/**
 * Every call passes the permission map (`permissions.ts`) before its input is even parsed: a
 * path without a rule is refused, and no resolver checks roles itself.
 */
const enforcePermissions = t.middleware(async ({ ctx, path, type, getRawInput, next }) => {
  authorizeCall({
    path,
    type,
    input: await getRawInput(),
    principal: ctx.principal,
    credentialProblem: ctx.credentialProblem,
    origin: ctx.origin,
  });
  return next();
});

class RolledBack extends Error {}

/**
 * Each mutation runs in one transaction with its audit event: both are kept or neither. The
 * procedure sees the transaction as `ctx.db`, and a fresh audit note the service fills in.
 */
const auditMutations = t.middleware(async ({ ctx, path, type, getRawInput, next }) => {
  if (type !== 'mutation') return next();
  const input = await getRawInput();
  const audit = createAuditNote();
  let result: Awaited<ReturnType<typeof next>> | undefined;
  try {
    await ctx.db.transaction().execute(async (trx) => {
      result = await next({ ctx: { db: trx, audit } });
      if (!result.ok) throw new RolledBack();
      const facts = { path, input, principal: ctx.principal, requestId: ctx.requestId, occurredAt: ctx.now() };
      await appendAuditEvent(trx, buildAuditEvent(facts, audit.details));
    });
  } catch (error) {
    if (!(error instanceof RolledBack)) throw error;
  }
  if (!result) throw new Error(`${path} finished without a result`);
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
/** The one base procedure; who may call each one is decided by the permission map, not its name. */
export const publicProcedure = t.procedure.use(domainErrors).use(enforcePermissions).use(auditMutations);
