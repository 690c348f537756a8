import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import path from 'node:path';
import type { StoredLogin } from './config.js';
import { CliError, ExitCode } from './exit-codes.js';
import { hubHeaders } from './hub-client.js';
import {
  describeNetworkError,
  HubRefusedError,
  HubUnreachableError,
  NotAHubError,
  type Refusal,
} from './hub-errors.js';

export type UploadMode = 'merge' | 'replace' | 'delete';

export interface UploadRequest {
  login: StoredLogin;
  filePath: string;
  country: string;
  mode: UploadMode;
  /** Called as bytes are handed to the connection. */
  onProgress?: (sent: number, total: number) => void;
}

export interface UploadAccepted {
  submissionId: number;
  country: string;
  /** The same file was uploaded before for the country: this is that submission. */
  isExisting: boolean;
  fileName: string;
  fileSize: number;
}

/** The upload's address; the name goes in the query so any script (Lao, Khmer, …) survives as UTF-8. */
export function uploadUrl(hubUrl: string, country: string, mode: UploadMode, fileName: string): string {
  const query = [`country=${encodeURIComponent(country)}`, `mode=${mode}`, `fileName=${encodeURIComponent(fileName)}`];
  return `${hubUrl}/api/uploads?${query.join('&')}`;
}

const statusCodes: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
};

/** The route's `{ error: { code, message } }`, or Fastify's own `{ statusCode, code, message }`. */
export function readRefusal(httpStatus: number, body: unknown): Refusal {
  const record = (body ?? {}) as { error?: unknown; message?: unknown };
  const inner =
    typeof record.error === 'object' && record.error !== null ? (record.error as Record<string, unknown>) : {};
  const message = typeof inner.message === 'string' ? inner.message : record.message;
  const code = typeof inner.code === 'string' ? inner.code : (statusCodes[httpStatus] ?? `HTTP_${httpStatus}`);
  return {
    httpStatus,
    code,
    message: typeof message === 'string' && message.length > 0 ? message : `The hub answered HTTP ${httpStatus}.`,
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function readAnswer(response: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    response.on('error', reject);
  });
}

/**
 * Streams the file to `POST /api/uploads` with its length declared, so the hub can refuse an
 * oversized file before reading it. The file is read in 64 kB pieces as the connection takes
 * them (never whole into memory). node:http rather than fetch: it hands over an answer that
 * comes while the body is still being sent (the hub refuses and closes the connection), where
 * fetch reports only the broken connection and the hub's message would be lost.
 */
export async function sendUpload(upload: UploadRequest): Promise<UploadAccepted> {
  const { login, filePath, country, mode, onProgress } = upload;
  const fileSize = await stat(filePath).then(
    (info) => info.size,
    () => {
      throw new CliError(ExitCode.usage, `File not found: ${filePath}. Check the path and the name.`);
    },
  );
  const fileName = path.basename(filePath);
  const url = new URL(uploadUrl(login.url, country, mode, fileName));
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;

  const { status, contentType, text } = await new Promise<{ status: number; contentType: string; text: string }>(
    (resolve, reject) => {
      const file = createReadStream(filePath, { highWaterMark: 64 * 1024 });
      let sent = 0;
      let hasAnswer = false;
      const request = send(url, {
        method: 'POST',
        headers: {
          ...hubHeaders(login.token),
          'content-type': 'application/octet-stream',
          'content-length': String(fileSize),
          accept: 'application/json',
        },
      });
      request.on('response', (response) => {
        hasAnswer = true;
        file.unpipe(request);
        file.destroy();
        readAnswer(response)
          .then((answer) => {
            request.destroy();
            resolve({
              status: response.statusCode ?? 0,
              contentType: String(response.headers['content-type'] ?? ''),
              text: answer,
            });
          })
          .catch((error: unknown) => reject(new HubUnreachableError(login.url, describeNetworkError(error))));
      });
      // The hub may close the connection after refusing early; the answer already read counts.
      request.on('error', (error) => {
        if (!hasAnswer) reject(new HubUnreachableError(login.url, describeNetworkError(error)));
      });
      file.on('data', (chunk) => {
        sent += chunk.length;
        onProgress?.(sent, fileSize);
      });
      file.on('error', (error) => {
        request.destroy();
        reject(new CliError(ExitCode.usage, `Cannot read ${filePath}: ${error.message}.`));
      });
      onProgress?.(0, fileSize);
      file.pipe(request);
    },
  );

  const body = parseJson(text);
  if (!contentType.includes('application/json') || body === undefined) {
    throw new NotAHubError(login.url, status, contentType);
  }
  if (status !== 200 && status !== 201) throw new HubRefusedError(readRefusal(status, body));
  const accepted = body as { submissionId: number; country: string; isExisting?: boolean };
  return {
    submissionId: accepted.submissionId,
    country: accepted.country ?? country,
    isExisting: accepted.isExisting ?? status === 200,
    fileName,
    fileSize,
  };
}
