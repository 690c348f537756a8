import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../trpc.js';

/** The signed-in user with what they may use, from `auth.me`; `data` is null when signed out. */
export function useMe() {
  const trpc = useTRPC();
  return useQuery(trpc.auth.me.queryOptions(undefined, { staleTime: 60_000 }));
}

/** Whether the signed-in user may call a procedure: how pages and navigation decide what to show. */
export function useCan(procedure: string): boolean {
  const me = useMe();
  return me.data?.allowed.includes(procedure) ?? false;
}
