/** The heaviest functions of a V8 .cpuprofile (self time), for the report's hot spots. */
import fs from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
  positionTicks?: { line: number; ticks: number }[];
}

export interface HotSpot {
  fn: string;
  selfPct: number;
  /** the function's busiest source lines (line of the profiled file, share of the function's ticks) */
  lines: { line: number; pct: number; text: string }[];
}

/** `withLines`: name the busiest source lines (only meaningful for a bundle: tsx's transform minifies whitespace). */
export function hotSpots(file: string, top = 12, withLines = true): HotSpot[] {
  const p = JSON.parse(fs.readFileSync(file, 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const lines = new Map<string, Map<number, number>>();
  let total = 0;
  p.samples.forEach((id, i) => {
    const n = byId.get(id);
    const dt = p.timeDeltas[i] ?? 0;
    total += dt;
    if (!n) return;
    const key = `${n.callFrame.functionName || '(anonymous)'} (${n.callFrame.url.split('/').pop() ?? ''})`;
    self.set(key, (self.get(key) ?? 0) + dt);
  });
  for (const n of p.nodes) {
    const key = `${n.callFrame.functionName || '(anonymous)'} (${n.callFrame.url.split('/').pop() ?? ''})`;
    const m = lines.get(key) ?? new Map<number, number>();
    for (const t of n.positionTicks ?? []) m.set(t.line, (m.get(t.line) ?? 0) + t.ticks);
    lines.set(key, m);
  }
  const urlOf = new Map(p.nodes.map((n) => [`${n.callFrame.functionName || '(anonymous)'} (${n.callFrame.url.split('/').pop() ?? ''})`, n.callFrame.url]));
  const sources = new Map<string, string[]>();
  const source = (url: string): string[] => {
    if (!sources.has(url)) {
      let text: string[] = [];
      try {
        if (url.startsWith('file://')) text = fs.readFileSync(new URL(url), 'utf8').split('\n');
      } catch {
        text = [];
      }
      sources.set(url, text);
    }
    return sources.get(url) ?? [];
  };
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([fn, t]) => {
      const m = lines.get(fn) ?? new Map<number, number>();
      const sum = [...m.values()].reduce((a, b) => a + b, 0);
      const src = source(urlOf.get(fn) ?? '');
      return {
        fn,
        selfPct: (100 * t) / Math.max(1, total),
        lines: [...(withLines ? m : new Map<number, number>())]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 3)
          .map(([line, ticks]) => ({ line, pct: (100 * ticks) / Math.max(1, sum), text: (src[line - 1] ?? '').trim().slice(0, 110) })),
      };
    });
}
