/**
 * @module The standard contract's life cycle and date arithmetic, pure: the state a contract is in on a day
 * (kladde → sendt → accepteret → aktiv from the start date → opsagt → ophørt after the end), the transitions
 * the stored status may take, the end date that notice gives, when an end date is required (the area's
 * time-limited commitment), the latest first follow-up, what is missing before a draft may be sent, and the
 * terms in force on a day after amendments (nothing is overwritten: each amendment is a version from its date).
 */
import { addDays } from '../core/clock.js';
import type { FieldErrors } from '../core/errors.js';
import type { ContractState, ContractStatus, NoticeParty } from './placements.table.js';

/** The Danish names of the contract's fields, for messages and error summaries. */
export const CONTRACT_FIELD_LABELS: Record<string, string> = {
  buyerDepartment: 'Handlekommunens afdeling',
  buyerEan: 'Handlekommunens EAN-nummer',
  payingOrganisationId: 'Betalingskommune',
  payingDepartment: 'Betalingskommunens afdeling',
  payingEan: 'Betalingskommunens EAN-nummer',
  providerEan: 'Leverandørens EAN-nummer',
  providerCvr: 'Leverandørens CVR-nummer',
  buyerContactName: 'Kontaktperson hos handlekommunen',
  providerContactName: 'Kontaktperson hos leverandøren',
  tariffLevel: 'Takstniveau',
  addOns: 'Særydelser',
  endDate: 'Slutdato',
  expectedDurationMonths: 'Forventet varighed',
  goals: 'Mål',
  followUpDates: 'Opfølgningsdatoer',
  paymentTiming: 'Betaling forud eller bagud',
  paymentDays: 'Betalingsfrist',
  noticePeriods: 'Opsigelsesvarsler',
  publicFirstCheck: 'Tjek af offentlige tilbud',
  version: 'Version',
  effectiveDate: 'Gælder fra',
  description: 'Beskrivelse',
  party: 'Part',
  date: 'Dato',
};

/** Which stored status may follow which (re-checked in the transaction by a conditional update). */
export const CONTRACT_TRANSITIONS: Record<ContractStatus, readonly ContractStatus[]> = {
  kladde: ['sendt'],
  sendt: ['accepteret'],
  accepteret: ['opsagt'],
  opsagt: [],
};

export const mayMove = (from: ContractStatus, to: ContractStatus): boolean => CONTRACT_TRANSITIONS[from].includes(to);

/** `date` plus whole calendar months; a day past the month's end lands on its last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

const minDate = (a: string | null, b: string | null): string | null => (a === null ? b : b === null ? a : a < b ? a : b);

/** The last day of the contract: the agreed end date, or the notice's end date when that comes first. */
export const effectiveEndDate = (endDate: string | null, noticeEndDate: string | null): string | null => minDate(endDate, noticeEndDate);

export type ContractDates = { status: ContractStatus; startDate: string; endDate: string | null; noticeEndDate: string | null };

/** The contract's state on `today`: aktiv and ophørt are computed from the dates, never stored. */
export function contractState(c: ContractDates, today: string): ContractState {
  if (c.status === 'kladde' || c.status === 'sendt') return c.status;
  const end = effectiveEndDate(c.endDate, c.noticeEndDate);
  if (end !== null && today > end) return 'ophoert';
  if (c.status === 'opsagt') return 'opsagt';
  return today >= c.startDate ? 'aktiv' : 'accepteret';
}

/** States in which the contract is agreed and running (or about to): notice and amendments apply. */
export const isAgreed = (s: ContractState): boolean => s === 'accepteret' || s === 'aktiv' || s === 'opsagt';

/**
 * The end date notice gives: the day notice is given plus the party's notice period in days; never later than
 * the agreed end date (a time-limited contract ends by itself).
 */
export function noticeEndDate(v: { givenOn: string; noticeDays: number; endDate: string | null }): string {
  return minDate(addDays(v.givenOn, v.noticeDays), v.endDate)!;
}

/** The notice period of the party giving notice. */
export const noticeDaysOf = (party: NoticeParty, days: { buyer: number; provider: number }): number => (party === 'koeber' ? days.buyer : days.provider);

/** A contract starting on or after the area's time-limited date must have an end date (null date: never required). */
export const isEndDateRequired = (startDate: string, timeLimitedFrom: string | null): boolean => timeLimitedFrom !== null && startDate >= timeLimitedFrom;

/** The end date that fits an expected duration: the day before the start date's monthly anniversary. */
export const endDateForDuration = (startDate: string, months: number): string => addDays(addMonths(startDate, months), -1);

/** The first follow-up must lie on or before this day (the start plus the rule's months). */
export const latestFirstFollowUp = (startDate: string, months: number): string => addMonths(startDate, months);

