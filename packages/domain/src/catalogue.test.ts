import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogue, findIndicator, findScheme } from './catalogue.js';
import { parseAgeBandCode } from './classifications/age-band.js';
import { parseClassificationCode, standardSchemeIdSchema } from './codes.js';
import { additiveComponents, codeRole, findHierarchyProblems } from './hierarchy.js';
import type { Indicator } from './indicators/indicator.schema.js';
import { memberStatesOn, reportingStatesOn } from './membership.js';

const { indicators, schemes, mappings, identities, regionalStandards, countries, notes, noteTypes } = catalogue;

const duplicates = (values: string[]) => values.filter((v, i) => values.indexOf(v) !== i);
const schemeOf = (id: string) => {
  const scheme = findScheme(id);
  if (!scheme) throw new Error(`scheme ${id} missing`);
  return scheme;
};
const shape = (indicator: Indicator) => JSON.stringify(indicator.dimensions);

describe('codes are unique', () => {
  it('indicator codes, scheme ids, full codes, countries, notes, statuses and identities appear once', () => {
    expect(duplicates(indicators.map((i) => i.code))).toEqual([]);
    expect(duplicates(schemes.map((s) => s.id))).toEqual([]);
    expect(duplicates(schemes.flatMap((s) => s.codes.map((c) => c.id)))).toEqual([]);
    expect(duplicates(countries.flatMap((c) => [c.code, ...c.aliases]))).toEqual([]);
    expect(duplicates(notes.map((n) => n.code))).toEqual([]);
    expect(duplicates(catalogue.obsStatuses.map((s) => s.code))).toEqual([]);
    expect(duplicates(identities.map((i) => i.id))).toEqual([]);
  });

  it('every full code parses back to its scheme, dimension and local code', () => {
    for (const scheme of schemes) {
      for (const code of scheme.codes) {
        expect(parseClassificationCode(code.id), code.id).toMatchObject({
          dimension: scheme.dimension,
          scheme: scheme.id,
          code: code.code,
          country: null,
        });
      }
    }
  });
});

describe('the ILMS indicator set', () => {
  it('holds exactly the 63 ILOSTAT codes of ilms-indicator-codes.txt', () => {
    const file = readFileSync(new URL('./ilms-indicator-codes.txt', import.meta.url), 'utf8');
    const expected = file
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .sort();
    expect(expected).toHaveLength(63);
    expect(
      indicators
        .filter((i) => i.namespace === 'ilostat')
        .map((i) => i.code)
        .sort(),
    ).toEqual(expected);
  });

  it('keeps hub-local codes in the HUB_ namespace', () => {
    expect(indicators.filter((i) => i.namespace === 'hub').map((i) => i.code)).toEqual(['HUB_SDG_1071_CORRIDOR_RT']);
  });

  it('reads its classification slots off the code grammar', () => {
    for (const indicator of indicators.filter((i) => i.namespace === 'ilostat')) {
      const tokens = indicator.code.split('_').slice(2, -1);
      expect(tokens[0], indicator.code).toBe('SEX');
      expect(
        indicator.dimensions.map((d) => d.dimension),
        indicator.code,
      ).toEqual(tokens);
    }
  });
});

describe('references resolve', () => {
  it('the scheme id enum and the shipped schemes match one to one', () => {
    expect(schemes.map((s) => s.id).sort()).toEqual([...standardSchemeIdSchema.options].sort());
  });

  it('every indicator slot names existing schemes of its own dimension', () => {
    for (const indicator of indicators) {
      for (const slot of indicator.dimensions) {
        for (const id of slot.standardSchemes) {
          expect(schemeOf(id).dimension, `${indicator.code} ${slot.slot} ${id}`).toBe(slot.dimension);
        }
      }
    }
  });

  it('every rate has a numerator and a denominator that are counts with the same dimensions', () => {
    const rates = indicators.filter((i) => i.measure.kind === 'rate');
    expect(rates).toHaveLength(16);
    for (const rate of rates) {
      if (rate.measure.kind !== 'rate') continue;
      for (const part of [rate.measure.numerator, rate.measure.denominator]) {
        const count = findIndicator(part);
        expect(count?.measure.kind, `${rate.code} → ${part}`).toBe('count');
        expect(count && shape(count), `${rate.code} → ${part}`).toBe(shape(rate));
      }
    }
    expect(findIndicator('MST_TUNE_SEX_EDU_CCT_RT')?.measure).toEqual({
      kind: 'rate',
      numerator: 'MST_TUNE_SEX_EDU_CCT_NB',
      denominator: 'MST_TEAP_SEX_EDU_CCT_NB',
    });
  });

  it('every identity joins counts of the same shape', () => {
    for (const identity of identities) {
      const codes = identity.kind === 'sum' ? [identity.total, ...identity.components] : identity.indicators;
      const members = codes.map((code) => findIndicator(code));
      expect(
        members.every((m) => m?.measure.kind === 'count'),
        codes.join(' '),
      ).toBe(true);
      if (identity.kind === 'sum') expect(new Set(members.map((m) => m && shape(m))).size).toBe(1);
    }
  });

  it('every indicator has exactly one regional standard with its criterion', () => {
    expect(regionalStandards.map((s) => s.indicator).sort()).toEqual(indicators.map((i) => i.code).sort());
    for (const standard of regionalStandards) {
      expect(standard.criterion).toBe(findIndicator(standard.indicator)?.criterion);
    }
  });

  it('notes use declared types', () => {
    const types = new Set(noteTypes.map((t) => t.id));
    expect(notes.filter((n) => !types.has(n.type))).toEqual([]);
  });
});

