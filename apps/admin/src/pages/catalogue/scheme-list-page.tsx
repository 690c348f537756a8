import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTRPC } from '../../trpc.js';

export function SchemeListPage() {
  const trpc = useTRPC();
  const schemes = useQuery(trpc.catalogue.listSchemes.queryOptions({}));
  return (
    <>
      <p>
        <Link to="/catalogue">Catalogue</Link> › Classifications
      </p>
      <h1>Classifications</h1>
      {schemes.isError && <p role="alert">Could not load classifications: {schemes.error.message}</p>}
      {schemes.data && (
        <table className="data-table">
          <caption className="visually-hidden">Classification schemes</caption>
          <thead>
            <tr>
              <th scope="col">Scheme</th>
              <th scope="col">Label</th>
              <th scope="col">Dimension</th>
              <th scope="col">Kind</th>
              <th scope="col">Country</th>
              <th scope="col">Codes</th>
            </tr>
          </thead>
          <tbody>
            {schemes.data.map((scheme) => (
              <tr key={scheme.id}>
                <td>
                  <Link to={`/catalogue/classifications/${scheme.id}`}>
                    <code>{scheme.id}</code>
                  </Link>
                </td>
                <td>{scheme.label}</td>
                <td>{scheme.dimension}</td>
                <td>{scheme.kind.replace('_', '-')}</td>
                <td>{scheme.country ?? ''}</td>
                <td className="number">{scheme.code_count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
