/**
 * @module Who may do what with tariffs, built only from the shared facts in core/access/rules.ts. The operating
 * organisation (tilbudsøkonomi of a municipality or region, leverandør of a private provider) calculates and
 * submits its own offerings' tariffs; the secretariat of the agreement area approves, returns and publishes;
 * everyone reads published tariffs and overviews. An unpublished version is hidden (404) from everyone else.
 */
import { allow, forbid, hide, when, type Policies, type Verdict } from '../core/access/access.js';
import type { Actor } from '../core/auth/actor.js';
import { isAnyOperator, isAnySecretariat, isOperator, isSecretariatOf, isSignedIn, scopeOf } from '../core/access/rules.js';
import type { TariffStatus } from './tariffs.table.js';

/** A tariff version as access sees it: its status, the area whose secretariat reviews it, the offering's operator. */
export type VersionTarget = { status: TariffStatus; areaId: number; operatorOrgId: number };
/** An offering whose tariffs are calculated by its operator. */
export type OfferingTarget = { operatorOrgId: number };
/** An agreement area. */
export type AreaTarget = { areaId: number };
/** An area's overview (or round) for one year: public once published. */
export type OverviewTarget = { areaId: number; isPublished: boolean };

declare module '../core/access/access.js' {
  interface Permissions {
    /** The open calculation, the rules and the P/L index: public. */
    'tariffs.calculate': null;
    'tariffs.rules.read': null;
    /** Lists of versions and an offering's tariff history: public, scoped to what the actor may see inside the query. */
    'tariffs.list': null;
    'tariffs.read': VersionTarget;
    /** A new draft (or a correction) for an offering. */
    'tariffs.create': OfferingTarget;
    'tariffs.edit': VersionTarget;
    'tariffs.submit': VersionTarget;
    'tariffs.delete': VersionTarget;
    'tariffs.approve': VersionTarget;
    'tariffs.return': VersionTarget;
    /** Runs offerings whose tariffs it calculates (some organisation's operator). */
    'tariffs.operate': null;
    /** Reviews some area's tariffs (some area's secretariat). */
    'tariffs.review': null;
    'tariffs.overview.read': OverviewTarget;
    /** The round's status, whom to chase, and the confirmation before publishing. */
    'tariffs.round.read': OverviewTarget;
    'tariffs.publish': AreaTarget;
    /** The increase report to the socialtilsyn and the steering group's review list. */
    'tariffs.watch.read': null;
    /** Recording that the half-year's increase report was sent to the socialtilsyn: the area's secretariat. */
    'tariffs.report.record': AreaTarget;
  }
}

const NOT_PUBLISHED = 'Taksten er ikke offentliggjort; kun driftsherren og rammeaftalens sekretariat kan se den.';
const OWN_ONLY = 'Du kan kun beregne og rette takster for tilbud, som din egen organisation driver.';
const SECRETARIAT_ONLY = 'Kun rammeaftalens sekretariat kan godkende eller sende takster retur.';

/** Published versions are public; unpublished ones only for the operator and the area's secretariat. */
const maySee = (actor: Actor | null, v: VersionTarget): boolean =>
  v.status === 'offentliggjort' || isOperator(actor, v.operatorOrgId) || isSecretariatOf(actor, v.areaId);

/** Hidden unless visible; then allowed only when `may`. */
const onVisible =
  (may: (actor: Actor | null, v: VersionTarget) => boolean, refusal: string) =>
  (actor: Actor | null, v: VersionTarget): Verdict =>
    maySee(actor, v) ? when(may(actor, v), forbid(refusal)) : hide(NOT_PUBLISHED);

const byOperator = onVisible((actor, v) => isOperator(actor, v.operatorOrgId), OWN_ONLY);
const bySecretariat = onVisible((actor, v) => isSecretariatOf(actor, v.areaId), SECRETARIAT_ONLY);

/** The area's secretariat; others see the published overview (403) or, before publication, nothing (404). */
const secretariatOfArea =
  (refusal: string) =>
  (actor: Actor | null, o: OverviewTarget): Verdict =>
    isSecretariatOf(actor, o.areaId) ? allow : o.isPublished ? forbid(refusal) : hide('Takstoversigten er ikke offentliggjort endnu.');

export const tariffsPermissions: Policies = {
  'tariffs.calculate': () => allow,
  'tariffs.rules.read': () => allow,
  'tariffs.list': () => allow,
  'tariffs.read': (actor, v) => when(maySee(actor, v), hide(NOT_PUBLISHED)),
  'tariffs.create': (actor, o) => when(isOperator(actor, o.operatorOrgId), forbid(OWN_ONLY)),
  'tariffs.edit': byOperator,
  'tariffs.submit': byOperator,
  'tariffs.delete': byOperator,
  'tariffs.approve': bySecretariat,
  'tariffs.return': bySecretariat,
  'tariffs.operate': (actor) => when(isAnyOperator(actor), forbid('Kun driftsherrens tilbudsøkonomi eller en privat leverandør beregner takster.')),
  'tariffs.review': (actor) => when(isAnySecretariat(actor), forbid('Kun et rammeaftalesekretariat behandler takster.')),
  'tariffs.overview.read': (actor, o) => when(o.isPublished || isSecretariatOf(actor, o.areaId), hide('Takstoversigten er ikke offentliggjort endnu.')),
  'tariffs.round.read': secretariatOfArea('Kun rammeaftalens sekretariat kan se takstrundens status.'),
  'tariffs.publish': (actor, a) => when(isSecretariatOf(actor, a.areaId), forbid('Kun rammeaftalens sekretariat kan offentliggøre takstoversigten.')),
  'tariffs.watch.read': (actor) => when(isSignedIn(actor), forbid('Log ind for at se indberetningen.')),
  'tariffs.report.record': (actor, a) =>
    when(isSecretariatOf(actor, a.areaId), forbid('Kun rammeaftalens sekretariat kan registrere, at indberetningen er sendt.')),
};

/**
 * The rule of `tariffs.read` as sets of ids, for list queries (filter inside the query, never per row): published
 * versions, the versions of offerings the actor operates, and the versions of the areas it is the secretariat of.
 */
export type VersionScope = { operatorOrgId: number | null; secretariatAreaIds: number[] };

export function versionScope(actor: Actor | null): VersionScope {
  const scope = scopeOf(actor);
  return { operatorOrgId: scope.operatorOrgId, secretariatAreaIds: scope.secretariatAreaIds };
}
