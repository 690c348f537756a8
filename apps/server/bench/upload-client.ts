import { createReadStream, statSync } from 'node:fs';
import { request } from 'node:http';
import { basename } from 'node:path';
import { pipeline } from 'node:stream/promises';

/** How often the job is polled: finer than the admin app's 500 ms, so phase changes are timed closely. */
const POLL_MS = 150;

/** Seconds of each step, from the start of the POST to `submissions.diff`'s answer. */
export interface UploadTimeline {
  status: number;
  total: number;
  /** POST until its response: body received, hashed, stored in the database, job queued. */
  received: number;
  /** Response until a worker claimed the job (`started_at`). */
  queued: number;
  /** The worker copying the stored file to its temporary file (phase `loading`). */
  loading: number;
  /** Validating and staging the rows (phase `validating`). */
  validating: number;
  /** From the phase `checking` until the job was seen `succeeded`: SQL checks, counts, commit. */
  checking: number;
  diff: number;
}

interface JobView {
  state: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
  phase: 'queued' | 'loading' | 'validating' | 'checking' | 'done';
  error: string | null;
  startedAt: string | null;
  updatedAt: string;
}

/** Streams the file from disk as the raw body, as the CLI does; nothing of it is held in memory. */
function postFile(url: URL, token: string, file: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/octet-stream',
          'content-length': statSync(file).size,
          authorization: `Bearer ${token}`,
        },
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        response.on('error', reject);
      },
    );
    pipeline(createReadStream(file), outgoing).catch(reject);
  });
}

async function query<T>(baseUrl: string, token: string, procedure: string, input: object): Promise<T> {
  const url = new URL(`trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`, baseUrl);
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  const body = (await response.json()) as { result?: { data: T }; error?: unknown };
  if (!response.ok || !body.result) {
    throw new Error(`${procedure} answered HTTP ${response.status}: ${JSON.stringify(body.error ?? body)}`);
  }
  return body.result.data;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface UploadRequest {
  baseUrl: string;
  token: string;
  file: string;
  country: string;
}

/**
 * Uploads `file`, follows its job over tRPC until it succeeds, then asks for the diff. Steps are
 * timed on the wall clock; the job's own times come from the database clock of the same machine.
 * The phase `checking` is written on the worker's next 500 ms progress tick, so up to 0.5 s of
 * `validating` may show as `checking`.
 */
export async function uploadAndWait({ baseUrl, token, file, country }: UploadRequest): Promise<UploadTimeline> {
  const fileName = basename(file);
  const uploadUrl = new URL(
    `api/uploads?country=${country}&mode=merge&fileName=${encodeURIComponent(fileName)}`,
    baseUrl,
  );
  const started = Date.now();
  const { status, body } = await postFile(uploadUrl, token, file);
  const received = Date.now();
  if (status !== 201) {
    throw new Error(`POST /api/uploads answered ${status} (expected 201, a new submission): ${body}`);
  }
  const { submissionId: id } = JSON.parse(body) as { submissionId: number };

  const phaseSeen = new Map<JobView['phase'], number>();
  let job: JobView | null;
  for (;;) {
    job = await query<JobView | null>(baseUrl, token, 'submissions.job', { country, id });
    if (!job) throw new Error(`submission ${id} has no job`);
    // The first view of a phase carries the progress report that wrote it (`updatedAt`).
    if (!phaseSeen.has(job.phase)) phaseSeen.set(job.phase, Date.parse(job.updatedAt));
    if (job.state !== 'queued' && job.state !== 'running') break;
    await sleep(POLL_MS);
  }
  const succeeded = Date.now();
  if (job.state !== 'succeeded') {
    throw new Error(`the job of submission ${id} ended ${job.state}: ${job.error ?? '(no message)'}`);
  }
  await query(baseUrl, token, 'submissions.diff', { country, id, sampleSize: 20 });
  const finished = Date.now();

  const claimed = job.startedAt ? Date.parse(job.startedAt) : received;
  // A phase too short to be seen by the polling counts as zero.
  const validating = phaseSeen.get('validating') ?? claimed;
  const checking = phaseSeen.get('checking') ?? validating;
  const seconds = (from: number, to: number) => Math.max(0, to - from) / 1000;
  return {
    status,
    total: seconds(started, finished),
    received: seconds(started, received),
    queued: seconds(received, claimed),
    loading: seconds(claimed, validating),
    validating: seconds(validating, checking),
    checking: seconds(checking, succeeded),
    diff: seconds(succeeded, finished),
  };
}
