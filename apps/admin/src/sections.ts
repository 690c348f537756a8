/** The admin app's sections, in navigation order. `isReady` false: not built yet, and the page says so. */
export interface Section {
  path: string;
  title: string;
  purpose: string;
  isReady: boolean;
}

export const sections: readonly Section[] = [
  {
    path: '/catalogue',
    title: 'Catalogue',
    purpose: 'ILMS indicators, classifications, sources and notes: the definitions every upload is checked against.',
    isReady: false,
  },
  {
    path: '/submissions',
    title: 'Submissions',
    purpose:
      'Files uploaded by national focal points: their findings, the diff against published data, review and publishing.',
    isReady: false,
  },
  {
    path: '/definitions',
    title: 'Definitions',
    purpose:
      "Each member state's national definitions per indicator and source, graded for comparability with the regional standard.",
    isReady: false,
  },
  {
    path: '/crosswalks',
    title: 'Crosswalks',
    purpose: 'Mappings from national classification codes to the standard ones, aggregated by measure type.',
    isReady: false,
  },
  {
    path: '/data',
    title: 'Data',
    purpose: 'Published and harmonised series: query, chart and download as CSV or SDMX.',
    isReady: false,
  },
  { path: '/users', title: 'Users', purpose: 'Accounts, roles, country assignments and API tokens.', isReady: false },
  { path: '/system', title: 'System health', purpose: 'Whether the server and its database are up.', isReady: true },
];
