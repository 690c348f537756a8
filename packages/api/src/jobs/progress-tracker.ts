import { type Db, type ImportJobPhase, reportImportProgress } from '@ilms/db';

export type StopReason = 'cancelled' | 'lost' | 'shutdown';

/** Thrown inside an import to unwind it: its transaction rolls back, nothing is staged. */
export class ImportStopped extends Error {
  override name = 'ImportStopped';
  constructor(readonly reason: StopReason) {
    super(`import stopped: ${reason}`);
  }
}

/**
 * Writes an attempt's progress and heartbeat to `import_job` on a timer, outside the staging
 * transaction so users see it, and learns from the same statement whether the user asked to
 * cancel or the attempt was taken back.
 */
export class ProgressTracker {
  phase: ImportJobPhase = 'loading';
  bytesRead = 0;
  rowsRead = 0;
  private stopReason: StopReason | undefined;
  private timer: NodeJS.Timeout | undefined;
  private reporting: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly submissionId: number,
    private readonly attempt: number,
    private readonly intervalMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      this.reporting = this.report().catch(this.onError);
    }, this.intervalMs);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.reporting;
  }

  /** Stops the import from outside (the worker is shutting down). */
  abort(reason: StopReason): void {
    this.stopReason ??= reason;
  }

  throwIfStopped(): void {
    if (this.stopReason !== undefined) throw new ImportStopped(this.stopReason);
  }

  async report(): Promise<void> {
    const { isOwned, isCancelRequested } = await reportImportProgress(this.db, {
      submissionId: this.submissionId,
      attempt: this.attempt,
      phase: this.phase,
      bytesRead: this.bytesRead,
      rowsRead: this.rowsRead,
    });
    if (!isOwned) this.abort('lost');
    else if (isCancelRequested) this.abort('cancelled');
  }
}
