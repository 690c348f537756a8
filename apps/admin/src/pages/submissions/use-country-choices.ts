import { useQuery } from '@tanstack/react-query';
import { useMe } from '../../auth/use-me.js';
import type { CountryChoice } from '../../components/country-select.js';
import { useTRPC } from '../../trpc.js';

export type { CountryChoice };

/**
 * The countries the user works on: a focal point's own, or for the regional roles every member
 * state of ASEAN today (the catalogue's membership, so a new member appears without a release).
 */
export function useCountryChoices(): { choices: CountryChoice[]; isRegional: boolean; isPending: boolean } {
  const trpc = useTRPC();
  const me = useMe();
  const isRegional = !!me.data && me.data.role !== 'focal_point';
  const members = useQuery(trpc.catalogue.listMemberStates.queryOptions({}, { enabled: isRegional }));
  if (!isRegional) {
    const own = me.data?.countryChoices ?? [];
    return { choices: own, isRegional, isPending: me.isPending };
  }
  const choices = (members.data ?? []).map((member) => ({ code: member.code, label: member.ilo_label }));
  return { choices, isRegional, isPending: members.isPending };
}
