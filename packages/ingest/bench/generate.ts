import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

const AREAS = ['BRN', 'KHM', 'IDN', 'LAO', 'MYS', 'MMR', 'PHL', 'SGP', 'THA', 'VNM', 'TLS'];
const DEST = ['SAU', 'ARE', 'JPN', 'KOR', 'MYS', 'SGP', 'HKG', 'TWN', 'QAT', 'KWT', 'X'];
const ECO = ['AGR', 'IND', 'SER', 'X'];

/** A deterministic ILOSTAT-layout file of `rows` rows; about one row in 500 carries an error. */
export async function generateFile(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  out.write(
    'ref_area,source,indicator,sex,classif1,classif2,time,obs_value,obs_status,note_classif,note_indicator,note_source\n',
  );
  let seed = 42;
  const next = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed;
  };
  let n = 0;
  for (let cycle = 0; n < rows; cycle++) {
    const time = 1950 + (cycle % 150);
    const source = `FX:${100 + Math.floor(cycle / 150)}`;
    for (const area of AREAS) {
      for (const [indicator, codes] of [
        ['MNA_OEMP_SEX_CDS_NB', DEST.map((d) => `CDS_DES_${d}`)],
        ['MNA_OEMP_SEX_ECO_NB', ECO.map((e) => `ECO_SECTOR_${e}`)],
      ] as const) {
        for (const sex of ['SEX_M', 'SEX_F']) {
          for (const code of codes) {
            if (n >= rows) break;
            const value = (next() % 1_000_000) / 1000;
            const bad = next() % 500 === 0;
            const note = n % 97 === 0 ? '"COV:3_GEO:1"' : '';
            out.write(
              `${area},${source},${indicator},${sex},${code},,${time},${bad ? '"1,5"' : value.toFixed(3)},,,,${note}\n`,
            );
            n++;
            if (out.writableNeedDrain) await once(out, 'drain');
          }
        }
      }
    }
  }
  out.end();
  await once(out, 'finish');
}
