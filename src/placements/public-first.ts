/**
 * @module The public-first check of a purchase, pure (Rammeaftale Sjælland, principle 2: "Vi afstemmer altid
 * ledige bo- og døgntilbud i andre kommuner og i regionen før køb hos private"). A contract with a private or
 * self-governing offering, in an area whose rule applies on the contract's start, must point to a search the
 * buying municipality made within the rule's number of days, and either that search showed no suitable public
 * offering with a free place, or the buyer gives a reason from the list (data) plus a text. The standard
 * contract calls this before it may be sent; a refusal is a Danish message on the field `publicFirstCheck`.
 */
import { isPublicOperatorType } from './logic.js';

export type PublicFirstSearch = { organisationId: number; madeAt: Date; publicWithPlaceCount: number };

export type PublicFirstInput = {
  operatorType: string;
  /** The area's rule on the start date: does the principle apply, and how recent must the search be? */
  rule: { isPublicFirst: boolean; searchDays: number } | null;
  buyerOrgId: number;
  search: PublicFirstSearch | null;
  reasonCode: string | null;
  reasonText: string | null;
  /** The reason codes valid today (data). */
  reasonCodes: readonly string[];
  now: Date;
};

export type PublicFirstVerdict = { ok: true; isRequired: boolean; basis: 'not_required' | 'none_free' | 'reason' } | { ok: false; message: string };

export function checkPublicFirst(v: PublicFirstInput): PublicFirstVerdict {
  if (isPublicOperatorType(v.operatorType) || !v.rule?.isPublicFirst) return { ok: true, isRequired: false, basis: 'not_required' };
  if (!v.search || v.search.organisationId !== v.buyerOrgId)
    return {
      ok: false,
      message: 'Køb hos et privat eller selvejende tilbud kræver, at kommunen først har søgt ledige pladser i offentlige tilbud. Henvis til en søgning.',
    };
  const ageMs = v.now.getTime() - v.search.madeAt.getTime();
  if (ageMs > v.rule.searchDays * 86_400_000)
    return { ok: false, message: `Søgningen er mere end ${v.rule.searchDays} dage gammel. Søg igen, og henvis til den nye søgning.` };
  if (v.search.publicWithPlaceCount === 0) return { ok: true, isRequired: true, basis: 'none_free' };
  if (!v.reasonCode || !v.reasonCodes.includes(v.reasonCode))
    return { ok: false, message: 'Søgningen viste egnede offentlige tilbud med ledig plads. Vælg en begrundelse for at købe privat.' };
  if (!v.reasonText?.trim()) return { ok: false, message: 'Uddyb begrundelsen for at købe privat.' };
  return { ok: true, isRequired: true, basis: 'reason' };
}
