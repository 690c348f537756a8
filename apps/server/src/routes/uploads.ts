import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  authorizeCall,
  createCaller,
  createContext,
  type Dependencies,
  DomainError,
  type ReceivedFile,
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

class TooLarge extends Error {}

const megabytes = (bytes: number) => `${(bytes / 1_048_576).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;

function refuseTooLarge(reply: FastifyReply, limitBytes: number, size: number | undefined): FastifyReply {
  const body: ErrorBody = {
    error: {
      code: 'PAYLOAD_TOO_LARGE',
      message: `${size === undefined ? 'The file is larger than' : `The file is ${megabytes(size)};`} the limit is ${megabytes(limitBytes)}. Split it (by indicator or by year) into smaller files, or compress it as .csv.gz, and upload again.`,
    },
  };
  // Closing the connection stops the client sending the rest; nothing more of it is read.
  return reply.code(413).header('connection', 'close').send(body);
}

/** Streams the body to a temporary file, hashing and counting it; nothing is held in memory. */
async function receiveBody(request: FastifyRequest, target: string, limitBytes: number): Promise<ReceivedFile> {
  const hash = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > limitBytes) return done(new TooLarge());
      hash.update(chunk);
      done(null, chunk);
    },
  });
  await pipeline(request.raw, meter, createWriteStream(target));
  return { path: target, size, sha256: hash.digest() };
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
        return sendError(
          request,
          reply,
          new DomainError('INVALID_INPUT', `The upload address is incomplete: ${problems}.`),
        );
      }
      const facts = await readRequestFacts(deps, request, reply);
      try {
        authorizeCall({ path: 'submissions.upload', type: 'mutation', input: query.data, ...facts });
      } catch (error) {
        return sendError(request, reply, error);
      }
      const declared = Number(request.headers['content-length']);
      if (Number.isFinite(declared) && declared > options.limitBytes) {
        return refuseTooLarge(reply, options.limitBytes, declared);
      }
      const target = path.join(tmpdir(), `ilms-upload-${randomUUID()}`);
      try {
        const receivedFile = await receiveBody(request, target, options.limitBytes);
        if (receivedFile.size === 0) {
          throw new DomainError('INVALID_INPUT', 'The file is empty. Choose the file again and upload it.');
        }
        const caller = createCaller(createContext(deps, request.id, { ...facts, receivedFile }));
        const result = await caller.submissions.upload(query.data);
        return reply.code(result.isExisting ? 200 : 201).send({ ...result, country: query.data.country });
      } catch (error) {
        if (error instanceof TooLarge) return refuseTooLarge(reply, options.limitBytes, undefined);
        return sendError(request, reply, unwrapCallError(error));
      } finally {
        await rm(target, { force: true });
      }
    });
  });
}
