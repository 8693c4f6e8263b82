/**
 * Deterministic two-card leads for the intake benchmark, as a ministry list (and a few analysts' own) would
 * send them, and the same items as card_leads rows for the plain-INSERT floor (routing and openers resolved
 * up front, numbers precomputed, nothing checked).
 */
import type { Insertable } from 'kysely';
import type { CardLeadsTable } from '../../src/db/types.ts';
import { idCheckChar } from '../../src/lib/id-number.ts';
import { mobilePhone, personName } from '../../src/demo/people.ts';
import { Rng } from '../../src/demo/random.ts';
import type { LeadInput } from '../../src/modules/cards/leads.schema.ts';

export interface PartnerOrg {
  id: number;
  code: string;
  name: string;
  kind: string;
  regionCode: string | null;
}

export interface LeadOrgs {
  /** Stations and townships (orgCode routing). */
  units: PartnerOrg[];
  /** Counties (regionCode routing). */
  counties: PartnerOrg[];
  branches: PartnerOrg[];
  outlets: PartnerOrg[];
}

/** Share of items whose holder ID number fails the GB 11643 check (a per-row error, the batch still lands). */
export const BAD_ID_SHARE = Number(process.env.BENCH_BAD_ID_SHARE ?? 0.02);

/** Ministry items carry the list's own number; one in ten is an analyst's manual lead without one. */
export function leadItems(count: number, seed: number, orgs: LeadOrgs, opts: { idPrefix?: string; badIdShare?: number; manualShare?: number } = {}): LeadInput[] {
  const rng = new Rng(seed);
  const prefix = opts.idPrefix ?? 'MPS-2026-';
  const badShare = opts.badIdShare ?? BAD_ID_SHARE;
  const manualShare = opts.manualShare ?? 0.1;
  const items: LeadInput[] = [];
  for (let i = 0; i < count; i++) {
    const manual = rng.next() < manualShare;
    const k = rng.next();
    const kind = k < 0.55 ? 'bank_account' : k < 0.9 ? 'phone_card' : 'payment_account';
    const serial = String(seed % 1000).padStart(3, '0') + String(i).padStart(9, '0');
    const identifier = kind === 'bank_account' ? `6222${serial.padStart(15, '0')}` : kind === 'phone_card' ? `165${serial.slice(-8)}` : `pay${serial}@bench`;
    const item: LeadInput = { source: manual ? 'manual' : 'ministry', kind, identifier };
    if (!manual) item.externalId = `${prefix}${serial}`;
    if (rng.next() < 0.85) item.holderName = personName(rng);
    if (rng.next() < 0.9) {
      const body = `110101${rng.int(1960, 2005)}${String(rng.int(1, 12)).padStart(2, '0')}${String(rng.int(1, 28)).padStart(2, '0')}${rng.digits(3)}`;
      const check = idCheckChar(body);
      // A wrong check character: the classic typo the validator has to catch.
      item.holderIdNumber = rng.next() < badShare / 0.9 ? body + (check === '0' ? '1' : '0') : body + check;
    }
    if (rng.next() < 0.6) item.holderPhone = mobilePhone(rng);
    const opener = kind === 'bank_account' ? rng.pick(orgs.branches) : kind === 'phone_card' ? rng.pick(orgs.outlets) : null;
    // Most lists name the branch or outlet by its code, some by its name, some only as reported.
    const how = rng.next();
    if (opener) item.openedAt = how < 0.8 ? opener.code : how < 0.95 ? opener.name : `${opener.name}（已撤并）`;
    else if (how < 0.5) item.openedAt = '某第三方支付平台';
    if (rng.next() < 0.6) item.orgCode = rng.pick(orgs.units).code;
    else item.regionCode = rng.pick(orgs.counties).regionCode ?? '';
    items.push(item);
  }
  return items;
}

/** The items the intake accepts, as rows: routed and linked to their opener beforehand, no checks. */
export function floorRows(items: LeadInput[], orgs: LeadOrgs, now: Date, dueAt: Date, valid: (item: LeadInput) => boolean): Insertable<CardLeadsTable>[] {
  const byCode = new Map([...orgs.units, ...orgs.counties].map((o) => [o.code, o]));
  const countyOf = new Map(orgs.counties.map((o) => [o.regionCode ?? '', o]));
  const partners = [...orgs.branches, ...orgs.outlets];
  const partnerBy = new Map([...partners.map((p) => [p.name, p] as const), ...partners.map((p) => [p.code, p] as const)]);
  const rows: Insertable<CardLeadsTable>[] = [];
  items.forEach((it, i) => {
    if (!valid(it)) return;
    const org = it.orgCode ? byCode.get(it.orgCode) : countyOf.get(it.regionCode ?? '');
    if (!org) throw new Error(`floor: item ${i} has no unit`);
    const opened = it.openedAt ? partnerBy.get(it.openedAt) : undefined;
    rows.push({
      lead_no: `FL${String(i).padStart(12, '0')}`,
      source: it.source,
      external_id: it.externalId ?? null,
      kind: it.kind,
      identifier: it.identifier,
      holder_name: it.holderName ?? null,
      holder_id_number: it.holderIdNumber ?? null,
      holder_phone: it.holderPhone ?? null,
      opened_at_org_id: opened?.id ?? null,
      opened_at_name: opened ? null : (it.openedAt ?? null),
      case_id: null,
      org_id: org.id,
      status: 'assigned',
      due_at: dueAt,
      created_at: now,
      updated_at: now,
    });
  });
  return rows;
}
