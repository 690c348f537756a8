import type { Section } from '../sections.js';

/** A section whose screens are not built yet: says what it will hold, and that it is not there. */
export function SectionPage({ section }: { section: Section }) {
  return (
    <>
      <h1>{section.title}</h1>
      <p>{section.purpose}</p>
      <p className="notice">This section is not available in this version of ILMS Hub yet.</p>
    </>
  );
}
