/** The admin app's sections, in navigation order. `isReady` false: not built yet, and the page says so. */
export interface Section {
  path: string;
  title: string;
  purpose: string;
  isReady: boolean;
  /** The procedure the section is built on: shown only to users allowed to call it. */
  requires?: string;
}

export const sections: readonly Section[] = [
  {
    path: '/catalogue',
    title: 'Catalogue',
    purpose: 'ILMS indicators, classifications, sources and notes: the definitions every upload is checked against.',
    isReady: true,
    requires: 'catalogue.listIndicators',
  },
  {
    path: '/submissions',
    title: 'Submissions',
    purpose:
      'Files uploaded by national focal points: their findings, the diff against published data, review and publishing.',
    isReady: true,
    requires: 'submissions.list',
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
  {
    path: '/users',
    title: 'Users',
    purpose: 'Accounts, roles and country assignments.',
    isReady: true,
    requires: 'users.list',
  },
  {
    path: '/audit',
    title: 'Audit log',
    purpose: 'Every change made in the hub, by whom and when.',
    isReady: true,
    requires: 'audit.list',
  },
  { path: '/system', title: 'System health', purpose: 'Whether the server and its database are up.', isReady: true },
];
