/**
 * @module Table types for reference data and organisations.
 */
import type { Generated } from 'kysely';

export type RegionTable = {
  id: string;
  name: string;
  iso_code: string | null;
  seat: string | null;
  valid_from: string;
  valid_to: string | null;
  successor_id: string | null;
};
export type MunicipalityTable = { code: number; name: string };
export type MunicipalityRegionTable = { municipality_code: number; region_id: string; valid_from: string; valid_to: string | null };
export type AgreementAreaTable = { id: Generated<number>; code: string; name: string; region_id: string; valid_from: string; valid_to: string | null };
export type AgreementAreaMemberTable = { area_id: number; organisation_id: number; valid_from: string; valid_to: string | null };
export type OrganisationTable = {
  id: Generated<number>;
  kind: 'municipality' | 'region' | 'provider' | 'secretariat';
  name: string;
  municipality_code: number | null;
  region_id: string | null;
  cvr: string | null;
  area_id: number | null;
  created_at: Generated<Date>;
};
export type LegalBasisTable = {
  code: string;
  law: string;
  paragraph: string;
  title: string;
  audience: string;
  is_residential: boolean;
  valid_from: string;
  valid_to: string | null;
  sort: number;
};
export type TargetGroupTable = { code: string; parent_code: string | null; name: string; valid_from: string; valid_to: string | null; sort: number };
export type OperatorTypeTable = { code: string; name: string; sort: number };
export type OfferingTypeTable = { code: string; name: string; is_residential: boolean; is_short_stay: boolean; sort: number };
export type SocialtilsynTable = { code: string; name: string; host_municipality_code: number };

declare module '../core/db/types.js' {
  interface DB {
    region: RegionTable;
    municipality: MunicipalityTable;
    municipality_region: MunicipalityRegionTable;
    agreement_area: AgreementAreaTable;
    agreement_area_member: AgreementAreaMemberTable;
    organisation: OrganisationTable;
    legal_basis: LegalBasisTable;
    target_group: TargetGroupTable;
    operator_type: OperatorTypeTable;
    offering_type: OfferingTypeTable;
    socialtilsyn: SocialtilsynTable;
  }
}
