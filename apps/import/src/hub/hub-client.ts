import type { AppRouter } from '@ilms/api';
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import type { StoredLogin } from './config.js';
import { CliError } from './exit-codes.js';
import {
  describeNetworkError,
  HubRefusedError,
  HubUnreachableError,
  NotAHubError,
  notAHub,
  refusalError,
  unreachable,
} from './hub-errors.js';

/** Every request to the hub carries these: the token, and who is calling for the server's logs. */
export function hubHeaders(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}`, 'user-agent': 'ilms-cli' };
}

/**
 * fetch that tells a network failure and a non-hub answer apart from a hub's refusal: tRPC
 * would report both as a JSON parse error or a bare "fetch failed".
 */
function hubFetch(hubUrl: string): typeof fetch {
  return async (input, init) => {
    let response: Response;
    try {
      response = await fetch(input, init);
    } catch (error) {
      throw new HubUnreachableError(hubUrl, describeNetworkError(error));
    }
    const contentType = response.headers.get('content-type') ?? '';
    const body = contentType.includes('application/json') ? await response.clone().json() : undefined;
    if (!isTrpcAnswer(body)) {
      await response.body?.cancel();
      throw new NotAHubError(hubUrl, response.status, contentType);
    }
    return response;
  };
}

/** `{ result }` or `{ error: { code: <number>, message } }`: what a tRPC endpoint sends. */
function isTrpcAnswer(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return false;
  if ('result' in body) return true;
  const error = (body as { error?: unknown }).error;
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'number';
}

/**
 * The hub's tRPC API over HTTP, typed by the server's router. No transformer: the server's
 * `initTRPC` has none (as the admin app), so dates arrive as ISO strings.
 */
export function createHubClient(login: StoredLogin) {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${login.url}/trpc`,
        headers: () => hubHeaders(login.token),
        fetch: hubFetch(login.url),
      }),
    ],
  });
}

export type HubClient = ReturnType<typeof createHubClient>;

interface ErrorData {
  code?: string;
  httpStatus?: number;
  zodError?: { fieldErrors?: Record<string, string[] | undefined> } | null;
}

/** Any failure of a hub call as the CLI reports it: a sentence and an exit code. */
export function toCliError(error: unknown, hubUrl: string): CliError | undefined {
  if (error instanceof CliError) return error;
  const cause = error instanceof TRPCClientError ? error.cause : error;
  if (cause instanceof HubUnreachableError) return unreachable(cause.url, cause.reason);
  if (cause instanceof NotAHubError) return notAHub(cause);
  if (cause instanceof HubRefusedError) return refusalError(cause.refusal, hubUrl);
  if (error instanceof TRPCClientError) {
    const data = (error.data ?? {}) as ErrorData;
    if (data.code === undefined) return undefined;
    return refusalError(
      {
        httpStatus: data.httpStatus ?? 0,
        code: data.code,
        message: error.message,
        fieldErrors: data.zodError?.fieldErrors,
      },
      hubUrl,
    );
  }
  return undefined;
}

/** Runs hub calls, turning their failures into CLI errors (unknown failures pass unchanged). */
export async function callHub<T>(hubUrl: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toCliError(error, hubUrl) ?? error;
  }
}
