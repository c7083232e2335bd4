/**
 * @module FROZEN: the reasons migration 0401_public_first_reasons inserts, exactly as it shipped. NEVER EDIT THIS
 * FILE: a change is a NEW migration that ends rows (valid_to) and inserts new ones. The list follows the issue's
 * examples (the citizen's needs are not met; distance to network; the citizen's own choice; waiting time) [U].
 */
export const REASONS_VALID_FROM = '2025-01-01';

export const PUBLIC_FIRST_REASONS: ReadonlyArray<{ code: string; label: string; sort: number }> = [
  { code: 'behov', label: 'De ledige offentlige pladser kan ikke møde borgerens behov', sort: 1 },
  { code: 'afstand', label: 'Afstand til borgerens netværk', sort: 2 },
  { code: 'eget_valg', label: 'Borgerens eget valg (frit valg)', sort: 3 },
  { code: 'ventetid', label: 'Ventetid i de offentlige tilbud', sort: 4 },
  { code: 'andet', label: 'Andet (uddybes i teksten)', sort: 5 },
];
