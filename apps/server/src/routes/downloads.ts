import { Readable } from 'node:stream';
import {
  authorizeCall,
  type Dependencies,
  DomainError,
  FilePurgedError,
  type Report,
  reportAnnotatedCopy,
  reportFindingsCsv,
  reportFindingsJson,
} from '@ilms/api';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { readRequestFacts } from '../auth-context.js';
import { type ErrorBody, sendError } from './error-reply.js';

type OpenReport = (ctx: Pick<Dependencies, 'db'>, country: string, id: number) => Promise<Report>;

/** What each download serves, by the last part of its address. */
const reports: Record<string, OpenReport> = {
  'findings.csv': reportFindingsCsv,
  'findings.json': reportFindingsJson,
  annotated: reportAnnotatedCopy,
};

interface SubmissionParams {
  country: string;
  id: string;
}

/**
 * `Content-Disposition` for a download: `filename*` carries the name as written (Lao, Thai, …,
 * RFC 6266/5987) and `filename` an ASCII stand-in for clients that read only that.
 */
export function attachmentHeader(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

function parseRef({ country, id }: SubmissionParams): { country: string; id: number } {
  if (!/^[A-Z]{3}$/.test(country) || !/^[1-9]\d{0,14}$/.test(id)) {
    throw new DomainError(
      'INVALID_INPUT',
      `/api/submissions/${country}/${id}/… does not name a submission: write the country as its three-letter code in capitals and the submission by its number, e.g. /api/submissions/LAO/12/findings.csv.`,
    );
  }
  return { country, id: Number(id) };
}

/**
 * Pulls the first piece before answering, so a report that fails at once (its file unreadable)
 * is answered with an error rather than a 200 cut short.
 */
async function startStream(body: AsyncIterable<string>): Promise<Readable> {
  const iterator = body[Symbol.asyncIterator]();
  const first = await iterator.next();
  async function* rest() {
    if (first.done) return;
    try {
      yield first.value;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    } finally {
      await iterator.return?.();
    }
  }
  return Readable.from(rest());
}

function sendGone(reply: FastifyReply, error: FilePurgedError): FastifyReply {
  const body: ErrorBody = { error: { code: 'GONE', message: error.message } };
  return reply.code(410).send(body);
}

/**
 * The reports of a submission as files to save: findings.csv, findings.json and the annotated
 * copy of the user's own file. Whoever may list its findings (`submissions.findings`) may
 * download them, with the same credentials (session cookie or API token).
 */
export function registerDownloadRoutes(app: FastifyInstance, deps: Dependencies): void {
  for (const [suffix, openReport] of Object.entries(reports)) {
    app.get(`/api/submissions/:country/:id/${suffix}`, async (request: FastifyRequest, reply) => {
      const params = request.params as SubmissionParams;
      try {
        const facts = await readRequestFacts(deps, request, reply);
        authorizeCall({
          path: 'submissions.findings',
          type: 'query',
          input: { country: params.country, id: Number(params.id) },
          principal: facts.principal,
          credentialProblem: facts.credentialProblem,
          origin: facts.origin,
        });
        const { country, id } = parseRef(params);
        const report = await openReport(deps, country, id);
        const body = await startStream(report.body);
        return reply
          .header('content-type', report.contentType)
          .header('content-disposition', attachmentHeader(report.fileName))
          .header('cache-control', 'private, no-store')
          .send(body);
      } catch (error) {
        if (error instanceof FilePurgedError) return sendGone(reply, error);
        return sendError(request, reply, error);
      }
    });
  }
}
