/**
 * @module FROZEN: the follow-up rule and the progression scale migration 0510_followup inserts, exactly as they
 * shipped. NEVER EDIT THIS FILE: a change is a NEW migration that ends a row (valid_to) and inserts the new one.
 * The municipality follows up on a measure no later than 3 months after it started and then at least once a year
 * (serviceloven § 148, stk. 2) [U: the yearly interval as the agreements' usual minimum]; a follow-up counts as due
 * on the work list 30 days before its date. The scale is five levels of functional ability, worded after the
 * common assessment method's levels of limitation (VUM 2.0) [U].
 */
export const FOLLOW_UP_RULES: ReadonlyArray<{
  validFrom: string;
  validTo: string | null;
  firstMonths: number;
  intervalMonths: number;
  dueSoonDays: number;
  source: string;
}> = [
  {
    validFrom: '2015-01-01',
    validTo: null,
    firstMonths: 3,
    intervalMonths: 12,
    dueSoonDays: 30,
    source: 'Lov om social service § 148, stk. 2: opfølgning senest 3 måneder efter iværksættelse og derefter mindst én gang om året.',
  },
];

export const PROGRESSION_SCALE: ReadonlyArray<{ scale: string; level: number; label: string; validFrom: string }> = [
  { scale: 'funktionsevne', level: 1, label: 'Ingen eller ubetydelige begrænsninger', validFrom: '2015-01-01' },
  { scale: 'funktionsevne', level: 2, label: 'Lette begrænsninger', validFrom: '2015-01-01' },
  { scale: 'funktionsevne', level: 3, label: 'Moderate begrænsninger', validFrom: '2015-01-01' },
  { scale: 'funktionsevne', level: 4, label: 'Svære begrænsninger', validFrom: '2015-01-01' },
  { scale: 'funktionsevne', level: 5, label: 'Fuldstændige begrænsninger', validFrom: '2015-01-01' },
];
