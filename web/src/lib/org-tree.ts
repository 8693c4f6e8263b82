import { ORG_KINDS, PARENT_KINDS, type OrgKind } from '../../../src/lib/roles.ts';
import type { OrgDto } from '../api/orgs.ts';

export interface OrgNode {
  org: OrgDto;
  children: OrgNode[];
}

/** Nests the flat org list; an org whose parent is outside the caller's scope becomes a root. */
export function buildOrgForest(orgs: readonly OrgDto[]): OrgNode[] {
  const nodes = new Map<string, OrgNode>();
  for (const org of orgs) nodes.set(org.code, { org, children: [] });
  const roots: OrgNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.org.parentCode ? nodes.get(node.org.parentCode) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  sortForest(roots);
  return roots;
}

// Police units first, then partners, each in code order (region codes put districts in their
// official order), instead of creation order.
const KIND_RANK = new Map<OrgKind, number>(ORG_KINDS.map((k, i) => [k, i]));

function sortForest(nodes: OrgNode[]): void {
  nodes.sort((a, b) => (KIND_RANK.get(a.org.kind) ?? 0) - (KIND_RANK.get(b.org.kind) ?? 0) || a.org.code.localeCompare(b.org.code));
  for (const n of nodes) sortForest(n.children);
}

/** Keeps the nodes matching `match` and the path down to them. */
export function filterForest(forest: readonly OrgNode[], match: (o: OrgDto) => boolean): OrgNode[] {
  const out: OrgNode[] = [];
  for (const node of forest) {
    const children = filterForest(node.children, match);
    if (children.length > 0 || match(node.org)) out.push({ org: node.org, children });
  }
  return out;
}

export function walkForest(forest: readonly OrgNode[], visit: (node: OrgNode, depth: number) => void, depth = 0): void {
  for (const node of forest) {
    visit(node, depth);
    walkForest(node.children, visit, depth + 1);
  }
}

export function childKinds(kind: OrgKind): OrgKind[] {
  return ORG_KINDS.filter((k) => PARENT_KINDS[k].includes(kind));
}

export function orgMatches(org: OrgDto, query: string): boolean {
  const q = query.trim().toLowerCase();
  return !q || org.name.toLowerCase().includes(q) || org.code.toLowerCase().includes(q);
}

/** GB/T 2260 length by level, as the server checks it. */
export const REGION_LENGTH: Partial<Record<OrgKind, number>> = { city: 6, county: 6, station: 9, township: 9, grid: 12 };

/**
 * The next free region code for a new jurisdiction unit under `parent` (a city's districts share its
 * first four digits; lower levels extend the parent's code), or undefined when there is no rule.
 */
export function suggestRegionCode(parent: OrgDto, kind: OrgKind, all: readonly OrgDto[]): string | undefined {
  const length = REGION_LENGTH[kind];
  if (!length || !parent.regionCode) return undefined;
  const prefix = parent.kind === 'city' ? parent.regionCode.slice(0, 4) : parent.regionCode;
  if (prefix.length >= length) return undefined;
  const taken = all
    .map((o) => o.regionCode)
    .filter((r): r is string => typeof r === 'string' && r.length === length && r.startsWith(prefix) && r !== parent.regionCode)
    .map((r) => Number(r.slice(prefix.length)));
  const next = (taken.length ? Math.max(...taken) : 0) + 1;
  const suffix = String(next).padStart(length - prefix.length, '0');
  return suffix.length === length - prefix.length ? prefix + suffix : undefined;
}