export type Terms = {
  startDate: string;
  endDate: string | null;
  expectedDurationMonths: number | null;
  buyerDepartment: string | null;
  buyerEan: string | null;
  providerEan: string | null;
  providerCvr: string | null;
  buyerContactName: string | null;
  providerContactName: string | null;
  tariffLevel: string | null;
  tariffPrice: string | null;
  goals: string | null;
  followUpDates: readonly string[];
  paymentTiming: string | null;
  paymentDays: number | null;
  buyerNoticeDays: number | null;
  providerNoticeDays: number | null;
};

/** The dated rules a draft is checked against, on its start date. */
export type TermsRules = { timeLimitedFrom: string | null; firstFollowUpMonths: number };

/**
 * The field problems of the terms as they stand: what is inconsistent (checked when saving) and, with
 * `isComplete`, also what is missing before the contract may be sent. Messages are Danish and name the field.
 */
export function termProblems(t: Terms, rules: TermsRules, isComplete: boolean): FieldErrors {
  const out: FieldErrors = {};
  const add = (field: string, message: string) => (out[field] ??= []).push(message);
  if (t.endDate !== null && t.endDate < t.startDate) add('endDate', 'Slutdatoen kan ikke ligge før startdatoen.');
  const sorted = [...t.followUpDates].sort();
  if (sorted.some((d, i) => d !== t.followUpDates[i] || d === t.followUpDates[i - 1]))
    add('followUpDates', 'Opfølgningsdatoerne skal stå i rækkefølge uden gentagelser.');
  const first = t.followUpDates[0];
  if (first !== undefined && first < t.startDate) add('followUpDates', 'Første opfølgning kan ikke ligge før startdatoen.');
  const latest = latestFirstFollowUp(t.startDate, rules.firstFollowUpMonths);
  if (first !== undefined && first > latest)
    add('followUpDates', `Første opfølgning skal ligge senest ${rules.firstFollowUpMonths} måneder efter start (senest ${latest}).`);
  const last = t.followUpDates[t.followUpDates.length - 1];
  if (last !== undefined && t.endDate !== null && last > t.endDate) add('followUpDates', 'Opfølgningsdatoerne skal ligge inden slutdatoen.');
  if (t.paymentDays !== null && t.paymentDays > 30) add('paymentDays', 'Betalingsfristen må højst være 30 dage efter modtaget faktura.');
  if (!isComplete) return out;
  const need = (field: string, isMissing: boolean, message: string) => isMissing && add(field, message);
  need('buyerDepartment', !t.buyerDepartment, 'Angiv handlekommunens afdeling.');
  need('buyerEan', !t.buyerEan, 'Angiv handlekommunens EAN-nummer.');
  need('providerEan', !t.providerEan && !t.providerCvr, 'Angiv leverandørens EAN- eller CVR-nummer.');
  need('buyerContactName', !t.buyerContactName, 'Angiv en kontaktperson hos handlekommunen.');
  need('providerContactName', !t.providerContactName, 'Angiv en kontaktperson hos leverandøren.');
  need('tariffLevel', !t.tariffPrice, 'Tilbuddet har ingen offentliggjort takst for startåret; kontrakten kan ikke prises.');
  need('goals', !t.goals, 'Beskriv målene for indsatsen (selvhjulpenhed og mindst indgribende indsats).');
  need('followUpDates', t.followUpDates.length === 0, `Angiv mindst én opfølgningsdato (den første senest ${latest}).`);
  need('paymentTiming', !t.paymentTiming, 'Vælg betaling forud eller bagud.');
  need('paymentDays', t.paymentDays === null, 'Angiv betalingsfristen (højst 30 dage efter modtaget faktura).');
  need('noticePeriods', t.buyerNoticeDays === null || t.providerNoticeDays === null, 'Der er ingen regel for opsigelsesvarsler. Kontakt sekretariatet.');
  if (isEndDateRequired(t.startDate, rules.timeLimitedFrom)) {
    need('endDate', t.endDate === null, `Nye kontrakter fra ${rules.timeLimitedFrom} skal være tidsbegrænsede: angiv en slutdato.`);
    need('expectedDurationMonths', t.expectedDurationMonths === null, 'Angiv den forventede varighed i måneder.');
  }
  return out;
}

/** What an amendment may change; absent keys keep the earlier value. */
export type AmendmentChanges = Partial<{
  endDate: string | null;
  expectedDurationMonths: number | null;
  tariffLevel: string;
  tariffPrice: string;
  goals: string;
  followUpDates: string[];
  addOns: Array<{ text: string; price: string; unit: string; periodFrom: string; periodTo: string | null }>;
}>;

export type Amendment = { number: number; effectiveDate: string; changes: AmendmentChanges };

/** The terms in force on `date`: the original overlaid by every amendment effective by then, in order. */
export function termsOn<T extends object>(original: T, amendments: readonly Amendment[], date: string): T & AmendmentChanges {
  const out: T & AmendmentChanges = { ...original };
  for (const a of [...amendments].filter((x) => x.effectiveDate <= date).sort((x, y) => x.number - y.number)) Object.assign(out, a.changes);
  return out;
}
