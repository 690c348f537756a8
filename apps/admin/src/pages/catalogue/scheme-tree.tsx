import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { CodeTree } from '../../components/code-tree.js';
import { useTRPC } from '../../trpc.js';

/** A collapsible code list; the codes load when it is first opened (per-country schemes are long). */
export function SchemeTree({ id, label, isOpen: startsOpen }: { id: string; label: string; isOpen: boolean }) {
  const trpc = useTRPC();
  const [isOpen, setIsOpen] = useState(startsOpen);
  const scheme = useQuery(trpc.catalogue.getScheme.queryOptions({ id }, { enabled: isOpen }));
  return (
    <details open={startsOpen} onToggle={(e) => setIsOpen(e.currentTarget.open)} className="scheme">
      <summary>
        <code>{id}</code> {label}
      </summary>
      {scheme.isPending && isOpen && <p role="status">Loading codes…</p>}
      {scheme.isError && (
        <p role="alert">
          Could not load {id}: {scheme.error.message}
        </p>
      )}
      {scheme.data && (
        <>
          <CodeTree codes={scheme.data.codes} hierarchy={scheme.data.hierarchy} lang="en" />
          <p>
            <Link to={`/catalogue/classifications/${id}`}>Open {id}</Link>
          </p>
        </>
      )}
    </details>
  );
}
