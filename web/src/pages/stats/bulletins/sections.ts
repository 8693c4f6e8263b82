/**
 * A bulletin's body is plain text in sections, each under a heading line such as "一、总体情况" (as
 * src/modules/stats/bulletins.ts drafts it, a blank line between sections). The editor edits the sections
 * one by one and joins them back the same way, so an untouched draft comes back unchanged.
 */
export interface Section {
  /** The heading line ("二、主要类型"); empty for text before the first heading. */
  heading: string;
  text: string;
}

const HEADING = /^[一二三四五六七八九十]+、\S/;

export function splitSections(body: string): Section[] {
  const out: Section[] = [];
  let current: { heading: string; lines: string[] } = { heading: '', lines: [] };
  const flush = () => {
    const text = current.lines.join('\n').replace(/^\n+|\n+$/g, '');
    if (current.heading || text) out.push({ heading: current.heading, text });
  };
  for (const line of body.split('\n')) {
    if (HEADING.test(line.trim())) {
      flush();
      current = { heading: line.trim(), lines: [] };
    } else current.lines.push(line);
  }
  flush();
  return out;
}

export function joinSections(sections: readonly Section[]): string {
  return sections
    .map((s) => (s.heading ? [s.heading, s.text.trim()].filter(Boolean).join('\n') : s.text.trim()))
    .filter(Boolean)
    .join('\n\n');
}
