/**
 * @module Reading the reference data on a date (the overview page and the API). The tables are small and
 * cached (reference.public.ts); the date filter runs here with `isValidOn`.
 */
import { requireSignedIn } from '../core/access/access.js';
import type { Ctx } from '../core/capability.js';
import { isValidOn } from '../core/db/dated.js';
import type { ReferenceTables } from './reference.repository.js';
import { referenceTables } from './reference.public.js';
import type { TReference } from './reference.schema.js';
import './reference.policy.js';

/** Regions, areas with their members, legal bases, target groups and code lists valid on `date` (default today). */
export async function referenceOn(ctx: Ctx, date?: string): Promise<TReference> {
  requireSignedIn(ctx, 'reference.read', {});
  return referenceView(await referenceTables(ctx.db), date ?? ctx.clock.today());
}

export function referenceView(t: ReferenceTables, date: string): TReference {
  const isValid = (row: { valid_from: string; valid_to: string | null }) => isValidOn(row, date);
  return {
    date,
    regions: t.regions.filter(isValid).map((r) => ({
      id: r.id,
      name: r.name,
      isoCode: r.iso_code,
      validFrom: r.valid_from,
      validTo: r.valid_to,
      successorId: r.successor_id,
      municipalityCount: t.municipalityRegions.filter((m) => m.region_id === r.id && isValid(m)).length,
    })),
    endedRegions: t.regions
      .filter((r) => !isValid(r))
      .map((r) => ({ id: r.id, name: r.name, validFrom: r.valid_from, validTo: r.valid_to, successorId: r.successor_id })),
    areas: t.areas.filter(isValid).map((a) => ({
      id: a.id,
      code: a.code,
      name: a.name,
      validFrom: a.valid_from,
      validTo: a.valid_to,
      members: t.members
        .filter((m) => m.area_id === a.id && isValid(m))
        .map((m) => ({
          organisationId: m.id,
          name: m.name,
          kind: m.kind,
          municipalityCode: m.municipality_code,
          validFrom: m.valid_from,
          validTo: m.valid_to,
        })),
    })),
    legalBases: t.legalBases.map((l) => ({
      code: l.code,
      law: l.law,
      paragraph: l.paragraph,
      title: l.title,
      audience: l.audience,
      isResidential: l.is_residential,
      validFrom: l.valid_from,
      validTo: l.valid_to,
      isValid: isValid(l),
    })),
    targetGroups: t.targetGroups.filter(isValid).map((g) => ({ code: g.code, parentCode: g.parent_code, name: g.name })),
    operatorTypes: t.operatorTypes.map((o) => ({ code: o.code, name: o.name })),
    offeringTypes: t.offeringTypes.map((o) => ({ code: o.code, name: o.name, isResidential: o.is_residential, isShortStay: o.is_short_stay })),
    socialtilsyn: t.socialtilsyn.map((s) => ({ code: s.code, name: s.name, hostMunicipalityCode: s.host_municipality_code })),
  };
}
