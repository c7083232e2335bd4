/**
 * @module An offering's change history in words: for each audit entry, who (the person's name) and which
 * fields changed from what to what, with the Danish labels of codes. Pure: the reference lists come in.
 */
import { formatDate, formatNumber } from '../core/format.js';
import type { ReferenceLists } from './offerings.repository.js';
import { FIELD_LABELS } from './offerings.schema.js';
import { PROTECTION_LABELS, STATUS_LABELS } from './offerings.table.js';

export type HistoryChange = { field: string; label: string; before: string; after: string };
type Refs = Pick<ReferenceLists, 'municipalities' | 'operatorTypes' | 'legalBases' | 'allTargetGroups' | 'offeringTypes' | 'socialtilsyn'>;

const EMPTY = '(tom)';
const byCode = <T extends { code: string | number }>(list: readonly T[], label: (t: T) => string) => {
  const m = new Map(list.map((t) => [String(t.code), label(t)]));
  return (code: unknown) => m.get(String(code)) ?? String(code);
};

/** How a value of a field reads: labels for codes, Danish dates, numbers and yes/no. */
function describer(refs: Refs): (field: string, value: unknown) => string {
  const legalBasis = byCode(refs.legalBases, (l) => `${l.law} ${l.paragraph}`);
  const targetGroup = byCode(refs.allTargetGroups, (t) => t.name);
  const named: Record<string, (v: unknown) => string> = {
    operatorType: byCode(refs.operatorTypes, (o) => o.name),
    municipalityCode: byCode(refs.municipalities, (m) => m.name),
    offeringType: byCode(refs.offeringTypes, (o) => o.name),
    socialtilsynCode: byCode(refs.socialtilsyn, (s) => s.name),
    primaryLegalBasis: legalBasis,
    extraLegalBases: (v) => (v as unknown[]).map(legalBasis).join(', '),
    targetGroups: (v) => (v as unknown[]).map(targetGroup).join(', '),
    status: (v) => STATUS_LABELS[v as keyof typeof STATUS_LABELS] ?? String(v),
    protection: (v) => PROTECTION_LABELS[v as keyof typeof PROTECTION_LABELS] ?? String(v),
    statusSince: (v) => formatDate(String(v)),
    approvalDate: (v) => formatDate(String(v)),
    isCovered: (v) => (v ? 'Ja' : 'Nej'),
    operatorOrganisationId: (v) => `organisation nr. ${v}`,
  };
  return (field, value) => {
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return EMPTY;
    const f = named[field];
    if (f) return f(value);
    return typeof value === 'number' ? formatNumber(value) : String(value);
  };
}

/** The fields that differ between before and after, in form order, each with its label and both values in words. */
export function describeChanges(before: Record<string, unknown> | null, after: Record<string, unknown> | null, refs: Refs): HistoryChange[] {
  if (!before || !after) return [];
  const show = describer(refs);
  const fields = [...new Set([...Object.keys(FIELD_LABELS), ...Object.keys(before), ...Object.keys(after)])].filter((k) => k !== 'source');
  return fields
    .filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null))
    .map((k) => ({ field: k, label: FIELD_LABELS[k] ?? k, before: show(k, before[k]), after: show(k, after[k]) }));
}
