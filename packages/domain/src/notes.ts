import { z } from 'zod';

/**
 * Footnotes are chosen from this list, not retyped, so "dozens meaning exactly the same" cannot
 * accumulate. A note code is `<TYPE>:<n>` and a file cell lists several joined by `_`, the way
 * ILOSTAT bulk files do (`T2:84_T3:91`). Hub note types have three letters; ILOSTAT's are a
 * letter and a digit, so ILOSTAT note codes can pass through unchanged without colliding.
 */
export const noteCodeSchema = z.string().regex(/^[A-Z][A-Z0-9]{1,2}:\d{1,6}$/, 'use TYPE:number, e.g. COV:3');

export const noteListSchema = z
  .string()
  .transform((cell) => (cell.trim() === '' ? [] : cell.trim().split('_')))
  .pipe(z.array(noteCodeSchema));

/** The file column a note type belongs in. */
export const noteColumnSchema = z.enum(['note_classif', 'note_indicator', 'note_source']);

export const noteTypeSchema = z.object({
  id: z.string().regex(/^[A-Z]{3}$/),
  label: z.string().min(1),
  column: noteColumnSchema,
});
export type NoteType = z.infer<typeof noteTypeSchema>;

export const noteSchema = z
  .object({ code: noteCodeSchema, type: z.string(), text: z.string().min(1) })
  .refine((note) => note.code.startsWith(`${note.type}:`), 'code must start with its type');
export type Note = z.infer<typeof noteSchema>;

export const noteTypes: NoteType[] = z.array(noteTypeSchema).parse([
  { id: 'COV', label: 'Population coverage', column: 'note_source' },
  { id: 'GEO', label: 'Geographic coverage', column: 'note_source' },
  { id: 'REF', label: 'Reference period', column: 'note_source' },
  { id: 'SRC', label: 'Source and counting unit', column: 'note_source' },
  { id: 'BRK', label: 'Break in series', column: 'note_source' },
  { id: 'DEF', label: 'Definition', column: 'note_indicator' },
  { id: 'CUR', label: 'Currency', column: 'note_indicator' },
  { id: 'CLS', label: 'Classification', column: 'note_classif' },
]);

/* Ids are stored in files and in the database: never renumber or reuse one; retire it instead. */
const texts: Record<string, [id: number, text: string][]> = {
  COV: [
    [1, 'Private households only; persons living in institutions are not covered.'],
    [2, 'Includes non-resident foreign workers attached to the labour market of the country.'],
    [3, 'Regular (documented) migrants only.'],
    [4, 'Armed forces and conscripts are not covered.'],
    [5, 'Only workers placed through licensed agencies or government programmes.'],
    [6, 'Seafarers are not covered.'],
    [7, 'Land-based and sea-based workers together.'],
    [8, 'Lowest age covered is not 15; the national definition records the age scope.'],
  ],
  GEO: [
    [1, 'Urban areas only.'],
    [2, 'Some areas were not covered (security, access or frame limits).'],
    [3, 'Capital city or metropolitan area only.'],
  ],
  REF: [
    [1, 'Average of the survey rounds held in the year.'],
    [2, 'One survey round (a single quarter or month) stands for the year.'],
    [3, 'Census reference date.'],
    [4, 'Fiscal year rather than calendar year.'],
    [5, 'Stock at the end of the year.'],
    [6, 'Stock in the middle of the year.'],
  ],
  SRC: [
    [1, 'Few sample observations behind some cells; use with care.'],
    [2, 'Counts permits or contracts issued, renewals included, rather than persons.'],
    [3, 'Counts departures; a person leaving twice in the year is counted twice.'],
    [4, 'Compiled from more than one source.'],
    [5, 'Estimated from the partner country’s records.'],
  ],
  BRK: [
    [1, 'New questionnaire or survey design.'],
    [2, 'New sampling frame or population weights.'],
    [3, 'Change in concepts or definitions.'],
    [4, 'Change of classification version (for example ISCO-88 to ISCO-08).'],
    [5, 'Change of source.'],
  ],
  DEF: [
    [1, 'Migrants identified by citizenship rather than place of birth.'],
    [2, 'Migrants identified by place of birth rather than citizenship.'],
    [3, 'Usual residence defined by a period other than twelve months.'],
    [4, 'Employment includes production for own final use (definition before the 19th ICLS).'],
    [5, 'Unemployment does not require current availability for work.'],
    [6, 'Earnings net of income tax and social contributions.'],
    [7, 'For-work migrants identified by type of permit rather than reason for moving.'],
  ],
  CUR: [
    [1, 'National currency at current prices.'],
    [2, 'Currency redenominated during the series; earlier values converted.'],
    [3, 'United States dollars rather than national currency.'],
  ],
  CLS: [
    [1, 'Mapped from the national classification through the hub crosswalk.'],
    [2, 'Not classified (X) includes armed forces occupations.'],
    [3, 'Countries not shown separately are grouped under other countries (X).'],
    [4, 'Regrouped from national age bands.'],
  ],
};

export const notes: Note[] = z
  .array(noteSchema)
  .parse(
    Object.entries(texts).flatMap(([type, list]) => list.map(([id, text]) => ({ code: `${type}:${id}`, type, text }))),
  );
