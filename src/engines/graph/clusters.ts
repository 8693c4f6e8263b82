/**
 * Case clusters (串并案 leads): cases are linked when they share an identifier the fraudster used (a
 * receiving account, phone, URL, device …); clusters are the connected components. Pure: union-find with
 * path halving and union by size, near-linear in the number of (case, identifier) pairs. Identifiers held
 * by very many cases (a payment processor's collection account, a big platform's URL) link unrelated
 * cases, so those above `maxCasesPerIdentifier` are reported as hubs and do not join clusters.
 */
export interface Mention {
  caseId: number;
  kind: string;
  value: string;
}

export interface Cluster {
  caseIds: number[];
  /** The identifiers shared by two or more cases of the cluster, most shared first. */
  shared: { kind: string; value: string; cases: number }[];
}

export interface ClusterResult {
  clusters: Cluster[];
  hubs: { kind: string; value: string; cases: number }[];
}

export function findClusters(mentions: readonly Mention[], opts: { minCases?: number; maxCasesPerIdentifier?: number } = {}): ClusterResult {
  const minCases = opts.minCases ?? 2;
  const maxPer = opts.maxCasesPerIdentifier ?? 50;
  const byIdentifier = new Map<string, { kind: string; value: string; cases: Set<number> }>();
  for (const m of mentions) {
    const key = `${m.kind}\u0000${m.value}`;
    let e = byIdentifier.get(key);
    if (!e) byIdentifier.set(key, (e = { kind: m.kind, value: m.value, cases: new Set() }));
    e.cases.add(m.caseId);
  }
  const parent = new Map<number, number>();
  const size = new Map<number, number>();
  const find = (x: number): number => {
    let p = parent.get(x) ?? x;
    while (p !== x) {
      const gp = parent.get(p) ?? p;
      parent.set(x, gp);
      x = p;
      p = gp;
    }
    return x;
  };
  const union = (a: number, b: number) => {
    let ra = find(a);
    let rb = find(b);
    if (ra === rb) return;
    if ((size.get(ra) ?? 1) < (size.get(rb) ?? 1)) [ra, rb] = [rb, ra];
    parent.set(rb, ra);
    size.set(ra, (size.get(ra) ?? 1) + (size.get(rb) ?? 1));
  };
  const hubs: ClusterResult['hubs'] = [];
  const linking: { kind: string; value: string; cases: number[] }[] = [];
  for (const e of byIdentifier.values()) {
    if (e.cases.size < 2) continue;
    if (e.cases.size > maxPer) {
      hubs.push({ kind: e.kind, value: e.value, cases: e.cases.size });
      continue;
    }
    const ids = [...e.cases];
    for (let i = 1; i < ids.length; i++) union(ids[0] as number, ids[i] as number);
    linking.push({ kind: e.kind, value: e.value, cases: ids });
  }
  const members = new Map<number, number[]>();
  for (const l of linking) {
    for (const c of l.cases) {
      const root = find(c);
      const list = members.get(root) ?? [];
      if (!list.includes(c)) list.push(c);
      members.set(root, list);
    }
  }
  const sharedByRoot = new Map<number, Cluster['shared']>();
  for (const l of linking) {
    const root = find(l.cases[0] as number);
    const list = sharedByRoot.get(root) ?? [];
    list.push({ kind: l.kind, value: l.value, cases: l.cases.length });
    sharedByRoot.set(root, list);
  }
  const clusters: Cluster[] = [];
  for (const [root, ids] of members) {
    if (ids.length < minCases) continue;
    clusters.push({
      caseIds: ids.sort((a, b) => a - b),
      shared: (sharedByRoot.get(root) ?? []).sort((a, b) => b.cases - a.cases || a.value.localeCompare(b.value)),
    });
  }
  clusters.sort((a, b) => b.caseIds.length - a.caseIds.length || (a.caseIds[0] ?? 0) - (b.caseIds[0] ?? 0));
  hubs.sort((a, b) => b.cases - a.cases);
  return { clusters, hubs };
}
