/** What the first bytes of a file say about how to read it. */
export type Container = 'text' | 'gzip' | 'xlsx';
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-874' | 'windows-1258' | 'windows-1252';

export const SUPPORTED_ENCODINGS: readonly TextEncoding[] = [
  'utf-8',
  'utf-16le',
  'utf-16be',
  'windows-874',
  'windows-1258',
  'windows-1252',
];

const ENCODING_ALIASES: Record<string, TextEncoding> = {
  utf8: 'utf-8',
  'utf-8': 'utf-8',
  'utf-16le': 'utf-16le',
  utf16le: 'utf-16le',
  'utf-16be': 'utf-16be',
  utf16be: 'utf-16be',
  'windows-874': 'windows-874',
  cp874: 'windows-874',
  'tis-620': 'windows-874',
  tis620: 'windows-874',
  'windows-1258': 'windows-1258',
  cp1258: 'windows-1258',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
  latin1: 'windows-1252',
};

export function normaliseEncoding(name: string): TextEncoding | undefined {
  return ENCODING_ALIASES[name.trim().toLowerCase()];
}

export function detectContainer(head: Buffer): Container {
  if (head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'xlsx';
  return 'text';
}

export interface Bom {
  encoding: TextEncoding;
  length: number;
}

export function detectBom(head: Buffer): Bom | undefined {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

const SIGNATURES: [bytes: number[], name: string][] = [
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Excel 97-2003 .xls workbook: save it as .xlsx or CSV UTF-8'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
];

/**
 * UTF-16 written without a byte-order mark: in mostly-ASCII text every other byte is NUL (the
 * high byte: odd positions for little-endian, even for big-endian). Binary files have NULs too,
 * but not in that regular pattern.
 */
export function detectUtf16WithoutBom(head: Buffer): TextEncoding | undefined {
  const sample = head.subarray(0, 4096 & ~1);
  if (sample.length < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenNul++;
    if (sample[i + 1] === 0) oddNul++;
  }
  const pairs = sample.length / 2;
  if (oddNul > pairs * 0.4 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.4 && oddNul < pairs * 0.05) return 'utf-16be';
  return undefined;
}

/**
 * Names a binary file, or returns undefined for text (UTF-16, with or without its mark, is text).
 */
export function describeBinary(head: Buffer, bom: Bom | undefined): string | undefined {
  for (const [bytes, name] of SIGNATURES) {
    if (bytes.every((b, i) => head[i] === b)) return name;
  }
  if (bom?.encoding.startsWith('utf-16') || (bom === undefined && detectUtf16WithoutBom(head))) return undefined;
  const sample = head.subarray(0, 4096);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return 'it contains NUL bytes';
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20)) control++;
  }
  return control > sample.length / 20 ? 'it contains many control characters' : undefined;
}

/**
 * Names the legacy code page most likely behind bytes that are not UTF-8. Thai in Windows-874
 * uses 0xA1–0xCE for its consonants, where Windows-1258 and -1252 have rare symbols; Vietnamese
 * in Windows-1258 uses combining tone marks (0xCC 0xD2 0xDE 0xEC 0xF2) and đ/ơ/ư/ă.
 */
export function guessLegacyEncoding(bytes: Buffer): TextEncoding {
  let high = 0;
  let thaiConsonants = 0;
  let vietnamese = 0;
  for (const byte of bytes) {
    if (byte < 0x80) continue;
    high++;
    if (byte >= 0xa1 && byte <= 0xce) thaiConsonants++;
    if ([0xcc, 0xd2, 0xde, 0xec, 0xf2, 0xd0, 0xf0, 0xd5, 0xf5, 0xdd, 0xfd, 0xc3, 0xe3].includes(byte)) vietnamese++;
  }
  if (high > 0 && thaiConsonants / high >= 0.3) return 'windows-874';
  if (high > 0 && vietnamese / high >= 0.2) return 'windows-1258';
  return 'windows-1252';
}

/** Byte offset of the first invalid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const need =
      b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      if (i + k >= bytes.length) return -1;
      if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return -1;
}
