/**
 * @module Who may do what with settlement. Anyone may use the public calculation. A statement is between its
 * seller (the operator of the contracts' offerings) and its buyer (the buying municipality): only those two
 * organisations see it (everyone else gets 404). The seller's economy staff (tilbudsøkonomi of a municipality or
 * region, leverandør of a provider) generate, send and answer; the buyer's economy staff (tilbudsøkonomi) accept
 * and dispute. The trade between municipalities (sums, no single statement) is read by the area's members and its
 * secretariat.
 */
import { allow, forbid, hide, when, type Policies } from '../core/access/access.js';
import { hasRole, type Actor } from '../core/auth/actor.js';
import { isInArea, isOperator, isOwnOrganisation, isSignedIn } from '../core/access/rules.js';

/** One statement: who sells and who buys. */
export type StatementTarget = { sellerOrgId: number; buyerOrgId: number } | null;
/** Generating statements: one seller's, or every seller's (null: the scheduled job only). */
export type GenerateTarget = { sellerOrgId: number | null };
/** The statements list and the settlement pages as a whole. */
export const SETTLEMENT = { register: 'settlement' } as const;
export type SettlementRegister = typeof SETTLEMENT;
/** The trade of one agreement area. */
export type TradeTarget = { areaId: number } | null;

declare module '../core/access/access.js' {
  interface Permissions {
    /** The public calculation: anyone, without login. */
    'settlement.calculate': null;
    /** The statements list (each sees only statements it sells or buys): any signed-in user of a municipality, region or provider. */
    'settlement.list': SettlementRegister;
    /** One statement: users of its seller or its buyer. */
    'settlement.read': StatementTarget;
    /** Generate (draft) statements for a month: the seller's economy staff for its own; the scheduled job for all. */
    'settlement.generate': GenerateTarget;
    /** Send a draft, answer disputed lines: the seller's economy staff. */
    'settlement.send': StatementTarget;
    /** Accept a statement, dispute a line: the buyer's economy staff. */
    'settlement.accept': StatementTarget;
    /** The trade between the members of an area: its members and its secretariat. */
    'settlement.trade': TradeTarget;
    /** The follow-up work list: a buying municipality's case workers (myndighed). */
    'followup.list': SettlementRegister;
    /** One contract's follow-ups, and recording one: the buyer's case workers (others of the buyer: 403; anyone else: 404). */
    'followup.record': FollowUpTarget;
  }
}

/** The follow-ups of one contract: who buys it (null: no such accepted contract). */
export type FollowUpTarget = { buyerOrgId: number } | null;
export const CONTRACT_NOT_FOUND = 'Kontrakten findes ikke.';
const isCaseWorker = (actor: Actor | null): actor is Actor => !!actor && actor.organisationKind === 'municipality' && hasRole(actor, 'myndighed');

export const STATEMENT_NOT_FOUND = 'Afregningen findes ikke.';

/** Economy staff of a buying municipality. */
export const isBuyerEconomy = (actor: Actor | null, buyerOrgId: number): actor is Actor =>
  isOwnOrganisation(actor, buyerOrgId) && hasRole(actor, 'tilbudsoekonomi');

const isParty = (actor: Actor | null, t: NonNullable<StatementTarget>) => isOwnOrganisation(actor, t.sellerOrgId) || isOwnOrganisation(actor, t.buyerOrgId);
const isSettlingOrganisation = (actor: Actor | null) => !!actor && actor.organisationKind !== 'secretariat';

export const settlementPermissions: Policies = {
  'settlement.calculate': () => allow,
  'settlement.list': (actor) => when(isSettlingOrganisation(actor), forbid('Afregninger er for kommuner, regioner og leverandører.')),
  'settlement.read': (actor, t) => (t !== null && isParty(actor, t) ? allow : hide(STATEMENT_NOT_FOUND)),
  'settlement.generate': (actor, t) =>
    t.sellerOrgId === null
      ? when(actor === null, forbid('Kun den planlagte kørsel danner alle sælgeres afregninger.'))
      : when(isOperator(actor, t.sellerOrgId), forbid('Kun sælgerens økonomimedarbejdere kan danne afregninger.')),
  'settlement.send': (actor, t) =>
    t === null || !isParty(actor, t)
      ? hide(STATEMENT_NOT_FOUND)
      : when(isOperator(actor, t.sellerOrgId), forbid('Kun sælgerens økonomimedarbejdere kan sende og besvare afregningen.')),
  'settlement.accept': (actor, t) =>
    t === null || !isParty(actor, t)
      ? hide(STATEMENT_NOT_FOUND)
      : when(isBuyerEconomy(actor, t.buyerOrgId), forbid('Kun køberens økonomimedarbejdere kan godkende eller bestride afregningen.')),
  'settlement.trade': (actor, t) =>
    !isSignedIn(actor)
      ? hide('Du skal logge ind.')
      : t === null
        ? hide('Rammeaftaleområdet findes ikke.')
        : when(isInArea(actor, t.areaId), forbid('Samhandlen vises for områdets medlemmer og sekretariat.')),
  'followup.list': (actor) => when(isCaseWorker(actor), forbid('Opfølgning er for den købende kommunes myndighedssagsbehandlere.')),
  'followup.record': (actor, t) =>
    t === null || !isOwnOrganisation(actor, t.buyerOrgId)
      ? hide(CONTRACT_NOT_FOUND)
      : when(isCaseWorker(actor), forbid('Kun den købende kommunes myndighedssagsbehandlere kan registrere en opfølgning.')),
};
