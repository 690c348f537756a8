import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  authorizeCall,
  createCaller,
  createContext,
  type Dependencies,
  DomainError,
  type ReceivedFile,
  TEMP_FILE_PREFIX,
} from '@ilms/api';
import { TRPCError } from '@trpc/server';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { readRequestFacts } from '../auth-context.js';
import { type ErrorBody, sendError } from './error-reply.js';

export interface UploadRouteOptions {
  /** Bodies larger than this are refused: before reading when Content-Length says so, else on the way. */
  limitBytes: number;
}

const querySchema = z.object({
  country: z.string().regex(/^[A-Z]{3}$/, 'expected the ISO 3166 alpha-3 code of the country, such as LAO'),
  mode: z.enum(['merge', 'replace', 'delete']).default('merge'),
  fileName: z.string().trim().min(1, 'name the file').max(255, 'a file name has at most 255 characters'),
});

const megabytes = (bytes: number) => `${(bytes / 1_048_576).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;

class TooLarge extends Error {
  constructor(
    readonly limit: number,
    readonly size: number | undefined,
  ) {
    super('too large');
  }
}

/** How long a refused body is still read (and dropped) so the client sees the answer, not a reset. */
const DRAIN_MS = 2000;

/**
 * Answers before the body is read to its end. The connection closes after the answer, so the
 * client stops sending; what it sends meanwhile is dropped for a moment (closing a socket with
 * unread data resets it, and the client would lose the answer), then the socket is destroyed.
 */
function refuseEarly(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
  reply.header('connection', 'close');
  reply.raw.once('finish', () => {
    request.raw.resume();
    setTimeout(() => request.raw.socket?.destroy(), DRAIN_MS).unref();
  });
  if (!(error instanceof TooLarge)) return sendError(request, reply, error);
  const size = error.size === undefined ? 'The file is larger than' : `The file is ${megabytes(error.size)}, more than`;
  const body: ErrorBody = {
    error: {
      code: 'PAYLOAD_TOO_LARGE',
      message: `${size} the limit of ${megabytes(error.limit)}. Split it (by indicator or by year) into smaller files, or compress it as .csv.gz, and upload again.`,
    },
  };
  return reply.code(413).send(body);
}

/**
 * Streams the body to a temporary file (readable by this user only), hashing and counting it;
 * nothing is held in memory. Past the limit it stops reading, leaving the socket to the answer.
 */
function receiveBody(request: FastifyRequest, target: string, limitBytes: number): Promise<ReceivedFile> {
  const source = request.raw;
  const file = createWriteStream(target, { mode: 0o600 });
  const hash = createHash('sha256');
  let size = 0;
  return new Promise((resolve, reject) => {
    const stop = (error: Error) => {
      source.off('data', onData);
      source.pause();
      file.destroy();
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) return stop(new TooLarge(limitBytes, undefined));
      hash.update(chunk);
      if (!file.write(chunk)) {
        source.pause();
        file.once('drain', () => source.resume());
      }
    };
    source.on('data', onData);
    source.once('end', () => file.end());
    source.once('error', stop);
    file.once('error', stop);
    file.once('finish', () => resolve({ path: target, size, sha256: hash.digest() }));
  });
}

function unwrapCallError(error: unknown): unknown {
  if (!(error instanceof TRPCError)) return error;
  if (error.cause instanceof DomainError) return error.cause;
  if (error.code === 'BAD_REQUEST') return new DomainError('INVALID_INPUT', error.message);
  return error;
}

/**
 * `POST /api/uploads?country=LAO&mode=merge&fileName=…` with the file as the raw body: the
 * upload route of the admin app and the CLI. Permission is checked before a byte of the body is
 * read; the body streams to a temporary file, then `submissions.upload` stores it and queues
 * its processing, with the same rules and audit as every tRPC call.
 */
export function registerUploadRoute(app: FastifyInstance, deps: Dependencies, options: UploadRouteOptions) {
  return app.register(async (scope) => {
    // The body is read by the handler as a stream, whatever its type.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, _payload, done) => done(null));

    scope.post('/api/uploads', async (request, reply) => {
      const query = querySchema.safeParse(request.query);
      if (!query.success) {
        const problems = query.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
        const error = new DomainError('INVALID_INPUT', `The upload address is incomplete: ${problems}.`);
        return refuseEarly(request, reply, error);
      }
      const facts = await readRequestFacts(deps, request, reply);
      try {
        authorizeCall({ path: 'submissions.upload', type: 'mutation', input: query.data, ...facts });
      } catch (error) {
        return refuseEarly(request, reply, error);
      }
      const declared = Number(request.headers['content-length']);
      if (Number.isFinite(declared) && declared > options.limitBytes) {
        return refuseEarly(request, reply, new TooLarge(options.limitBytes, declared));
      }
      const target = path.join(tmpdir(), `${TEMP_FILE_PREFIX}upload-${randomUUID()}`);
      let isHandedOver = false;
      try {
        const receivedFile = await receiveBody(request, target, options.limitBytes);
        if (receivedFile.size === 0) {
          throw new DomainError('INVALID_INPUT', 'The file is empty. Choose the file again and upload it.');
        }
        const caller = createCaller(createContext(deps, request.id, { ...facts, receivedFile }));
        const result = await caller.submissions.upload(query.data);
        if (!result.isExisting && deps.handoff) {
          await deps.handoff.offer(result.submissionId, target);
          isHandedOver = true;
        }
        return reply.code(result.isExisting ? 200 : 201).send({ ...result, country: query.data.country });
      } catch (error) {
        if (error instanceof TooLarge) return refuseEarly(request, reply, error);
        return sendError(request, reply, unwrapCallError(error));
      } finally {
        if (!isHandedOver) await rm(target, { force: true });
      }
    });
  });
}
