import isoCountries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import id from 'i18n-iso-countries/langs/id.json' with { type: 'json' };
import km from 'i18n-iso-countries/langs/km.json' with { type: 'json' };
import ms from 'i18n-iso-countries/langs/ms.json' with { type: 'json' };
import th from 'i18n-iso-countries/langs/th.json' with { type: 'json' };
import vi from 'i18n-iso-countries/langs/vi.json' with { type: 'json' };
import zh from 'i18n-iso-countries/langs/zh.json' with { type: 'json' };
import { z } from 'zod';
import { labelsSchema } from './language-tag.js';

// The browser build of the package registers no locale by itself.
for (const locale of [en, id, km, ms, th, vi, zh]) isoCountries.registerLocale(locale);

/** Region languages the package provides; it has no Lao (lo) or Burmese (my) names. */
export const countryNameLanguages = ['en', 'km', 'ms', 'id', 'th', 'vi', 'zh'] as const;

export const countryCodeSchema = z.string().regex(/^[A-Z]{3}$/, 'use an ISO 3166-1 alpha-3 or ILOSTAT area code');

export const countrySchema = z.object({
  /** ISO 3166-1 alpha-3, or an ILOSTAT code outside ISO (KOS, CHI). */
  code: countryCodeSchema,
  iso2: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .nullable(),
  isoNumeric: z
    .string()
    .regex(/^\d{3}$/)
    .nullable(),
  /** The name ILO outputs show; differs from the ISO short name for a few areas. */
  label: z.string().min(1),
  /** ISO short names by language tag (`en` always present). */
  names: labelsSchema,
  /** Other codes that mean this area in incoming files. */
  aliases: z.array(countryCodeSchema),
  /** Areas this code groups: CHI stands for GGY and JEY together. */
  components: z.array(countryCodeSchema),
});
export type Country = z.infer<typeof countrySchema>;

/** ILO names that differ from the ISO short names (UN-style "Name, qualifier" and ILO usage). */
const iloLabels: Record<string, string> = {
  TWN: 'Taiwan, China',
  HKG: 'Hong Kong, China',
  MAC: 'Macau, China',
  KOR: 'Korea, Republic of',
  PRK: "Korea, Democratic People's Republic of",
  VNM: 'Viet Nam',
  IRN: 'Iran, Islamic Republic of',
  TZA: 'Tanzania, United Republic of',
  VEN: 'Venezuela, Bolivarian Republic of',
  COD: 'Congo, Democratic Republic of the',
  PSE: 'Occupied Palestinian Territory',
};

// Kosovo's XK/XKX is a user-assigned code, not ISO; ILOSTAT codes Kosovo as KOS.
const KOSOVO_ALPHA2 = 'XK';

function namesOf(alpha2: string): Record<string, string> {
  const names: Record<string, string> = {};
  for (const lang of countryNameLanguages) {
    const name = isoCountries.getName(alpha2, lang);
    if (name) names[lang] = name;
  }
  return names;
}

function fromIso(alpha2: string, alpha3: string): Country {
  const names = namesOf(alpha2);
  return {
    code: alpha3,
    iso2: alpha2,
    isoNumeric: isoCountries.alpha2ToNumeric(alpha2) ?? null,
    label: iloLabels[alpha3] ?? names.en ?? alpha3,
    names,
    aliases: [],
    components: [],
  };
}

const outsideIso: Country[] = [
  {
    code: 'KOS',
    iso2: null,
    isoNumeric: null,
    label: 'Kosovo',
    names: namesOf(KOSOVO_ALPHA2),
    aliases: ['XKX'],
    components: [],
  },
  {
    code: 'CHI',
    iso2: null,
    isoNumeric: null,
    label: 'Channel Islands',
    names: { en: 'Channel Islands' },
    aliases: [],
    components: ['GGY', 'JEY'],
  },
];

export const countries: Country[] = z.array(countrySchema).parse(
  [
    ...Object.entries(isoCountries.getAlpha2Codes())
      .filter(([alpha2]) => alpha2 !== KOSOVO_ALPHA2)
      .map(([alpha2, alpha3]) => fromIso(alpha2, alpha3)),
    ...outsideIso,
  ].sort((a, b) => a.code.localeCompare(b.code)),
);
