import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { OrgKind, Role } from '../lib/roles.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** bigint columns: pg returns them as strings, PGlite as numbers; read them through Number(). */
type Int8 = ColumnType<string | number, number | undefined, number>;

export interface OrgsTable {
  id: Generated<number>;
  code: string;
  name: string;
  kind: OrgKind;
  parent_id: number | null;
  region_code: string | null;
  path: string;
  depth: number;
  active: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  role: Role;
  org_id: number;
  phone: string | null;
  active: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: NullableTimestamp;
  last_login_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SessionsTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: Generated<number>;
  name: string;
  token_hash: string;
  prefix: string;
  role: Role;
  org_id: number;
  created_by: number | null;
  created_at: Timestamp;
  last_used_at: NullableTimestamp;
  expires_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}

export type ActorType = 'user' | 'token' | 'system' | 'anonymous';

export interface AuditLogTable {
  id: number;
  at: Date;
  actor_type: ActorType;
  actor_id: number | null;
  actor_name: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  org_id: number | null;
  ip: string | null;
  request_id: string | null;
  detail: ColumnType<Record<string, unknown>, string, never>;
  prev_hash: string;
  hash: string;
}

export interface SchemaMigrationsTable {
  version: string;
  applied_at: Timestamp;
}

export interface SettingsTable {
  key: string;
  value: ColumnType<unknown, string, string>;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface RoutingRulesTable {
  id: Generated<number>;
  kind: 'keyword' | 'region' | 'phone_prefix';
  pattern: string;
  org_id: number;
  priority: Generated<number>;
  active: Generated<boolean>;
  note: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface WarningsTable {
  id: Generated<number>;
  source: string;
  external_id: string;
  level: 'emergency' | 'high' | 'normal';
  status: 'received' | 'dispatched' | 'acknowledged' | 'in_progress' | 'closed';
  victim_phone: string;
  victim_name: string | null;
  victim_id_number: string | null;
  address: string | null;
  region_code: string | null;
  fraud_type: string | null;
  counterparty: ColumnType<Record<string, string> | null, string | null, string | null>;
  note: string | null;
  detected_at: Timestamp;
  received_at: Timestamp;
  due_at: Timestamp;
  assigned_org_id: number;
  routed_via: 'keyword' | 'region' | 'phone_prefix' | 'triage' | 'manual';
  acknowledged_at: NullableTimestamp;
  first_attempt_at: NullableTimestamp;
  closed_at: NullableTimestamp;
  outcome: 'dissuaded' | 'defrauded' | 'unreachable' | 'refused' | 'false_positive' | null;
  outcome_note: string | null;
  loss_amount: string | null;
  visit_required: Generated<boolean>;
  overdue: Generated<boolean>;
  escalation_level: Generated<number>;
  escalated_org_id: number | null;
  next_escalation_at: NullableTimestamp;
  repeat_of_id: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface WarningEventsTable {
  id: Generated<number>;
  warning_id: number;
  at: Timestamp;
  kind: string;
  from_status: string | null;
  to_status: string | null;
  actor_type: ActorType;
  actor_id: number | null;
  actor_name: string | null;
  org_id: number | null;
  detail: ColumnType<Record<string, unknown>, string | undefined, never>;
}

export interface WarningAttemptsTable {
  id: Generated<number>;
  warning_id: number;
  channel: 'call' | 'sms' | 'visit' | 'family';
  at: Timestamp;
  result: 'reached' | 'unreachable' | 'refused';
  note: string | null;
  actor_type: ActorType;
  actor_id: number | null;
  actor_name: string | null;
  created_at: Timestamp;
}

export interface VulnerablePeopleTable {
  phone: string;
  name: string | null;
  org_id: number | null;
  reason: string;
  warning_count: number;
  first_seen_at: Timestamp;
  last_seen_at: Timestamp;
  created_at: Timestamp;
}

export interface NotificationsTable {
  id: Generated<number>;
  org_id: number;
  kind: string;
  title: string;
  target_type: string | null;
  target_id: string | null;
  created_at: Timestamp;
  read_at: NullableTimestamp;
}

export interface WarningImportsTable {
  id: Generated<number>;
  file_name: string;
  content: Buffer;
  columns: ColumnType<string[], string, string>;
  total_rows: number;
  processed_rows: Generated<number>;
  accepted: Generated<number>;
  duplicates: Generated<number>;
  rejected: Generated<number>;
  org_id: number;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** The columns every workflow's timeline table shares; K names the column of the thing it is about. */
export type TimelineTableOf<K extends string> = {
  id: Generated<number>;
  at: Timestamp;
  kind: string;
  from_status: string | null;
  to_status: string | null;
  actor_type: ActorType;
  actor_id: number | null;
  actor_name: string | null;
  org_id: number | null;
  detail: ColumnType<Record<string, unknown>, string | undefined, string>;
} & { [P in K]: number };

export type CaseStatus = 'accepted' | 'filed' | 'investigating' | 'solved' | 'prosecuted' | 'withdrawn';
export type IdentifierKind = 'phone' | 'account' | 'url' | 'app' | 'social' | 'wallet' | 'device';

export interface CasesTable {
  id: Generated<number>;
  case_no: string;
  source: string;
  external_id: string | null;
  reported_at: Timestamp;
  received_at: Timestamp;
  region_code: string | null;
  org_id: number;
  status: CaseStatus;
  fraud_type: string | null;
  fraud_type_source: 'given' | 'classified' | 'unclassified';
  narrative: string;
  /** numeric(16,2) as a decimal string */
  loss_amount: ColumnType<string, string | undefined, string>;
  victim_name: string | null;
  victim_phone: string | null;
  victim_id_number: string | null;
  victim_age: number | null;
  victim_occupation: string | null;
  warning_id: number | null;
  investigator_id: number | null;
  leader_id: number | null;
  last_progress_at: Timestamp;
  followup_notified_at: NullableTimestamp;
  closed_at: NullableTimestamp;
  /** 破案 and 移送起诉: when, and how many suspects (migration 0011). */
  solved_at: NullableTimestamp;
  prosecuted_at: NullableTimestamp;
  suspects_arrested: Generated<number>;
  suspects_prosecuted: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CaseTransfersTable {
  id: Generated<number>;
  case_id: number;
  from_account: string;
  from_bank: string;
  to_account: string;
  to_bank: string;
  to_name: string | null;
  amount: string;
  at: Timestamp;
}

export interface CaseIdentifiersTable {
  id: Generated<number>;
  case_id: number;
  kind: IdentifierKind;
  value: string;
}

export type CaseEventsTable = TimelineTableOf<'case_id'>;

export type StopPaymentStatus = 'proposed' | 'pending' | 'stopped' | 'mismatch' | 'no_balance' | 'rejected' | 'expired' | 'released' | 'withdrawn';
export type FlowChannel = 'transfer' | 'cash_out' | 'cash_in' | 'card' | 'wallet';

export interface StopPaymentsTable {
  id: Generated<number>;
  case_id: number;
  account: string;
  bank: string;
  bank_org_id: number | null;
  account_name: string | null;
  amount: string;
  hop: Generated<number>;
  parent_id: number | null;
  status: StopPaymentStatus;
  requested_at: Timestamp;
  responded_at: NullableTimestamp;
  stopped_amount: string | null;
  balance: string | null;
  response_note: string | null;
  expires_at: NullableTimestamp;
  renewals: Generated<number>;
  expiry_warned_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type StopPaymentEventsTable = TimelineTableOf<'stop_payment_id'>;

export interface FundFlowsTable {
  id: Generated<number>;
  from_account: string;
  to_account: string;
  to_bank: string | null;
  /** numeric(16,2) as a decimal string */
  amount: string;
  at: Timestamp;
  channel: Generated<FlowChannel>;
  stop_payment_id: number | null;
  case_id: number | null;
  created_at: Generated<Date>;
}

export type FreezeStatus = 'requested' | 'frozen' | 'rejected' | 'released' | 'expired';

export interface FreezesTable {
  id: Generated<number>;
  case_id: number;
  account: string;
  bank: string;
  bank_org_id: number | null;
  stop_payment_id: number | null;
  document_no: string;
  kind: 'full' | 'limited';
  limit_amount: string | null;
  months: number;
  status: FreezeStatus;
  requested_at: Timestamp;
  frozen_at: NullableTimestamp;
  frozen_amount: string | null;
  returned_amount: Generated<string>;
  expires_at: NullableTimestamp;
  renewals: Generated<number>;
  expiry_warned_at: NullableTimestamp;
  response_note: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type FreezeEventsTable = TimelineTableOf<'freeze_id'>;

export interface MoneyReturnsTable {
  id: Generated<number>;
  freeze_id: number;
  method: 'traced' | 'pro_rata';
  total_amount: string;
  status: 'noticed' | 'approved' | 'paid' | 'cancelled';
  notice_until: NullableTimestamp;
  created_at: Timestamp;
  approved_at: NullableTimestamp;
  paid_at: NullableTimestamp;
  bank_reference: string | null;
  note: string | null;
  updated_at: Timestamp;
}

export interface ReturnSharesTable {
  id: Generated<number>;
  return_id: number;
  case_id: number;
  basis: string;
  amount: string;
}

export interface SerialCasesTable {
  id: Generated<number>;
  serial_no: string;
  name: string;
  org_id: number;
  created_at: Timestamp;
  created_by: string | null;
}

export interface SerialCaseMembersTable {
  serial_id: number;
  case_id: number;
  added_at: Timestamp;
  reason: ColumnType<unknown[], string | undefined, string>;
}

export type LeadOutcome = 'criminal' | 'administrative' | 'education' | 'punishment_proposal' | 'struck_off';

export interface CardLeadsTable {
  id: Generated<number>;
  lead_no: string;
  source: 'ministry' | 'case' | 'manual';
  external_id: string | null;
  kind: 'bank_account' | 'phone_card' | 'payment_account';
  identifier: string;
  holder_name: string | null;
  holder_id_number: string | null;
  holder_phone: string | null;
  opened_at_org_id: number | null;
  opened_at_name: string | null;
  case_id: number | null;
  org_id: number;
  status: 'assigned' | 'verifying' | 'closed';
  due_at: Timestamp;
  outcome: LeadOutcome | null;
  outcome_note: string | null;
  closed_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type LeadEventsTable = TimelineTableOf<'lead_id'>;

export type PunishmentStatus = 'proposed' | 'active' | 'rejected' | 'lifted' | 'expired';
export type AppealStatus = 'submitted' | 'accepted' | 'reviewing' | 'upheld' | 'rejected';

export interface PunishmentsTable {
  id: Generated<number>;
  notice_no: string;
  person_id_number: string;
  person_name: string;
  org_id: number;
  findings: ColumnType<Record<string, unknown>, string, string>;
  grounds: string[];
  lead_ids: ColumnType<number[], number[] | undefined, number[]>;
  years: number;
  measures: string[];
  status: PunishmentStatus;
  proposed_at: Timestamp;
  approved_at: NullableTimestamp;
  approved_by: number | null;
  starts_at: NullableTimestamp;
  ends_at: NullableTimestamp;
  delivered_at: NullableTimestamp;
  delivery_method: string | null;
  lifted_at: NullableTimestamp;
  lift_reason: string | null;
  note: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AppealsTable {
  id: Generated<number>;
  /** Exactly one of punishment_id and restriction_id is set (migration 0009). */
  punishment_id: number | null;
  restriction_id: ColumnType<number | null, number | null | undefined, number | null>;
  submitted_at: Timestamp;
  submitted_by: 'staff' | 'partner';
  submitter_org_id: number | null;
  grounds: string;
  status: AppealStatus;
  due_at: Timestamp;
  decided_at: NullableTimestamp;
  answer: string | null;
  escalated_at: NullableTimestamp;
  accept_due_at: NullableTimestamp;
  accept_escalated_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type PunishmentEventsTable = TimelineTableOf<'punishment_id'>;

export interface UnitNoticesTable {
  id: Generated<number>;
  notice_no: string;
  to_org_id: number;
  from_org_id: number;
  kind: 'rectification' | 'summons' | 'suspension_proposal';
  subject: string;
  body: string;
  issued_at: Timestamp;
  reply_due_at: Timestamp;
  reply_text: string | null;
  replied_at: NullableTimestamp;
  replied_by: string | null;
  overdue_notified_at: NullableTimestamp;
  /** The ranking figures a summons or suspension proposal rests on (migration 0009). */
  basis: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  created_at: Timestamp;
}

export type RestrictionKind = 'bank_account' | 'payment_account' | 'phone_card';
export type RestrictionMeasure = 'limit' | 'suspend' | 'close';

/** A partner's restriction of an account or phone card (law arts. 18, 11), reported with its reason (0009). */
export interface RestrictionsTable {
  id: Generated<number>;
  restriction_no: string;
  org_id: number;
  external_id: string | null;
  kind: RestrictionKind;
  identifier: string;
  holder_name: string | null;
  holder_id_number: string | null;
  measure: RestrictionMeasure;
  reason: string;
  restricted_at: Timestamp;
  status: 'in_force' | 'lifted';
  lifted_at: NullableTimestamp;
  lift_reason: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type RestrictionEventsTable = TimelineTableOf<'restriction_id'>;

export type PersonCategory = 'fraud_record' | 'two_card' | 'stranded_abroad' | 'returnee' | 'illegal_crossing';
export type PersonStatus = 'stranded' | 'contacted' | 'returning' | 'returned' | 'surrendered' | 'under_control' | 'released';

export interface KeyPersonsTable {
  id: Generated<number>;
  id_number: string;
  name: string;
  phone: string | null;
  category: PersonCategory;
  org_id: number;
  officer_id: number | null;
  measures: ColumnType<string[], string[] | undefined, string[]>;
  status: PersonStatus;
  abroad_location: string | null;
  return_plan: string | null;
  family_contacts: ColumnType<{ name: string; relation: string; phone?: string | undefined }[], string | undefined, string>;
  listed_at: Timestamp;
  returned_at: NullableTimestamp;
  control_until: NullableTimestamp;
  /** When the unit was told the control period had ended (migration 0010); reset when control starts again. */
  control_end_notified_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type PersonEventsTable = TimelineTableOf<'person_id'>;

/** Open warnings per unit and grade, kept by triggers (migration 0003). */
export interface WarningOpenCountsTable {
  org_id: number;
  level: string;
  open_n: Int8;
  triage_n: Int8;
  overdue_n: Int8;
}

/** Case-involved cards per opener and China-time day, kept by triggers (migration 0008). */
export interface LeadOpenerDaysTable {
  day: string;
  org_id: number;
  leads: Int8;
  closed: Int8;
  punished: Int8;
}

/** Daily figures per unit and metric, kept by triggers (migration 0011; docs/kpis.md). */
export interface StatDaysTable {
  day: string;
  org_id: number;
  metric: string;
  n: string;
}

export type ReferenceFigureKey = 'criminal_cases' | 'population_16_60' | 'app_registered';

/** Figures from outside the system per unit and month (migration 0011). */
export interface ReferenceFiguresTable {
  org_id: number;
  month: string;
  key: ReferenceFigureKey;
  value: string;
  updated_at: Timestamp;
  updated_by: string | null;
}

/** A statistics report with its frozen figures and workbook (migration 0012). */
export interface StatReportsTable {
  id: Generated<number>;
  kind: 'weekly' | 'monthly' | 'custom';
  org_id: number;
  first_day: string;
  last_day: string;
  title: string;
  figures: ColumnType<Record<string, unknown>, string, string>;
  xlsx: Buffer;
  created_at: Timestamp;
  created_by: string | null;
}

/** A 警情通报 bulletin, drafted from the figures and narratives and published (migration 0013). */
export interface StatBulletinsTable {
  id: Generated<number>;
  org_id: number;
  first_day: string;
  last_day: string;
  title: string;
  body: string;
  status: 'draft' | 'published';
  basis: ColumnType<Record<string, unknown>, string, string>;
  created_at: Timestamp;
  created_by: string | null;
  updated_at: Timestamp;
  published_at: NullableTimestamp;
  published_by: string | null;
}

export type OutreachAudience = 'elderly' | 'students' | 'workers' | 'women' | 'migrants' | 'business' | 'general';
export type OutreachVenue = 'community' | 'village' | 'school' | 'company' | 'market' | 'online' | 'other';

/** 宣 outreach (migration 0014). */
export interface OutreachDirectivesTable {
  id: Generated<number>;
  directive_no: string;
  kind: 'daily' | 'precision';
  from_org_id: number;
  title: string;
  body: string;
  fraud_type: string | null;
  audience: OutreachAudience | null;
  basis: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  issued_at: Timestamp;
  due_at: Timestamp;
  created_by: string | null;
  created_at: Timestamp;
}

export interface OutreachActivitiesTable {
  id: Generated<number>;
  org_id: number;
  held_on: string;
  place: string;
  venue: OutreachVenue;
  audience: OutreachAudience;
  people_reached: number;
  materials: ColumnType<{ kind: string; count: number }[], string | undefined, string>;
  fraud_types: ColumnType<string[], string[] | undefined, string[]>;
  directive_id: number | null;
  note: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface OutreachDirectiveTargetsTable {
  directive_id: number;
  org_id: number;
  done_at: NullableTimestamp;
  activity_id: number | null;
  note: string | null;
  overdue_notified_at: NullableTimestamp;
}

export interface OutreachReachedTable {
  activity_id: number;
  phone: string;
}

/** 联席办 (migration 0015). */
export interface LiaisonMeetingsTable {
  id: Generated<number>;
  meeting_no: string;
  org_id: number;
  held_at: Timestamp;
  title: string;
  attendee_ids: ColumnType<number[], number[] | undefined, number[]>;
  minutes: string;
  created_by: string | null;
  created_at: Timestamp;
}

export interface LiaisonTasksTable {
  id: Generated<number>;
  meeting_id: number | null;
  from_org_id: number;
  owner_org_id: number;
  title: string;
  detail: string | null;
  due_at: Timestamp;
  reply_text: string | null;
  replied_at: NullableTimestamp;
  replied_by: string | null;
  overdue_notified_at: NullableTimestamp;
  created_at: Timestamp;
}

export interface ResponsibilityLettersTable {
  id: Generated<number>;
  org_id: number;
  year: number;
  title: string;
  items: ColumnType<{ item: string; measure: string }[], string, string>;
  signed_on: string | null;
  signed_by: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type RiskDecision = 'allow' | 'review' | 'hold' | 'block';
export type RiskAlertStatus = 'open' | 'escalated' | 'confirmed_mule' | 'false_positive' | 'stop_payment_requested';

export interface RiskRuleSetsTable {
  version: string;
  config: ColumnType<unknown, string, string>;
  status: 'draft' | 'shadow' | 'live' | 'retired';
  note: string | null;
  created_by: string | null;
  created_at: Timestamp;
  activated_at: NullableTimestamp;
}

export interface RiskTransactionsTable {
  seq: Generated<Int8>;
  tx_id: string;
  org_id: number;
  at: Timestamp;
  from_account: string;
  from_bank: string;
  to_account: string;
  to_bank: string;
  amount: string;
  channel: string;
  decision: Generated<RiskDecision>;
  score: Generated<number>;
  rules_version: string;
  shadow_decision: RiskDecision | null;
  received_at: Timestamp;
}

export interface RiskAlertsTable {
  id: Generated<number>;
  org_id: number;
  account: string;
  bank: string;
  tx_id: string;
  raised_at: Timestamp;
  decision: Exclude<RiskDecision, 'allow'>;
  score: number;
  typology: string | null;
  reasons: ColumnType<unknown, string, string>;
  rules: string[];
  rules_version: string;
  shadow: Generated<boolean>;
  status: RiskAlertStatus;
  outcome_note: string | null;
  decided_at: NullableTimestamp;
  decided_by: string | null;
  case_id: number | null;
  stop_payment_id: number | null;
  created_at: Timestamp;
}

export type RiskAlertEventsTable = TimelineTableOf<'alert_id'>;

export interface RiskAllowListTable {
  id: Generated<number>;
  org_id: number;
  account: string;
  reason: string;
  expires_at: Timestamp;
  created_by: string | null;
  created_at: Timestamp;
  revoked_at: NullableTimestamp;
  revoked_by: string | null;
}

export interface RiskAccountStateTable {
  account: string;
  state: ColumnType<unknown, string, string>;
  saved_at: Timestamp;
}

export interface RiskEngineMetaTable {
  key: string;
  value: ColumnType<unknown, string, string>;
}

export interface DB {
  risk_rule_sets: RiskRuleSetsTable;
  risk_transactions: RiskTransactionsTable;
  risk_alerts: RiskAlertsTable;
  risk_alert_events: RiskAlertEventsTable;
  risk_allow_list: RiskAllowListTable;
  risk_account_state: RiskAccountStateTable;
  risk_engine_meta: RiskEngineMetaTable;
  liaison_meetings: LiaisonMeetingsTable;
  liaison_tasks: LiaisonTasksTable;
  responsibility_letters: ResponsibilityLettersTable;
  outreach_directives: OutreachDirectivesTable;
  outreach_activities: OutreachActivitiesTable;
  outreach_directive_targets: OutreachDirectiveTargetsTable;
  outreach_reached: OutreachReachedTable;
  stat_bulletins: StatBulletinsTable;
  stat_reports: StatReportsTable;
  stat_days: StatDaysTable;
  reference_figures: ReferenceFiguresTable;
  restrictions: RestrictionsTable;
  restriction_events: RestrictionEventsTable;
  lead_opener_days: LeadOpenerDaysTable;
  key_persons: KeyPersonsTable;
  person_events: PersonEventsTable;
  unit_notices: UnitNoticesTable;
  punishments: PunishmentsTable;
  appeals: AppealsTable;
  punishment_events: PunishmentEventsTable;
  card_leads: CardLeadsTable;
  lead_events: LeadEventsTable;
  serial_cases: SerialCasesTable;
  serial_case_members: SerialCaseMembersTable;
  freezes: FreezesTable;
  freeze_events: FreezeEventsTable;
  money_returns: MoneyReturnsTable;
  return_shares: ReturnSharesTable;
  stop_payments: StopPaymentsTable;
  stop_payment_events: StopPaymentEventsTable;
  fund_flows: FundFlowsTable;
  cases: CasesTable;
  case_transfers: CaseTransfersTable;
  case_identifiers: CaseIdentifiersTable;
  case_events: CaseEventsTable;
  warning_open_counts: WarningOpenCountsTable;
  warning_imports: WarningImportsTable;
  settings: SettingsTable;
  routing_rules: RoutingRulesTable;
  warnings: WarningsTable;
  warning_events: WarningEventsTable;
  warning_attempts: WarningAttemptsTable;
  vulnerable_people: VulnerablePeopleTable;
  notifications: NotificationsTable;
  orgs: OrgsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  audit_log: AuditLogTable;
  schema_migrations: SchemaMigrationsTable;
}

export type Org = Selectable<OrgsTable>;
export type NewOrg = Insertable<OrgsTable>;
export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type ApiToken = Selectable<ApiTokensTable>;
export type AuditRow = Selectable<AuditLogTable>;
