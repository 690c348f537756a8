import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { words } from '../../format/words.js';
import { useTRPC } from '../../trpc.js';
import { SchemeTree } from './scheme-tree.js';

interface Standard {
  criterion: string;
  ageScope: { min: number; max: number | null };
  referencePeriod: string;
  coverage: string;
}

const slotNames = { sex: 'Sex', classif1: 'Classification 1', classif2: 'Classification 2' } as const;

export function IndicatorPage() {
  const { code = '' } = useParams();
  const trpc = useTRPC();
  const indicator = useQuery(trpc.catalogue.getIndicator.queryOptions({ code, lang: 'en' }));

  if (indicator.isPending) return <p role="status">Loading {code}…</p>;
  if (indicator.isError) {
    return (
      <>
        <h1>{code}</h1>
        <p role="alert">{indicator.error.message}</p>
        <Link to="/catalogue">Back to the catalogue</Link>
      </>
    );
  }
  const data = indicator.data;
  const standard = data.standard as Standard | null;
  return (
    <>
      <p>
        <Link to="/catalogue">Catalogue</Link> › <code>{data.code}</code>
      </p>
      <h1>{data.label}</h1>
      <p className="definition">{data.definition}</p>
      <dl className="facts">
        <dt>Code</dt>
        <dd>
          <code>{data.code}</code>
        </dd>
        <dt>Topic</dt>
        <dd>{words(data.topic)}</dd>
        <dt>Criterion</dt>
        <dd>{words(data.criterion)}</dd>
        <dt>Measure type</dt>
        <dd>
          {data.measure_type}
          {data.numerator_code && data.denominator_code && (
            <>
              {' '}
              = <Link to={`/catalogue/indicators/${data.numerator_code}`}>{data.numerator_code}</Link> ÷{' '}
              <Link to={`/catalogue/indicators/${data.denominator_code}`}>{data.denominator_code}</Link> × 100
            </>
          )}
        </dd>
        <dt>Unit</dt>
        <dd>
          {words(data.unit)}
          {data.unit_multiplier === 3 ? ', in thousands (0.001 = one person)' : ''}
        </dd>
        <dt>Valid range</dt>
        <dd>
          {data.min_value ?? '–'} to {data.max_value ?? 'no upper limit'}
        </dd>
      </dl>
      {standard && (
        <section aria-labelledby="standard-heading">
          <h2 id="standard-heading">Regional standard</h2>
          <dl className="facts">
            <dt>Criterion</dt>
            <dd>{words(standard.criterion)}</dd>
            <dt>Age scope</dt>
            <dd>
              {standard.ageScope.min}
              {standard.ageScope.max === null ? '+' : `–${standard.ageScope.max}`} years
            </dd>
            <dt>Reference period</dt>
            <dd>{words(standard.referencePeriod)}</dd>
            <dt>Coverage</dt>
            <dd>{words(standard.coverage)}</dd>
          </dl>
        </section>
      )}
      <section aria-labelledby="dimensions-heading">
        <h2 id="dimensions-heading">Dimensions and code lists</h2>
        {data.slots.map((slot) => (
          <div key={slot.slot}>
            <h3>
              {slotNames[slot.slot]}: {slot.dimension}
              {slot.accepts_national ? ' (national classifications of this dimension accepted too)' : ''}
            </h3>
            {slot.schemes.map((scheme, index) => (
              <SchemeTree
                key={scheme.id}
                id={scheme.id}
                label={scheme.label}
                isOpen={index === 0 && scheme.codes.length < 40}
              />
            ))}
          </div>
        ))}
      </section>
      {data.identities.length > 0 && (
        <section aria-labelledby="identities-heading">
          <h2 id="identities-heading">Identities checked with other indicators</h2>
          <ul>
            {data.identities.map((identity) => (
              <li key={identity.id}>
                {identity.kind === 'sum'
                  ? `${identity.total_code} = ${identity.member_codes.join(' + ')}`
                  : `same total: ${identity.member_codes.join(', ')}`}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
