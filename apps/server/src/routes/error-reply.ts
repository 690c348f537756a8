import { DomainError, domainErrorCodes } from '@ilms/api';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The body of every error answer of the plain HTTP routes (not tRPC). */
export interface ErrorBody {
  error: { code: string; message: string };
}

/**
 * Answers a failure of a plain HTTP route the way tRPC answers one: a domain error with the HTTP
 * status of its tRPC code and its stable code; anything else 500, with a reference to the request
 * instead of the internal text, which goes to the log.
 */
export function sendError(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
  if (error instanceof DomainError) {
    const statusCode = getHTTPStatusCodeFromError(new TRPCError({ code: domainErrorCodes[error.code] }));
    const body: ErrorBody = { error: { code: error.code, message: error.message } };
    return reply.code(statusCode).send(body);
  }
  request.log.error({ err: error, url: request.url }, 'request failed');
  const body: ErrorBody = {
    error: {
      code: 'INTERNAL_SERVER_ERROR',
      message: `Something went wrong on the server. Try again; if it happens again, give the administrators this reference: ${request.id}.`,
    },
  };
  return reply.code(500).send(body);
}