describe('hierarchies', () => {
  it('close: a tree under the total covering every code, without cycles', () => {
    for (const scheme of schemes) expect(findHierarchyProblems(scheme), scheme.id).toEqual([]);
  });

  it('would catch a cycle, a stray child and an orphan', () => {
    const broken = {
      totalCode: 'TOTAL',
      codes: ['TOTAL', 'A', 'B', 'C'].map((code) => ({ code })),
      edges: [
        { parent: 'A', children: ['B'] },
        { parent: 'B', children: ['A', 'Z'] },
      ],
      overlapping: [],
    };
    expect(findHierarchyProblems(broken)).toEqual(
      expect.arrayContaining([
        'B has child Z, which is not one of the codes',
        'cycle through A',
        'C is not reachable from the total TOTAL',
      ]),
    );
  });

  it('mark subtotals and overlapping bands', () => {
    expect(codeRole('ECO_SECTOR', 'NAG')).toBe('subtotal');
    expect(additiveComponents('ECO_SECTOR')).toEqual(['AGR', 'IND', 'SER', 'X']);
    expect(codeRole('AGE_YTHADULT', 'Y15-64')).toBe('overlapping');
    expect(additiveComponents('AGE_YTHADULT')).toEqual(['Y15-24', 'YGE25']);
  });

  it('per-country schemes list every country once, plus TOTAL and X', () => {
    for (const scheme of schemes.filter((s) => s.kind === 'per_country')) {
      expect(scheme.codes.map((c) => c.code).sort(), scheme.id).toEqual(
        [...countries.map((c) => c.code), 'TOTAL', 'X'].sort(),
      );
      expect(codeRole(scheme, 'CHI')).toBe('subtotal');
    }
  });
});

describe('age bands', () => {
  it('parse from their codes', () => {
    expect(parseAgeBandCode('Y15-24')).toEqual({ lower: 15, upper: 24 });
    expect(parseAgeBandCode('YGE65')).toEqual({ lower: 65, upper: null });
    expect(parseAgeBandCode('YLT15')).toEqual({ lower: 0, upper: 14 });
    expect(parseAgeBandCode('TOTAL')).toBeNull();
  });

  it('agree with the bounds written in the schemes', () => {
    for (const scheme of schemes.filter((s) => s.dimension === 'AGE')) {
      for (const code of scheme.codes) {
        expect(code.ageBand, code.id).toBeDefined();
        const spelled = parseAgeBandCode(code.code);
        if (spelled) expect(code.ageBand, code.id).toEqual(spelled);
      }
    }
  });

  it('partition the total without gaps or overlaps', () => {
    for (const scheme of schemes.filter((s) => s.dimension === 'AGE')) {
      const band = (code: string) => scheme.codes.find((c) => c.code === code)?.ageBand;
      const parts = additiveComponents(scheme)
        .map(band)
        .sort((a, b) => (a?.lower ?? 0) - (b?.lower ?? 0));
      for (const [i, part] of parts.entries()) {
        const next = parts[i + 1];
        if (next) expect(part?.upper, scheme.id).toBe(next.lower - 1);
      }
      expect({ lower: parts[0]?.lower, upper: parts.at(-1)?.upper }, scheme.id).toEqual(band(scheme.totalCode));
    }
  });
});

describe('mappings', () => {
  it('send every non-total source code to exactly one non-total target code', () => {
    for (const mapping of mappings) {
      const source = schemeOf(mapping.source);
      const target = schemeOf(mapping.target);
      const name = `${mapping.source} → ${mapping.target}`;
      const mapped = mapping.groups.flatMap((g) => g.sources).sort();
      expect(mapped, name).toEqual(additiveComponents(source).sort());
      for (const group of mapping.groups) {
        expect(codeRole(target, group.target), `${name}: ${group.target}`).toMatch(/^(component|subtotal)$/);
      }
    }
  });
});

describe('ASEAN membership', () => {
  it('has ten members until Timor-Leste joins on 26 October 2025', () => {
    expect(memberStatesOn('2025-10-25')).toHaveLength(10);
    expect(memberStatesOn('2025-10-26')).toHaveLength(11);
    expect(memberStatesOn('1984-01-06')).toEqual(['IDN', 'MYS', 'PHL', 'SGP', 'THA']);
  });

  it('keeps reporting to ILMS a separate dated fact', () => {
    expect(reportingStatesOn('2025-12-31')).not.toContain('TLS');
    expect(reportingStatesOn('2026-01-01')).toHaveLength(11);
  });
});
