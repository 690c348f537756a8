import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { CodeTree } from '../../components/code-tree.js';
import { useTRPC } from '../../trpc.js';

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

export function SchemePage() {
  const { id = '' } = useParams();
  const trpc = useTRPC();
  const scheme = useQuery(trpc.catalogue.getScheme.queryOptions({ id }));
  const [lang, setLang] = useState('en');

  if (scheme.isPending) return <p role="status">Loading {id}…</p>;
  if (scheme.isError) {
    return (
      <>
        <h1>{id}</h1>
        <p role="alert">{scheme.error.message}</p>
      </>
    );
  }
  const data = scheme.data;
  const languages = [...new Set(data.codes.flatMap((c) => Object.keys(c.labels)))].sort();
  return (
    <>
      <p>
        <Link to="/catalogue">Catalogue</Link> › <Link to="/catalogue/classifications">Classifications</Link> ›{' '}
        <code>{data.id}</code>
      </p>
      <h1>{data.label}</h1>
      <dl className="facts">
        <dt>Scheme</dt>
        <dd>
          <code>{data.id}</code> ({data.kind.replace('_', '-')})
        </dd>
        <dt>Dimension</dt>
        <dd>{data.dimension}</dd>
        {data.country && (
          <>
            <dt>Country</dt>
            <dd>{data.country}</dd>
            <dt>Version</dt>
            <dd>
              {data.version}, valid from {data.valid_from}
              {data.valid_to ? ` to ${data.valid_to}` : ''}
            </dd>
          </>
        )}
        <dt>Codes</dt>
        <dd>{data.codes.length}</dd>
      </dl>
      {languages.length > 1 && (
        <label>
          Labels in{' '}
          <select value={lang} onChange={(e) => setLang(e.target.value)}>
            {languages.map((tag) => (
              <option key={tag} value={tag}>
                {languageNames.of(tag) ?? tag}
              </option>
            ))}
          </select>
        </label>
      )}
      <h2>Codes</h2>
      <CodeTree codes={data.codes} hierarchy={data.hierarchy} lang={lang} />
    </>
  );
}
