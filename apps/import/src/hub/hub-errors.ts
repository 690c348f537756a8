import { CliError, ExitCode } from './exit-codes.js';

/** The hub answered with an error: its HTTP status, stable code and message for the person. */
export interface Refusal {
  httpStatus: number;
  /** tRPC's code (`UNAUTHORIZED`, `FORBIDDEN`, …) or the upload route's (`PAYLOAD_TOO_LARGE`, …). */
  code: string;
  message: string;
  /** zod's flattened field errors, when the input was refused. */
  fieldErrors?: Record<string, string[] | undefined> | undefined;
}

/** The hub answered a plain HTTP route (not tRPC) with an error. */
export class HubRefusedError extends Error {
  override name = 'HubRefusedError';
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
  }
}

/** The network failed before any answer: connection refused, unknown host, timeout, TLS. */
export class HubUnreachableError extends Error {
  override name = 'HubUnreachableError';
  constructor(
    readonly url: string,
    readonly reason: string,
  ) {
    super(`cannot reach ${url}: ${reason}`);
  }
}

/** Something answered, but not as an ILMS Hub does (an HTML page, a proxy's error). */
export class NotAHubError extends Error {
  override name = 'NotAHubError';
  constructor(
    readonly url: string,
    readonly httpStatus: number,
    readonly contentType: string,
  ) {
    super(`${url} answered HTTP ${httpStatus} with ${contentType || 'no content type'}`);
  }
}

const networkReasons: Record<string, string> = {
  ECONNREFUSED: 'nothing is listening at that address (is the hub running, and is the port right?)',
  ENOTFOUND: 'the host name is unknown (check the spelling, or your network and VPN)',
  EAI_AGAIN: 'the host name could not be looked up (check your network)',
  ETIMEDOUT: 'the connection timed out (check your network, VPN or proxy)',
  ECONNRESET: 'the connection was cut (a proxy or firewall may stop it; try again)',
  EHOSTUNREACH: 'the host cannot be reached from this network',
  CERT_HAS_EXPIRED: "the hub's TLS certificate has expired (tell the hub's administrators)",
  DEPTH_ZERO_SELF_SIGNED_CERT: "the hub's TLS certificate is self-signed (set NODE_EXTRA_CA_CERTS to trust it)",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "the hub's TLS certificate cannot be verified (set NODE_EXTRA_CA_CERTS)",
};

/** A readable reason for a failed connection, from Node's error codes (fetch wraps them in `cause`). */
export function describeNetworkError(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && networkReasons[code]) return networkReasons[code];
    const errors = (current as { errors?: unknown[] }).errors;
    if (Array.isArray(errors) && errors.length > 0) current = errors[0];
    else current = (current as { cause?: unknown }).cause;
  }
  return error instanceof Error ? error.message : String(error);
}

export function unreachable(url: string, reason: string): CliError {
  return new CliError(
    ExitCode.unreachable,
    `Cannot reach the hub at ${url}: ${reason}. Check the address (ilms login --url …, --url or ILMS_URL) and try again.`,
  );
}

export function notAHub(error: NotAHubError): CliError {
  return new CliError(
    ExitCode.unreachable,
    `${error.url} did not answer as an ILMS Hub (HTTP ${error.httpStatus}, ${error.contentType || 'no content type'}). Check the address: it is the one you open the hub at in a browser, e.g. https://ilms.example.org.`,
  );
}

function describeFields(fieldErrors: Refusal['fieldErrors']): string {
  const parts = Object.entries(fieldErrors ?? {}).flatMap(([field, messages]) =>
    (messages ?? []).map((message) => `${field}: ${message}`),
  );
  return parts.length > 0 ? ` (${parts.join('; ')})` : '';
}

/** The refusal as a sentence with what to do next, for exit code 3. */
export function refusalError(refusal: Refusal, hubUrl: string): CliError {
  const said = `${refusal.message.replace(/\s+$/, '')}${describeFields(refusal.fieldErrors)}`;
  const { code } = refusal;
  if (code === 'UNAUTHORIZED' || code === 'UNAUTHENTICATED') {
    return new CliError(
      ExitCode.refused,
      `The hub refused your API token: ${said}\nCreate a token on the hub's "API tokens" page, then run \`ilms login --url ${hubUrl}\` again.`,
    );
  }
  if (code === 'FORBIDDEN') return new CliError(ExitCode.refused, `The hub refused this request: ${said}`);
  if (code === 'PAYLOAD_TOO_LARGE') return new CliError(ExitCode.refused, `The hub refused the file: ${said}`);
  if (code === 'INTERNAL_SERVER_ERROR') return new CliError(ExitCode.refused, `The hub failed: ${said}`);
  return new CliError(ExitCode.refused, said);
}
