import { rm } from 'node:fs/promises';

/**
 * Hands an uploaded file from the upload route to a worker in the same process, so that worker
 * need not copy it back out of the database (1–1.6 s per million rows). Only within one
 * process, keyed by submission: a worker elsewhere, or an attempt after a restart, reads the
 * stored file as before. A file no local worker took within `maxAgeMs` is deleted.
 */
export class FileHandoff {
  private readonly offered = new Map<number, { path: string; at: number }>();

  constructor(private readonly maxAgeMs = 10 * 60_000) {}

  /** Offers the file of a submission; the caller no longer owns (or deletes) it. */
  async offer(submissionId: number, path: string): Promise<void> {
    await this.dropExpired();
    this.offered.set(submissionId, { path, at: Date.now() });
  }

  /** Takes the file of a submission if it was offered here; the taker then owns it. */
  take(submissionId: number): string | undefined {
    const entry = this.offered.get(submissionId);
    this.offered.delete(submissionId);
    return entry?.path;
  }

  /** Deletes every file not taken (at shutdown, and those older than `maxAgeMs` on each offer). */
  async dropExpired(now = Date.now(), maxAgeMs = this.maxAgeMs): Promise<void> {
    for (const [submissionId, entry] of this.offered) {
      if (now - entry.at < maxAgeMs) continue;
      this.offered.delete(submissionId);
      await rm(entry.path, { force: true });
    }
  }
}
