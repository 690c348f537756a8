/*
 * Zawgyi is a font hack that puts Burmese glyphs on Unicode code points: the text is valid UTF-8
 * but means something else. Google's myanmar-tools detector is not usable from npm (its 1.2.0
 * package ships without the built detector), so this checks patterns that are impossible in
 * well-formed Unicode Burmese and routine in Zawgyi:
 * - the vowel sign E (U+1031) or Zawgyi's medial RA (U+103B) at the start of a word: in Unicode
 *   both follow their consonant, in Zawgyi they are typed before it;
 * - U+1039 (virama) not followed by a consonant: Zawgyi uses it as the visible asat;
 * - U+1060–U+1097: Zawgyi's stacked and variant glyphs (Mon/Shan letters in Unicode, absent from Burmese).
 */
const ZAWGYI = /(?:^|[^\u1000-\u109f])[\u1031\u103b]|\u1039(?![\u1000-\u1021])|[\u1060-\u1097]/;
const MYANMAR = /[\u1000-\u109f]/;

export function isZawgyi(text: string): boolean {
  return MYANMAR.test(text) && ZAWGYI.test(text);
}
