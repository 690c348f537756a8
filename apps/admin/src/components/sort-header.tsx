export type SortDirection = 'ascending' | 'descending';

export interface SortState<Key extends string> {
  key: Key;
  direction: SortDirection;
}

/** The next sort after a click on a column: the same column flips, another starts ascending. */
export function nextSort<Key extends string>(current: SortState<Key>, key: Key): SortState<Key> {
  if (current.key !== key) return { key, direction: 'ascending' };
  return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}

type Sortable = string | number | null;

/** A sorted copy; empty values last whichever the direction, as people expect of a blank cell. */
export function sortRows<Row, Key extends string>(
  rows: readonly Row[],
  sort: SortState<Key>,
  readValue: (row: Row, key: Key) => Sortable,
): Row[] {
  const factor = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = readValue(a, sort.key);
    const y = readValue(b, sort.key);
    if (x === y) return 0;
    if (x === null) return 1;
    if (y === null) return -1;
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return order * factor;
  });
}

interface SortHeaderProps<Key extends string> {
  label: string;
  sortKey: Key;
  sort: SortState<Key>;
  onSort: (key: Key) => void;
  /** `number`: a column of figures, aligned right like its cells. */
  className?: string;
}

/** A column heading that sorts the table: a real button, with the order announced by `aria-sort`. */
export function SortHeader<Key extends string>({ label, sortKey, sort, onSort, className }: SortHeaderProps<Key>) {
  const isActive = sort.key === sortKey;
  const arrow = !isActive ? '↕' : sort.direction === 'ascending' ? '▲' : '▼';
  return (
    <th scope="col" className={className} aria-sort={isActive ? sort.direction : 'none'}>
      <button type="button" className="sort-button" onClick={() => onSort(sortKey)}>
        {label}
        <span aria-hidden="true" className="sort-arrow">
          {arrow}
        </span>
      </button>
    </th>
  );
}
