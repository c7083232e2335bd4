/**
 * @module The offerings catalogue narrowed to a citizen's need (legal bases, target groups, offering types, age,
 * municipalities, statuses): what the place search selects from. Reached through offerings.public.ts.
 */
import type { Queryable } from '../core/db/types.js';
import { offeringCatalogue } from './catalogue.repository.js';
import type { OfferingStatus } from './offerings.table.js';

export type OfferingCriteria = {
  /** Any of these as primary or extra legal basis (empty: any). */
  legalBases: readonly string[];
  /** Any of these target groups (empty: any). */
  targetGroups: readonly string[];
  offeringTypes: readonly string[];
  /** The citizen's age lies within the offering's age range. */
  age: number | null;
  /** Located in one of these municipalities (null: anywhere). */
  municipalityCodes: readonly number[] | null;
  statuses: readonly OfferingStatus[];
};

export function offeringsMatching(db: Queryable, c: OfferingCriteria) {
  let q = offeringCatalogue(db);
  if (c.statuses.length) q = q.where('o.status', 'in', [...c.statuses]);
  if (c.offeringTypes.length) q = q.where('o.offering_type', 'in', [...c.offeringTypes]);
  if (c.municipalityCodes) q = c.municipalityCodes.length ? q.where('o.municipality_code', 'in', [...c.municipalityCodes]) : q.where('o.id', '<', 0);
  if (c.age !== null) q = q.where('o.age_min', '<=', c.age).where('o.age_max', '>=', c.age);
  if (c.legalBases.length) {
    const codes = [...c.legalBases];
    q = q.where((eb) =>
      eb.or([
        eb('o.primary_legal_basis', 'in', codes),
        eb.exists(
          eb
            .selectFrom('offering_legal_basis as lb2')
            .select('lb2.offering_id')
            .whereRef('lb2.offering_id', '=', 'o.id')
            .where('lb2.legal_basis_code', 'in', codes),
        ),
      ]),
    );
  }
  if (c.targetGroups.length) {
    const codes = [...c.targetGroups];
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('offering_target_group as tg2')
          .select('tg2.offering_id')
          .whereRef('tg2.offering_id', '=', 'o.id')
          .where('tg2.target_group_code', 'in', codes),
      ),
    );
  }
  return q;
}
