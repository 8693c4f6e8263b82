/**
 * Routing of a warning to the unit that must act on it, decided in memory from the org tree and the
 * admins' routing rules (loaded once per batch):
 *   1. an address keyword rule (longest match wins; it must lie inside the warning's region when one is given),
 *   2. the region code (GB/T 2260) → the jurisdiction org with that code,
 *   3. the phone's 7-digit number segment (号段 home area) → the org of a phone_prefix rule,
 *   4. otherwise the center's triage queue.
 */
export type RuleKind = 'keyword' | 'region' | 'phone_prefix';

export interface RoutingRule {
  id: number;
  kind: RuleKind;
  pattern: string;
  orgId: number;
  orgPath: string;
  priority: number;
}

export interface RoutableOrg {
  id: number;
  path: string;
  regionCode: string | null;
}

export interface RouteInput {
  regionCode?: string | null | undefined;
  address?: string | null | undefined;
  phone: string;
}

export type RouteVia = 'keyword' | 'region' | 'phone_prefix' | 'triage';

export interface RouteDecision {
  orgId: number;
  via: RouteVia;
  ruleId: number | null;
}

export class Router {
  private readonly byRegion = new Map<string, { orgId: number; path: string; ruleId: number | null }>();
  private readonly byPhonePrefix = new Map<string, { orgId: number; ruleId: number }>();
  /** Keyword rules indexed by their first character, longest (then highest priority) first. */
  private readonly keywords = new Map<string, RoutingRule[]>();

  constructor(orgs: readonly RoutableOrg[], rules: readonly RoutingRule[], private readonly triageOrgId: number) {
    // The shallowest org carrying a 6-digit code owns it (a county, not a bank branch in that county).
    for (const o of [...orgs].sort((a, b) => a.path.length - b.path.length)) {
      if (o.regionCode && o.regionCode.length === 6 && !this.byRegion.has(o.regionCode)) {
        this.byRegion.set(o.regionCode, { orgId: o.id, path: o.path, ruleId: null });
      }
    }
    const sorted = [...rules].sort((a, b) => b.priority - a.priority || b.pattern.length - a.pattern.length);
    for (const r of sorted) {
      if (r.kind === 'region') this.byRegion.set(r.pattern, { orgId: r.orgId, path: r.orgPath, ruleId: r.id });
      else if (r.kind === 'phone_prefix' && !this.byPhonePrefix.has(r.pattern)) this.byPhonePrefix.set(r.pattern, { orgId: r.orgId, ruleId: r.id });
      else if (r.kind === 'keyword' && r.pattern.length > 0) {
        const first = r.pattern.charAt(0);
        const list = this.keywords.get(first) ?? [];
        list.push(r);
        this.keywords.set(first, list);
      }
    }
    for (const list of this.keywords.values()) list.sort((a, b) => b.pattern.length - a.pattern.length || b.priority - a.priority);
  }

  route(input: RouteInput): RouteDecision {
    const region = input.regionCode ? this.byRegion.get(input.regionCode) : undefined;
    if (input.address) {
      const hit = this.matchKeyword(input.address, region?.path);
      if (hit) return { orgId: hit.orgId, via: 'keyword', ruleId: hit.id };
    }
    if (region) return { orgId: region.orgId, via: 'region', ruleId: region.ruleId };
    const prefix = this.byPhonePrefix.get(input.phone.slice(0, 7));
    if (prefix) return { orgId: prefix.orgId, via: 'phone_prefix', ruleId: prefix.ruleId };
    return { orgId: this.triageOrgId, via: 'triage', ruleId: null };
  }

  private matchKeyword(address: string, within: string | undefined): RoutingRule | null {
    let best: RoutingRule | null = null;
    for (let i = 0; i < address.length; i++) {
      const candidates = this.keywords.get(address.charAt(i));
      if (!candidates) continue;
      for (const rule of candidates) {
        if (best && rule.pattern.length <= best.pattern.length) break;
        if (within && !rule.orgPath.startsWith(within)) continue;
        if (address.startsWith(rule.pattern, i)) {
          best = rule;
          break;
        }
      }
    }
    return best;
  }
}
