import type { TRPC_ERROR_CODE_KEY } from '@trpc/server';

/**
 * Stable codes clients may branch on. Each maps to one tRPC (HTTP) code in the error
 * formatter; the message is for the person who must act.
 */
export const domainErrorCodes = {
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  INVALID_INPUT: 'BAD_REQUEST',
  FORBIDDEN: 'FORBIDDEN',
  UNAUTHENTICATED: 'UNAUTHORIZED',
  PRECONDITION_FAILED: 'PRECONDITION_FAILED',
  RATE_LIMITED: 'TOO_MANY_REQUESTS',
} as const satisfies Record<string, TRPC_ERROR_CODE_KEY>;

export type DomainErrorCode = keyof typeof domainErrorCodes;

export class DomainError extends Error {
  override name = 'DomainError';
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
