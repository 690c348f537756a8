import { TRPCClientError } from '@trpc/client';

/**
 * The message to announce for a failed call: the server's own sentence, or for invalid input
 * the field-by-field problems (zod's issue list is no sentence for a person).
 */
export function errorText(error: unknown): string {
  if (!(error instanceof TRPCClientError)) return error instanceof Error ? error.message : String(error);
  const zodError = (error.data as { zodError?: { fieldErrors?: Record<string, string[] | undefined> } } | undefined)
    ?.zodError;
  const fields = Object.entries(zodError?.fieldErrors ?? {}).flatMap(([field, messages]) =>
    (messages ?? []).map((message) => `${field}: ${message}`),
  );
  return fields.length > 0 ? fields.join(' ') : error.message;
}
