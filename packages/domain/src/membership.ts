import { z } from 'zod';
import { countryCodeSchema } from './countries.js';
import { ASEAN } from './regions.js';

const isoDateSchema = z.iso.date();

/** A dated fact about a country; both ends inclusive, `to: null` while it still holds. */
export const membershipPeriodSchema = z
  .object({
    /** A region code (X84) or another dated grouping such as ILMS reporting. */
    group: z.string().min(1),
    country: countryCodeSchema,
    from: isoDateSchema,
    to: isoDateSchema.nullable(),
  })
  .refine((p) => p.to === null || p.to >= p.from, 'period ends before it starts');
export type MembershipPeriod = z.infer<typeof membershipPeriodSchema>;

const accessions: [country: string, from: string][] = [
  ['IDN', '1967-08-08'],
  ['MYS', '1967-08-08'],
  ['PHL', '1967-08-08'],
  ['SGP', '1967-08-08'],
  ['THA', '1967-08-08'],
  ['BRN', '1984-01-07'],
  ['VNM', '1995-07-28'],
  ['LAO', '1997-07-23'],
  ['MMR', '1997-07-23'],
  ['KHM', '1999-04-30'],
  ['TLS', '2025-10-26'],
];

export const membershipPeriods: MembershipPeriod[] = z
  .array(membershipPeriodSchema)
  .parse(accessions.map(([country, from]) => ({ group: ASEAN, country, from, to: null })));

/*
 * Membership and reporting are separate facts: a new member joins at once but starts reporting
 * when the hub first asks it to. The ten earlier members report from 2015, the year the ILO's
 * ILMS database for ASEAN opened (the day is nominal); Timor-Leste from the first collection year
 * after its accession.
 */
export const ILMS_REPORTING = 'ILMS';

export const reportingPeriods: MembershipPeriod[] = z.array(membershipPeriodSchema).parse(
  accessions.map(([country]) => ({
    group: ILMS_REPORTING,
    country,
    from: country === 'TLS' ? '2026-01-01' : '2015-01-01',
    to: null,
  })),
);

function holdersOn(periods: MembershipPeriod[], group: string, date: string): string[] {
  const day = isoDateSchema.parse(date);
  const held = periods.filter((p) => p.group === group && p.from <= day && (p.to === null || day <= p.to));
  return [...new Set(held.map((p) => p.country))].sort();
}

export function memberStatesOn(date: string): string[] {
  return holdersOn(membershipPeriods, ASEAN, date);
}

export function reportingStatesOn(date: string): string[] {
  return holdersOn(reportingPeriods, ILMS_REPORTING, date);
}
