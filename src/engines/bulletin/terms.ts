/**
 * New fraud methods from case narratives (警情通报): the phrases that turn up in the recent narratives far more
 * often than in the earlier ones. Chinese has no spaces, so phrases are runs of 2–6 characters (and Latin
 * words such as "USDT"); a phrase counts once per narrative. Pure and deterministic.
 */

/** Phrases every narrative uses whatever the method: not news. */
const COMMON = new Set(['受害人', '对方', '被骗', '诈骗', '报称', '要求', '转账', '损失', '元', '无法', '提现', '资金', '平台', '我们', '自己', '没有', '一个', '以为', '发现', '联系', '通过', '之后', '然后', '告知', '按照', '按对方', '多次']);

export interface Term {
  term: string;
  /** Narratives of the recent period that use it, and of the earlier one. */
  recent: number;
  earlier: number;
  /** How much more common it became (smoothed share ratio). */
  lift: number;
}

function phrases(text: string, minLen: number, maxLen: number): Set<string> {
  const out = new Set<string>();
  for (const run of text.match(/[\u4e00-\u9fff]+|[A-Za-z][A-Za-z0-9]{1,15}/g) ?? []) {
    if (/^[A-Za-z]/.test(run)) {
      out.add(run.toUpperCase());
      continue;
    }
    for (let n = minLen; n <= maxLen; n++) for (let i = 0; i + n <= run.length; i++) out.add(run.slice(i, i + n));
  }
  return out;
}

function documentFrequency(texts: readonly string[], minLen: number, maxLen: number): Map<string, number> {
  const df = new Map<string, number>();
  for (const t of texts) for (const p of phrases(t, minLen, maxLen)) df.set(p, (df.get(p) ?? 0) + 1);
  return df;
}

/**
 * The phrases at least `minSupport` recent narratives use and whose share rose at least `minLift` times,
 * best first. Rising 2–6 character windows are found first; where they overlap in a narrative they are
 * joined into the whole phrase they cover (so "开启共享屏幕" comes out whole, not as its windows), and the
 * phrases are then counted and ranked themselves.
 */
export function emergingTerms(recent: readonly string[], earlier: readonly string[], opts: { minSupport?: number; minLift?: number; limit?: number; minLen?: number; maxLen?: number } = {}): Term[] {
  const { minSupport = 3, minLift = 3, limit = 10, minLen = 2, maxLen = 6 } = opts;
  if (recent.length === 0) return [];
  // Add-one smoothing on shares, so a phrase absent before has a finite lift that grows with its support.
  const lift = (rn: number, en: number) => ((rn + 1) / (recent.length + 1)) / ((en + 1) / (earlier.length + 1));
  const r = documentFrequency(recent, minLen, maxLen);
  const e = documentFrequency(earlier, minLen, maxLen);
  const rising = new Set<string>();
  for (const [w, rn] of r) if (rn >= minSupport && !COMMON.has(w) && lift(rn, e.get(w) ?? 0) >= minLift) rising.add(w);
  // A joined phrase keeps no ordinary words at its ends ("对方要求…", "…无法提现"): a two-character end found in a
  // quarter of the earlier narratives, or a common word, is cut off.
  const ordinary = (w: string) => COMMON.has(w) || (e.get(w) ?? 0) >= Math.max(1, earlier.length / 4);
  const commonAt = (t: string, end: boolean) => [...COMMON].filter((w) => (end ? t.endsWith(w) : t.startsWith(w))).sort((a, b) => b.length - a.length)[0];
  const trim = (seg: string): string => {
    let t = seg;
    for (;;) {
      const w = commonAt(t, false);
      const cut = w ? w.length : ordinary(t.slice(0, 2)) ? 2 : 0;
      if (!cut || t.length - cut < minLen) break;
      t = t.slice(cut);
    }
    for (;;) {
      const w = commonAt(t, true);
      const cut = w ? w.length : ordinary(t.slice(-2)) ? 2 : 0;
      if (!cut || t.length - cut < minLen) break;
      t = t.slice(0, -cut);
    }
    // What is left of a trimmed phrase must still say something (four characters at least).
    if (t !== seg && t.length < 4) return '';
    return t.length >= minLen && !ordinary(t) ? t : '';
  };
  // Join the rising windows of each narrative into maximal phrases.
  const phraseDf = new Map<string, number>();
  for (const text of recent) {
    const found = new Set<string>();
    for (const run of text.match(/[\u4e00-\u9fff]+|[A-Za-z][A-Za-z0-9]{1,15}/g) ?? []) {
      if (/^[A-Za-z]/.test(run)) {
        if (rising.has(run.toUpperCase())) found.add(run.toUpperCase());
        continue;
      }
      const covered = new Array<boolean>(run.length).fill(false);
      for (let n = minLen; n <= maxLen; n++) {
        for (let i = 0; i + n <= run.length; i++) if (rising.has(run.slice(i, i + n))) covered.fill(true, i, i + n);
      }
      for (let i = 0; i < run.length; ) {
        if (!covered[i]) {
          i++;
          continue;
        }
        let j = i;
        while (j < run.length && covered[j]) j++;
        const phrase = j - i >= minLen ? trim(run.slice(i, j)) : '';
        if (phrase) found.add(phrase);
        i = j;
      }
    }
    for (const f of found) phraseDf.set(f, (phraseDf.get(f) ?? 0) + 1);
  }
  const terms: Term[] = [];
  for (const [term, rn] of phraseDf) {
    if (rn < minSupport) continue;
    const en = earlier.filter((t) => t.toUpperCase().includes(term)).length;
    const l = lift(rn, en);
    if (l >= minLift) terms.push({ term, recent: rn, earlier: en, lift: Math.round(l * 100) / 100 });
  }
  terms.sort((a, b) => b.lift - a.lift || b.recent - a.recent || b.term.length - a.term.length || a.term.localeCompare(b.term));
  const kept: Term[] = [];
  for (const c of terms) {
    // A phrase inside a kept one (or around it) that is about as frequent says nothing new.
    if (kept.some((k) => (k.term.includes(c.term) || c.term.includes(k.term)) && Math.abs(k.recent - c.recent) <= Math.max(1, k.recent * 0.2))) continue;
    kept.push(c);
    if (kept.length >= limit) break;
  }
  return kept;
}
