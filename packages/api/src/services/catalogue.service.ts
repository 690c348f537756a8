import {
  findIndicator,
  findScheme,
  type IndicatorFilter,
  listCodesOfSchemes,
  listIndicators,
  listSchemes,
  type SchemeFilter,
} from '@ilms/db';
import type { Context } from '../context.js';
import { DomainError } from '../errors.js';

type Deps = Pick<Context, 'db'>;

export function searchIndicators({ db }: Deps, filter: IndicatorFilter) {
  return listIndicators(db, filter);
}

/** An indicator with its dimensions and, for each, the codes of every allowed scheme. */
export async function describeIndicator({ db }: Deps, code: string, lang: string) {
  const indicator = await findIndicator(db, code);
  if (!indicator) {
    throw new DomainError(
      'NOT_FOUND',
      `Indicator ${code} is not in the catalogue. Check the code, or search the catalogue.`,
    );
  }
  const schemeIds = [...new Set(indicator.slots.flatMap((slot) => slot.scheme_ids))];
  const [codes, schemes] = await Promise.all([
    listCodesOfSchemes(db, schemeIds, lang),
    listSchemes(db, { ids: schemeIds }),
  ]);
  return {
    ...indicator,
    slots: indicator.slots.map((slot) => ({
      ...slot,
      schemes: slot.scheme_ids.map((id) => ({
        id,
        label: schemes.find((s) => s.id === id)?.label ?? id,
        codes: codes.filter((c) => c.scheme_id === id),
      })),
    })),
  };
}

export function searchSchemes({ db }: Deps, filter: SchemeFilter) {
  return listSchemes(db, filter);
}

export async function describeScheme({ db }: Deps, id: string) {
  const scheme = await findScheme(db, id);
  if (!scheme) throw new DomainError('NOT_FOUND', `Classification ${id} is not in the catalogue.`);
  return scheme;
}
