/**
 * @module Table types for the offerings register (tilbudsregister).
 */
import type { Generated } from 'kysely';

export const OFFERING_STATUSES = ['aktiv', 'lukket_for_indskrivning', 'under_afvikling', 'lukket'] as const;
export type OfferingStatus = (typeof OFFERING_STATUSES)[number];
export const STATUS_LABELS: Record<OfferingStatus, string> = {
  aktiv: 'Aktiv',
  lukket_for_indskrivning: 'Lukket for indskrivning',
  under_afvikling: 'Under afvikling',
  lukket: 'Lukket',
};

export const PROTECTIONS = ['ingen', 'mest_specialiseret', 'forstaerket_samarbejde'] as const;
export type Protection = (typeof PROTECTIONS)[number];
export const PROTECTION_LABELS: Record<Protection, string> = {
  ingen: 'Ingen',
  mest_specialiseret: 'Mest specialiseret tilbud',
  forstaerket_samarbejde: 'Forstærket samarbejde',
};

export type OfferingTable = {
  id: Generated<number>;
  name: string;
  operator_org_id: number;
  operator_type: string;
  address: string;
  postal_code: string;
  city: string;
  /** Municipality where the offering is located; decides its agreement area. */
  municipality_code: number;
  offering_type: string;
  primary_legal_basis: string;
  places: number;
  age_min: number;
  age_max: number;
  status: OfferingStatus;
  status_since: string;
  socialtilsyn_code: string;
  approval_date: string | null;
  is_covered: boolean;
  protection: Protection;
  description: string | null;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  /** Raised by every change; the ETag of the offering (If-Match → 412 when stale). */
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
};

export type OfferingLegalBasisTable = { offering_id: number; legal_basis_code: string };
export type OfferingTargetGroupTable = { offering_id: number; target_group_code: string };

declare module '../core/db/types.js' {
  interface DB {
    offering: OfferingTable;
    offering_legal_basis: OfferingLegalBasisTable;
    offering_target_group: OfferingTargetGroupTable;
  }
}
