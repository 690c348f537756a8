import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { useCountryChoices } from '../../auth/use-country-choices.js';
import { useCan } from '../../auth/use-me.js';
import { CountrySelect } from '../../components/country-select.js';
import { FormError } from '../../components/form-error.js';
import { useTRPC } from '../../trpc.js';

/**
 * Each country's source registry: the surveys, censuses and records its figures come from.
 * Every row of an upload names one (its `source` column), so a source is registered before the
 * first file that uses it.
 */
export function SourcesPage() {
  const trpc = useTRPC();
  const { choices, isRegional, defaultCountry } = useCountryChoices();
  const [country, setCountry] = useState<string | undefined>();
  const shownCountry = country ?? defaultCountry;
  const sources = useQuery(trpc.catalogue.listSources.queryOptions(shownCountry ? { country: shownCountry } : {}));
  const canRegister = useCan('catalogue.registerSource');

  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/catalogue">Catalogue</Link> › Sources
      </nav>
      <h1>Sources</h1>
      <p>
        Every row of an upload names its source (the <code>source</code> column, e.g. <code>BA:448</code>), which must
        be in the country’s registry below. Register a source once, before the first file that uses it.
      </p>
      <search>
        <form className="filters" aria-label="Choose the country" onSubmit={(e) => e.preventDefault()}>
          <CountrySelect
            value={shownCountry}
            choices={choices}
            emptyLabel={isRegional ? 'All countries' : undefined}
            onChange={setCountry}
          />
        </form>
      </search>
      {sources.isError && <p role="alert">Could not load the sources: {sources.error.message}</p>}
      {sources.data && (
        <table className="data-table">
          <caption>
            {sources.data.length} source{sources.data.length === 1 ? '' : 's'}
            {shownCountry ? ` of ${shownCountry}` : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">Id</th>
              <th scope="col">Country</th>
              <th scope="col">Kind</th>
              <th scope="col">Name</th>
              <th scope="col">Agency</th>
              <th scope="col">Years</th>
            </tr>
          </thead>
          <tbody>
            {sources.data.map((source) => (
              <tr key={source.id}>
                <td>
                  <code>{source.id}</code>
                </td>
                <td>{source.country}</td>
                <td>{source.type_label}</td>
                <td>{source.name}</td>
                <td>{source.agency}</td>
                <td>{[source.first_year, source.last_year].map((year) => year ?? '…').join('–')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canRegister && <RegisterSourceForm country={shownCountry} />}
    </>
  );
}

const optionalYear = (text: string) => (text.trim() === '' ? undefined : Number(text));

/** Adds a source to the chosen country's registry. */
function RegisterSourceForm({ country }: { country: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const types = useQuery(trpc.catalogue.listSourceTypes.queryOptions());
  const [type, setType] = useState('BA');
  const [number, setNumber] = useState('');
  const [name, setName] = useState('');
  const [agency, setAgency] = useState('');
  const [startYear, setStartYear] = useState('');
  const [endYear, setEndYear] = useState('');
  const register = useMutation(
    trpc.catalogue.registerSource.mutationOptions({
      onSuccess: async () => {
        setNumber('');
        setName('');
        await queryClient.invalidateQueries({ queryKey: trpc.catalogue.listSources.queryKey() });
      },
    }),
  );
  const id = `${type}:${number.trim()}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    register.mutate({
      id,
      country,
      type,
      name: name.trim(),
      agency: agency.trim(),
      startYear: optionalYear(startYear),
      endYear: optionalYear(endYear),
    });
  };

  return (
    <section aria-labelledby="register-source-heading">
      <h2 id="register-source-heading">Register a source{country ? ` for ${country}` : ''}</h2>
      {!country ? (
        <p>Choose a country above to register one of its sources.</p>
      ) : (
        <form className="stacked-form" onSubmit={submit}>
          <label>
            Kind
            <select value={type} onChange={(e) => setType(e.target.value)}>
              {(types.data ?? []).map((t) => (
                <option key={t.prefix} value={t.prefix}>
                  {t.prefix} · {t.label}
                </option>
              ))}
            </select>
          </label>
          <label>
            Number
            <input
              required
              value={number}
              placeholder="448, or HUB-1 for a source ILOSTAT does not list"
              aria-describedby="source-id-hint"
              onChange={(e) => setNumber(e.target.value)}
            />
          </label>
          <p id="source-id-hint" className="hint">
            The source id is <code>{id}</code>: write it in the <code>source</code> column of your files.
          </p>
          <label>
            Name
            <input required value={name} placeholder="Labour force survey" onChange={(e) => setName(e.target.value)} />
          </label>
          <label>
            Agency
            <input
              required
              value={agency}
              placeholder="National statistics office"
              onChange={(e) => setAgency(e.target.value)}
            />
          </label>
          <label>
            First year (optional)
            <input inputMode="numeric" value={startYear} onChange={(e) => setStartYear(e.target.value)} />
          </label>
          <label>
            Last year (optional)
            <input inputMode="numeric" value={endYear} onChange={(e) => setEndYear(e.target.value)} />
          </label>
          <button type="submit" disabled={register.isPending}>
            Register source
          </button>
          <FormError error={register.error} />
          {register.isSuccess && <p role="status">Registered {register.data.id}.</p>}
        </form>
      )}
    </section>
  );
}
