import { authenticate, type Dependencies, type RequestFacts, type RequestOrigin } from '@ilms/api';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'ilms_session';

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Whether a request came from a page of this site. Browsers set Sec-Fetch-Site themselves
 * (scripts cannot), so it is believed first; older browsers are judged by Origin against the
 * host the request was addressed to. Neither header: not a browser, so `unknown`.
 */
export function classifyOrigin(request: FastifyRequest): RequestOrigin {
  const site = firstHeader(request.headers['sec-fetch-site']);
  if (site === 'same-origin' || site === 'none') return 'same';
  if (site === 'cross-site' || site === 'same-site') return 'cross';
  const origin = firstHeader(request.headers.origin);
  if (origin === undefined) return 'unknown';
  return URL.canParse(origin) && new URL(origin).host === request.host ? 'same' : 'cross';
}

function readBearer(request: FastifyRequest): string | undefined {
  const header = firstHeader(request.headers.authorization);
  const match = header ? /^Bearer\s+(.*)$/i.exec(header) : null;
  return match ? (match[1] ?? '').trim() : undefined;
}

/**
 * Who is calling and from where, for the tRPC context. The cookie is `Secure` except on a
 * loopback host, where a developer or test runs over plain HTTP.
 */
export async function readRequestFacts(
  deps: Dependencies,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<RequestFacts> {
  const { principal, problem } = await authenticate(deps, {
    bearerToken: readBearer(request),
    sessionToken: request.cookies[SESSION_COOKIE],
  });
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: !loopbackHosts.has(request.hostname),
  };
  return {
    principal,
    credentialProblem: problem,
    clientAddress: request.ip,
    isInProcess: false,
    origin: classifyOrigin(request),
    sessionCookie: {
      set: (value, expiresAt) => void reply.setCookie(SESSION_COOKIE, value, { ...cookieOptions, expires: expiresAt }),
      clear: () => void reply.clearCookie(SESSION_COOKIE, cookieOptions),
    },
  };
}
