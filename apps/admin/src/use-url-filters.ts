import { useSearchParams } from 'react-router';

/**
 * A list page's filters, kept in the URL so a view can be shared: the query string, and a setter
 * for one filter that keeps the others (an empty value removes it) without adding a history entry.
 */
export function useUrlFilters() {
  const [params, setParams] = useSearchParams();
  const setFilter = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return [params, setFilter] as const;
}
