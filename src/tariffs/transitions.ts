/**
 * @module The life of a tariff version as a typed transition table: kladde → indsendt → godkendt →
 * offentliggjort, with returns to the operator (returneret) from indsendt and godkendt. Every status change
 * re-checks the state inside its transaction with a conditional update (see tariffs.repository.ts
 * `transitionVersion`); a change that finds another state answers 409 with a Danish message.
 */
import { STATUS_LABELS, TARIFF_STATUSES, type TariffStatus } from './tariffs.table.js';

/** From each status, the statuses a version may move to. Saving a draft keeps (or makes) it a draft. */
export const TRANSITIONS = {
  kladde: ['kladde', 'indsendt'],
  returneret: ['kladde', 'indsendt'],
  indsendt: ['godkendt', 'returneret'],
  godkendt: ['returneret', 'offentliggjort'],
  offentliggjort: [],
} as const satisfies Record<TariffStatus, readonly TariffStatus[]>;

export const canTransition = (from: TariffStatus, to: TariffStatus): boolean => (TRANSITIONS[from] as readonly TariffStatus[]).includes(to);

/** The statuses a version can reach `to` from. */
export const sourcesOf = (to: TariffStatus): TariffStatus[] => TARIFF_STATUSES.filter((s) => canTransition(s, to));

/** What the user tried, in Danish, for messages. */
export const ACTION_LABELS: Record<TariffStatus, string> = {
  kladde: 'rettes',
  indsendt: 'indsendes',
  godkendt: 'godkendes',
  returneret: 'sendes retur',
  offentliggjort: 'offentliggøres',
};

const ONLY: Record<TariffStatus, string> = {
  kladde: 'Kun kladder og takster, der er sendt retur, kan rettes',
  indsendt: 'Kun kladder og takster, der er sendt retur, kan indsendes',
  godkendt: 'Kun indsendte takster kan godkendes',
  returneret: 'Kun indsendte eller godkendte takster kan sendes retur',
  offentliggjort: 'Kun godkendte takster kan offentliggøres',
};

const lower = (s: TariffStatus) => STATUS_LABELS[s].toLowerCase();

/** Why a version in `from` cannot move to `to` (checked before the transaction). */
export function refusalOf(from: TariffStatus, to: TariffStatus): string {
  const hint = from === 'offentliggjort' && (to === 'kladde' || to === 'indsendt') ? ' Opret en ny version med en begrundelse.' : '';
  return `${ONLY[to]}; denne er ${lower(from)}.${hint}`;
}

/** The answer when the state changed between reading the version and the conditional update (a concurrent change). */
export function raceOf(expected: TariffStatus, now: TariffStatus | null, to: TariffStatus): string {
  if (now === null) return 'Taksten er slettet imens. Genindlæs siden.';
  return `Taksten kan ikke ${ACTION_LABELS[to]}: den blev ændret imens og er nu ${lower(now)} (ikke ${lower(expected)}). Genindlæs siden.`;
}
