import { z } from 'zod';
import type { IndicatorEntry } from './define-indicator.js';
import { type Indicator, indicatorSchema, type RegionalStandard, regionalStandardSchema } from './indicator.schema.js';
import { inflowIndicators } from './inflows.js';
import { nationalsAbroadIndicators } from './nationals-abroad.js';
import { sdgIndicators } from './sdg.js';
import { stockIndicators } from './stocks.js';

const entries: IndicatorEntry[] = [
  ...stockIndicators,
  ...inflowIndicators,
  ...nationalsAbroadIndicators,
  ...sdgIndicators,
];

export const indicators: Indicator[] = z.array(indicatorSchema).parse(entries.map((e) => e.indicator));

export const regionalStandards: RegionalStandard[] = z
  .array(regionalStandardSchema)
  .parse(entries.map((e) => e.standard));
