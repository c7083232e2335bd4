/**
 * @module FROZEN: the rule rows migration 0400_placements inserts, exactly as it shipped. NEVER EDIT THIS FILE:
 * a change to these rules is a NEW migration that ends rows (valid_to) and inserts new ones.
 *
 * Sources: Rammeaftale Sjælland 2025-2026, fælleskommunale principper 1 og 2 (seed 003): "Vi afstemmer altid
 * ledige bo- og døgntilbud i andre kommuner og i regionen før køb hos private" — applies from 2025-01-01 [C].
 * How old a vacancy report may be (14 days), how long a reservation holds (72 hours) and how recent the search
 * behind a private purchase must be (30 days) are [U] placeholders the secretariats change as data.
 */

type PlacementRule = {
  areaCode: string;
  validFrom: string;
  validTo: string | null;
  staleAfterDays: number;
  reservationHours: number;
  isPublicFirst: boolean;
  publicFirstSearchDays: number;
  source: string;
};

const PLACEHOLDER = 'Standardværdier (pladsmeldingens alder 14 dage, reservation 72 timer, søgning højst 30 dage gammel) — skal bekræftes af sekretariatet.';

export const PLACEMENT_RULES: ReadonlyArray<PlacementRule> = [
  {
    areaCode: 'sjaelland',
    validFrom: '2020-01-01',
    validTo: '2024-12-31',
    staleAfterDays: 14,
    reservationHours: 72,
    isPublicFirst: false,
    publicFirstSearchDays: 30,
    source: PLACEHOLDER,
  },
  {
    areaCode: 'sjaelland',
    validFrom: '2025-01-01',
    validTo: null,
    staleAfterDays: 14,
    reservationHours: 72,
    isPublicFirst: true,
    publicFirstSearchDays: 30,
    source: `Rammeaftale Sjælland 2025-2026, princip 2: ledige bo- og døgntilbud i andre kommuner og i regionen afstemmes før køb hos private. ${PLACEHOLDER}`,
  },
  ...['hovedstaden', 'syddanmark', 'midtjylland', 'nordjylland'].map((areaCode) => ({
    areaCode,
    validFrom: '2020-01-01',
    validTo: null,
    staleAfterDays: 14,
    reservationHours: 72,
    isPublicFirst: false,
    publicFirstSearchDays: 30,
    source: PLACEHOLDER,
  })),
];
