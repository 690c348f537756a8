import { findSeqAt, findVintageSeq, type ObservationFilter, readObservations } from '@ilms/db';
import type { Context } from '../context.js';
import { DomainError } from '../errors.js';

/** What a reader asks for: the repository's filter, with "as of" given as a vintage or an instant. */
export type ObservationQuery = Omit<ObservationFilter, 'asOfSeq'> & {
  asOf?: { vintage: number } | { at: string } | undefined;
};

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
