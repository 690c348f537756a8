import { defineScheme } from './define-scheme.js';

export const economicActivityIsic4 = defineScheme({
  id: 'ECO_ISIC4',
  label: 'Economic activity (ISIC Rev.4 sections)',
  codes: [
    ['TOTAL', 'Total'],
    ['A', 'Agriculture, forestry and fishing'],
    ['B', 'Mining and quarrying'],
    ['C', 'Manufacturing'],
    ['D', 'Electricity, gas, steam and air conditioning supply'],
    ['E', 'Water supply; sewerage, waste management and remediation activities'],
    ['F', 'Construction'],
    ['G', 'Wholesale and retail trade; repair of motor vehicles and motorcycles'],
    ['H', 'Transportation and storage'],
    ['I', 'Accommodation and food service activities'],
    ['J', 'Information and communication'],
    ['K', 'Financial and insurance activities'],
    ['L', 'Real estate activities'],
    ['M', 'Professional, scientific and technical activities'],
    ['N', 'Administrative and support service activities'],
    ['O', 'Public administration and defence; compulsory social security'],
    ['P', 'Education'],
    ['Q', 'Human health and social work activities'],
    ['R', 'Arts, entertainment and recreation'],
    ['S', 'Other service activities'],
    ['T', 'Activities of households as employers and for own use'],
    ['U', 'Activities of extraterritorial organizations and bodies'],
    ['X', 'Not classifiable by economic activity'],
  ],
});

export const economicActivityAggregate = defineScheme({
  id: 'ECO_AGGREGATE',
  label: 'Economic activity (aggregate groups)',
  codes: [
    ['TOTAL', 'Total'],
    ['AGR', 'Agriculture'],
    ['MAN', 'Manufacturing'],
    ['CON', 'Construction'],
    ['MEL', 'Mining and quarrying; electricity, gas and water supply'],
    ['MKT', 'Market services (trade, transport, accommodation and food, business and administrative services)'],
    ['PUB', 'Non-market services (public administration, community, social and other services)'],
    ['X', 'Not classifiable by economic activity'],
  ],
});

/** NAG (non-agriculture) is a subtotal of industry and services, reported beside them. */
export const economicActivitySector = defineScheme({
  id: 'ECO_SECTOR',
  label: 'Economic activity (broad sectors)',
  codes: [
    ['TOTAL', 'Total'],
    ['AGR', 'Agriculture'],
    ['NAG', 'Non-agriculture'],
    ['IND', 'Industry'],
    ['SER', 'Services'],
    ['X', 'Not classifiable by economic activity'],
  ],
  edges: [
    { parent: 'TOTAL', children: ['AGR', 'NAG', 'X'] },
    { parent: 'NAG', children: ['IND', 'SER'] },
  ],
});
