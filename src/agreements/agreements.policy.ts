/**
 * @module Who may do what with an agreement, built only from the shared facts in core/access/rules.ts.
 * The public reads published agreements; the area's members (and its secretariat) read everything of their
 * area; during a hearing every signed-in organisation reads the agreement. The secretariat of the area edits;
 * members (the area's municipalities and region at the start of the period) report their own statuses and
 * decisions with any role but reader; the secretariat may register a council decision on a member's behalf.
 *
 * A user who may not see the agreement gets 404; one who may see it but not do this gets 403.
 */
import { allow, forbid, hide, type Policies, type Verdict } from '../core/access/access.js';
import { actsForOrganisation, isAnySecretariat, isInArea, isMemberOf, isOwnOrganisation, isSecretariatOf, isSignedIn } from '../core/access/rules.js';
import type { Actor } from '../core/auth/actor.js';

/** What the rules need to know about one agreement. */
export type AgreementTarget = { areaId: number; areaName: string; isPublic: boolean; status: string };
/** One member's own data in an agreement (statuses, answers, decisions). */
export type MemberTarget = AgreementTarget & { memberIds: readonly number[]; organisationId: number };
/** An agreement and its members, for joining an input round. */
export type MembersTarget = AgreementTarget & { memberIds: readonly number[] };
/** A group in an input round: the secretariat answers for any group, an organisation for its own. */
export type GroupTarget = AgreementTarget & { groupOrganisationId: number | null };

declare module '../core/access/access.js' {
  interface Permissions {
    /** See the list of agreements (it holds only those the actor may read). */
    'agreements.list': Record<string, never>;
    /** Create an agreement in an area (null: the secretariat's own area). */
    'agreements.create': { areaId: number | null };
    'agreements.read': AgreementTarget;
    /** Change the agreement and its content, process plan, rounds, versions and hearing answers. */
    'agreements.edit': AgreementTarget;
    /** Report the member's own status on the commitments. */
    'agreements.memberStatus': MemberTarget;
    /** Register the member's council decision. */
    'agreements.decide': MemberTarget;
    /** Add a participant group to an input round. */
    'agreements.input.join': MembersTarget;
    /** Save a group's answers and votes. */
    'agreements.answer': GroupTarget;
    /** Comment on the version in hearing. */
    'agreements.hearing.comment': AgreementTarget;
  }
}

export const NOT_VISIBLE = 'Aftalen findes ikke.';

/** Published: everyone. Otherwise the area's organisations; during a hearing every signed-in organisation. */
export const mayRead = (actor: Actor | null, a: AgreementTarget): boolean =>
  a.isPublic || (isSignedIn(actor) && (isInArea(actor, a.areaId) || a.status === 'i_hoering'));

/** Refuses with 404 unless the actor may see the agreement, then applies the rule. */
const visible = (rule: (actor: Actor | null, a: AgreementTarget) => Verdict) => (actor: Actor | null, a: AgreementTarget) =>
  mayRead(actor, a) ? rule(actor, a) : hide(NOT_VISIBLE);

const secretariat = (actor: Actor | null, a: AgreementTarget): Verdict =>
  isSecretariatOf(actor, a.areaId) ? allow : forbid(`Kun sekretariatet for ${a.areaName} kan ændre aftalen.`);

/** The member itself, with a writing role. */
const ownMember =
  (what: string) =>
  (actor: Actor | null, t: MemberTarget): Verdict => {
    if (!actsForOrganisation(actor)) return forbid('Rollen Læser kan kun læse.');
    if (!isMemberOf(actor, t.memberIds)) return forbid(`Kun aftalens medlemmer (kommunerne og regionen) kan ${what}.`);
    if (!isOwnOrganisation(actor, t.organisationId)) return forbid(`Du kan kun ${what} for din egen organisation.`);
    return allow;
  };

export const agreementsPermissions: Policies = {
  'agreements.list': () => allow,
  'agreements.create': (actor, { areaId }) => {
    if (!isAnySecretariat(actor) || actor.areaIds.length === 0) return forbid('Kun et rammeaftalesekretariat kan oprette aftaler.');
    return areaId === null || isSecretariatOf(actor, areaId) ? allow : forbid('Du kan kun oprette aftaler i dit eget aftaleområde.');
  },
  'agreements.read': visible(() => allow),
  'agreements.edit': visible(secretariat),
  'agreements.memberStatus': (actor, t) => (mayRead(actor, t) ? ownMember('angive status på tilsagn')(actor, t) : hide(NOT_VISIBLE)),
  'agreements.decide': (actor, t) => {
    if (!mayRead(actor, t)) return hide(NOT_VISIBLE);
    return isSecretariatOf(actor, t.areaId) ? allow : ownMember('registrere godkendelse')(actor, t);
  },
  'agreements.input.join': (actor, t) => {
    if (!mayRead(actor, t)) return hide(NOT_VISIBLE);
    if (isSecretariatOf(actor, t.areaId) || (actsForOrganisation(actor) && isMemberOf(actor, t.memberIds))) return allow;
    return forbid('Kun sekretariatet og aftalens medlemmer kan tilføje deltagergrupper.');
  },
  'agreements.answer': (actor, t) => {
    if (!mayRead(actor, t)) return hide(NOT_VISIBLE);
    if (isSecretariatOf(actor, t.areaId)) return allow;
    if (actsForOrganisation(actor) && t.groupOrganisationId !== null && isOwnOrganisation(actor, t.groupOrganisationId)) return allow;
    return forbid('Du kan kun svare for din egen organisations gruppe.');
  },
  'agreements.hearing.comment': visible((actor, a) => {
    if (isSecretariatOf(actor, a.areaId)) return forbid('Sekretariatet sender aftalen i høring og besvarer høringssvarene; det afgiver ikke selv høringssvar.');
    return actsForOrganisation(actor) ? allow : forbid('Rollen Læser kan ikke afgive høringssvar.');
  }),
};
