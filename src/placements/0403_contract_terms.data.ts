/**
 * @module FROZEN: the contract rules migration 0403_contract_terms inserts, exactly as they shipped. NEVER EDIT
 * THIS FILE: a change is a NEW migration that ends rows (valid_to) and inserts new ones.
 *
 * Sources: Rammeaftale Sjælland 2025-2026, fælleskommunale principper (seed 003): "Vi anvender kun
 * Standardkontrakter. De er obligatoriske" and "indgår tidsbegrænsede standardkontrakter" — "Kun nye kontrakter:
 * udvikles og implementeres løbende fra efterår 2024" [C]; the date 2024-09-01 follows the agreement's principle
 * rows. The other areas' commitments are not known [U]: no date, so an end date is not required there.
 * The first follow-up within 3 months follows SEL § 148, stk. 2 (opfølgning senest 3 måneder efter iværksættelse) [U].
 * Notice periods are set in each agreement's annex (Syddanmark "Bilag 6: Opsigelsesvarsler"), but the real lengths
 * were not retrieved (DOMAIN.md 2) [U]: the values below are PLACEHOLDERS, marked so in `source`.
 */

export const PLACEHOLDER_MARK = 'Pladsholder';

export const CONTRACT_RULES: ReadonlyArray<{
  areaCode: string;
  validFrom: string;
  standardFrom: string | null;
  timeLimitedFrom: string | null;
  firstFollowUpMonths: number;
  source: string;
}> = [
  {
    areaCode: 'sjaelland',
    validFrom: '2020-01-01',
    standardFrom: '2024-09-01',
    timeLimitedFrom: '2024-09-01',
    firstFollowUpMonths: 3,
    source:
      'Rammeaftale Sjælland 2025-2026, princip 1: kun standardkontrakter og tidsbegrænsede standardkontrakter for nye kontrakter fra efteråret 2024. Første opfølgning inden 3 måneder (SEL § 148, stk. 2).',
  },
  ...['hovedstaden', 'syddanmark', 'midtjylland', 'nordjylland'].map((areaCode) => ({
    areaCode,
    validFrom: '2020-01-01',
    standardFrom: null,
    timeLimitedFrom: null,
    firstFollowUpMonths: 3,
    source: `${PLACEHOLDER_MARK}: områdets tilsagn om standardkontrakter og tidsbegrænsning kendes ikke; første opfølgning inden 3 måneder (SEL § 148, stk. 2).`,
  })),
];

/** Notice periods in days per area and offering type (null: every other type). All placeholders. */
export const NOTICE_RULES: ReadonlyArray<{
  areaCode: string;
  offeringType: string | null;
  validFrom: string;
  buyerNoticeDays: number;
  providerNoticeDays: number;
  source: string;
}> = ['sjaelland', 'hovedstaden', 'syddanmark', 'midtjylland', 'nordjylland'].flatMap((areaCode) => [
  {
    areaCode,
    offeringType: null,
    validFrom: '2020-01-01',
    buyerNoticeDays: 30,
    providerNoticeDays: 90,
    source: `${PLACEHOLDER_MARK}: de rigtige opsigelsesvarsler står i rammeaftalens bilag og er ikke indlæst (køber 30 dage, leverandør 90 dage).`,
  },
  {
    areaCode,
    offeringType: 'botilbud',
    validFrom: '2020-01-01',
    buyerNoticeDays: 60,
    providerNoticeDays: 180,
    source: `${PLACEHOLDER_MARK}: de rigtige opsigelsesvarsler for botilbud står i rammeaftalens bilag og er ikke indlæst (køber 60 dage, leverandør 180 dage).`,
  },
  {
    areaCode,
    offeringType: 'aflastning',
    validFrom: '2020-01-01',
    buyerNoticeDays: 14,
    providerNoticeDays: 30,
    source: `${PLACEHOLDER_MARK}: de rigtige opsigelsesvarsler for aflastning står i rammeaftalens bilag og er ikke indlæst (køber 14 dage, leverandør 30 dage).`,
  },
]);
