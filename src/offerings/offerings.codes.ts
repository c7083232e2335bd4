/**
 * @module Checks an offering's codes against the reference data valid on a date. Pure: the reference lists
 * (cached) and the kinds of the operators involved are loaded once by the caller, for one offering or a
 * whole import file alike.
 */
import { isValidOn } from '../core/db/dated.js';
import { addFieldError, type FieldErrors } from '../core/errors.js';
import type { ReferenceLists } from './offerings.repository.js';
import type { TOfferingInput } from './offerings.schema.js';

/** Which operator types each kind of organisation may run. */
const OPERATOR_TYPES_BY_KIND: Record<string, string[]> = {
  municipality: ['kommunal'],
  region: ['regional'],
  provider: ['privat', 'selvejende'],
};

/** The codes an offering is checked against: the reference lists of the date and the operators' organisation kinds. */
export type CodeBook = {
  date: string;
  operatorTypes: ReadonlySet<string>;
  offeringTypes: ReadonlySet<string>;
  socialtilsyn: ReadonlySet<string>;
  municipalities: ReadonlySet<number>;
  targetGroups: ReadonlySet<string>;
  legalBases: ReadonlyMap<string, { valid_from: string; valid_to: string | null }>;
  operatorKinds: ReadonlyMap<number, string>;
};

export function codeBook(refs: ReferenceLists, operatorKinds: ReadonlyMap<number, string>, date: string): CodeBook {
  return {
    date,
    operatorTypes: new Set(refs.operatorTypes.map((o) => o.code)),
    offeringTypes: new Set(refs.offeringTypes.map((o) => o.code)),
    socialtilsyn: new Set(refs.socialtilsyn.map((s) => s.code)),
    municipalities: new Set(refs.municipalities.map((m) => m.code)),
    targetGroups: new Set(refs.allTargetGroups.map((t) => t.code)),
    legalBases: new Map(refs.legalBases.map((l) => [l.code, l])),
    operatorKinds,
  };
}

/** Every code checked against the book. Returns field errors, empty when all is well. */
export function checkCodes(v: TOfferingInput, book: CodeBook): FieldErrors {
  const errors: FieldErrors = {};
  const d = book.date;
  const kind = book.operatorKinds.get(v.operatorOrganisationId);
  if (!kind || kind === 'secretariat') addFieldError(errors, 'operatorOrganisationId', 'Ukendt driftsherre.');
  const allowed = kind ? OPERATOR_TYPES_BY_KIND[kind] : undefined;
  if (!book.operatorTypes.has(v.operatorType)) addFieldError(errors, 'operatorType', `Ukendt driftsform "${v.operatorType}".`);
  else if (allowed && !allowed.includes(v.operatorType))
    addFieldError(errors, 'operatorType', `Driftsformen passer ikke med driftsherren (tilladt: ${allowed.join(', ')}).`);
  if (!book.offeringTypes.has(v.offeringType)) addFieldError(errors, 'offeringType', `Ukendt tilbudstype "${v.offeringType}".`);
  if (!book.socialtilsyn.has(v.socialtilsynCode)) addFieldError(errors, 'socialtilsynCode', `Ukendt socialtilsyn "${v.socialtilsynCode}".`);
  if (!book.municipalities.has(v.municipalityCode)) addFieldError(errors, 'municipalityCode', `Ukendt kommunekode ${v.municipalityCode}.`);
  const checkLegal = (code: string, field: string) => {
    const l = book.legalBases.get(code);
    if (!l) addFieldError(errors, field, `Ukendt lovgrundlag "${code}".`);
    else if (!isValidOn(l, d)) addFieldError(errors, field, `Lovgrundlaget ${code} gælder ikke i dag (gyldigt ${l.valid_from} til ${l.valid_to ?? '–'}).`);
  };
  checkLegal(v.primaryLegalBasis, 'primaryLegalBasis');
  v.extraLegalBases.forEach((c) => checkLegal(c, 'extraLegalBases'));
  if (v.approvalDate && v.approvalDate > d) addFieldError(errors, 'approvalDate', 'Godkendelsesdatoen kan ikke ligge i fremtiden.');
  for (const c of v.targetGroups) if (!book.targetGroups.has(c)) addFieldError(errors, 'targetGroups', `Ukendt målgruppe "${c}".`);
  return errors;
}
