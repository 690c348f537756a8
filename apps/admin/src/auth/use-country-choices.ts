import { useQuery } from '@tanstack/react-query';
import type { CountryChoice } from '../components/country-select.js';
import { useTRPC } from '../trpc.js';
import { useMe } from './use-me.js';

interface CountryChoices {
  choices: CountryChoice[];
  /** Regional roles work on every country, and may look at all at once; a focal point on their own. */
  isRegional: boolean;
  /** The country a page starts on: a focal point's first own one, none ('') for the regional roles. */
  defaultCountry: string;
  isPending: boolean;
}

/**
 * The countries the user works on: a focal point's own, or for the regional roles every member
 * state of ASEAN today (the catalogue's membership, so a new member appears without a release).
 */
export function useCountryChoices(): CountryChoices {
  const trpc = useTRPC();
  const me = useMe();
  const isRegional = !!me.data && me.data.role !== 'focal_point';
  const members = useQuery(trpc.catalogue.listMemberStates.queryOptions({}, { enabled: isRegional }));
  if (!isRegional) {
    const own = me.data?.countryChoices ?? [];
    return { choices: own, isRegional, defaultCountry: own[0]?.code ?? '', isPending: me.isPending };
  }
  const choices = (members.data ?? []).map((member) => ({ code: member.code, label: member.ilo_label }));
  return { choices, isRegional, defaultCountry: '', isPending: members.isPending };
}
