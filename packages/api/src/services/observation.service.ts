import { findSeqAt, findVintageSeq, readObservations } from '@ilms/db';
import type { Context } from '../context.js';
import { DomainError } from '../errors.js';

export interface ObservationQuery {
  refArea: string;
  indicator: string;
  source?: string | undefined;
  sex?: string | undefined;
  classif1?: string | undefined;
  classif2?: string | undefined;
  /** A vintage id, or an instant: the data exactly as published then. */
  asOf?: { vintage: number } | { at: string } | undefined;
  limit: number;
}

async function resolveAsOf(ctx: Pick<Context, 'db'>, asOf: ObservationQuery['asOf']): Promise<number | undefined> {
  if (!asOf) return undefined;
  if ('at' in asOf) return findSeqAt(ctx.db, new Date(asOf.at));
  const seq = await findVintageSeq(ctx.db, asOf.vintage);
  if (seq === undefined) throw new DomainError('NOT_FOUND', `Vintage ${asOf.vintage} does not exist.`);
  return seq;
}

/** Published observations with their lineage (vintage, submission, file line), now or as of a vintage or time. */
export async function readPublished(ctx: Pick<Context, 'db'>, query: ObservationQuery) {
  const asOfSeq = await resolveAsOf(ctx, query.asOf);
  return readObservations(ctx.db, { ...query, asOfSeq });
}
