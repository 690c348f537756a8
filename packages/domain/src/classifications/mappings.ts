import { z } from 'zod';
import { additiveComponents } from '../hierarchy.js';
import { ageAggregate, ageFiveYearBands, ageTenYearBands } from './age.js';
import { bandContains } from './age-band.js';
import { type Scheme, type SchemeMapping, schemeMappingSchema } from './scheme.schema.js';

const explicitMappings: SchemeMapping[] = [
  {
    source: 'EDU_ISCED11',
    target: 'EDU_AGGREGATE',
    groups: [
      { target: 'LTB', sources: ['X', '0'] },
      { target: 'BAS', sources: ['1', '2'] },
      { target: 'INT', sources: ['3', '4'] },
      { target: 'ADV', sources: ['5', '6', '7', '8'] },
      { target: 'X', sources: ['9'] },
    ],
  },
  {
    source: 'ECO_ISIC4',
    target: 'ECO_AGGREGATE',
    groups: [
      { target: 'AGR', sources: ['A'] },
      { target: 'MAN', sources: ['C'] },
      { target: 'CON', sources: ['F'] },
      { target: 'MEL', sources: ['B', 'D', 'E'] },
      { target: 'MKT', sources: ['G', 'H', 'I', 'J', 'K', 'L', 'M', 'N'] },
      { target: 'PUB', sources: ['O', 'P', 'Q', 'R', 'S', 'T', 'U'] },
      { target: 'X', sources: ['X'] },
    ],
    note: 'As ILOSTAT: the aggregate has no separate other-services group; R to U go with O to Q into PUB.',
  },
  {
    source: 'ECO_ISIC4',
    target: 'ECO_SECTOR',
    groups: [
      { target: 'AGR', sources: ['A'] },
      { target: 'IND', sources: ['B', 'C', 'D', 'E', 'F'] },
      { target: 'SER', sources: ['G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T', 'U'] },
      { target: 'X', sources: ['X'] },
    ],
  },
  {
    source: 'ECO_AGGREGATE',
    target: 'ECO_SECTOR',
    groups: [
      { target: 'AGR', sources: ['AGR'] },
      { target: 'IND', sources: ['MAN', 'CON', 'MEL'] },
      { target: 'SER', sources: ['MKT', 'PUB'] },
      { target: 'X', sources: ['X'] },
    ],
  },
  {
    source: 'OCU_ISCO08',
    target: 'OCU_SKILL',
    groups: [
      { target: 'L3-4', sources: ['1', '2', '3'] },
      { target: 'L2', sources: ['4', '5', '6', '7', '8'] },
      { target: 'L1', sources: ['9'] },
      { target: 'X', sources: ['0', 'X'] },
    ],
    note: 'Armed forces span skill levels 1, 2 and 4 in ISCO-08, so major group 0 goes to X rather than to one level.',
  },
  {
    source: 'STE_ICSE93',
    target: 'STE_AGGREGATE',
    groups: [
      { target: 'EES', sources: ['1'] },
      { target: 'SLF', sources: ['2', '3', '4', '5'] },
      { target: 'X', sources: ['6'] },
    ],
    note: 'Contributing family workers (5) count as self-employed, as in the ICSE-93 aggregates.',
  },
];

/** Regroups finer age bands into the coarser band that contains each; fails loudly if one straddles. */
function deriveAgeMapping(source: Scheme, target: Scheme): SchemeMapping {
  const bandOf = (scheme: Scheme, code: string) => {
    const band = scheme.codes.find((c) => c.code === code)?.ageBand;
    if (!band) throw new Error(`${scheme.id}_${code} has no age band`);
    return band;
  };
  const targets = additiveComponents(target);
  const groups = new Map<string, string[]>();
  for (const code of additiveComponents(source)) {
    const into = targets.find((t) => bandContains(bandOf(target, t), bandOf(source, code)));
    if (!into) throw new Error(`${source.id}_${code} fits no single band of ${target.id}`);
    groups.set(into, [...(groups.get(into) ?? []), code]);
  }
  return {
    source: source.id,
    target: target.id,
    groups: [...groups].map(([into, sources]) => ({ target: into, sources })),
    note: 'Derived from the age bounds of both schemes.',
  };
}

export const mappings: SchemeMapping[] = z
  .array(schemeMappingSchema)
  .parse([
    ...explicitMappings,
    deriveAgeMapping(ageFiveYearBands, ageTenYearBands),
    deriveAgeMapping(ageTenYearBands, ageAggregate),
  ]);
