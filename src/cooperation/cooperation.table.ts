/**
 * @module Table types of the cooperation: bodies (styregruppe, netværksgrupper, …) with mandates and members, and
 * the organisation's versions (in force, proposals) that place the bodies and say whom each reports to.
 */
import type { Generated } from 'kysely';

export const BODY_KINDS = [
  'styregruppe',
  'udviklingsgruppe',
  'oekonomigruppe',
  'netvaerksgruppe',
  'chefnetvaerk',
  'direktoerforum',
  'ad_hoc',
  'dialogforum',
  'arbejdsgruppe',
  'national_koordination',
  'andet',
] as const;
export type BodyKind = (typeof BODY_KINDS)[number];
export const BODY_KIND_LABELS: Record<BodyKind, string> = {
  styregruppe: 'Styregruppe',
  udviklingsgruppe: 'Udviklingsgruppe',
  oekonomigruppe: 'Økonomigruppe',
  netvaerksgruppe: 'Netværksgruppe',
  chefnetvaerk: 'Chefnetværk',
  direktoerforum: 'Direktør- og chefforum',
  ad_hoc: 'Ad hoc-gruppe',
  dialogforum: 'Dialogforum',
  arbejdsgruppe: 'Arbejdsgruppe',
  national_koordination: 'National koordination',
  andet: 'Andet',
};

export const MEMBER_ROLES = ['formand', 'naestformand', 'medlem', 'sekretaer', 'observatoer'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];
export const MEMBER_ROLE_LABELS: Record<MemberRole, string> = {
  formand: 'Formand',
  naestformand: 'Næstformand',
  medlem: 'Medlem',
  sekretaer: 'Sekretær',
  observatoer: 'Observatør',
};

export const STRUCTURE_STATUSES = ['gaeldende', 'forslag'] as const;
export type StructureStatus = (typeof STRUCTURE_STATUSES)[number];

export type CoopBodyTable = {
  id: Generated<number>;
  /** Null: a national body (the secretariats' national coordination forum). */
  area_id: number | null;
  kind: BodyKind;
  name: string;
  description: string | null;
  created_at: Generated<Date>;
  created_by: string;
};

/** The body's kommissorium: a text valid for a period. */
export type CoopMandateTable = {
  id: Generated<number>;
  body_id: number;
  text: string;
  approved_by: string | null;
  valid_from: string;
  valid_to: string | null;
};

export type CoopMemberTable = {
  id: Generated<number>;
  body_id: number;
  person_name: string;
  /** The member organisation (municipality, region, secretariat) when it is in Ramme. */
  organisation_id: number | null;
  /** Any other organisation (KL, Socialstyrelsen, an external consultant). */
  organisation_text: string | null;
  role: MemberRole;
  valid_from: string;
  valid_to: string | null;
};

export type CoopStructureTable = {
  id: Generated<number>;
  area_id: number;
  title: string;
  status: StructureStatus;
  note: string | null;
  based_on_id: number | null;
  created_at: Generated<Date>;
  created_by: string;
};

export type CoopStructureBodyTable = { structure_id: number; body_id: number; reports_to_id: number | null };

declare module '../core/db/types.js' {
  interface DB {
    coop_body: CoopBodyTable;
    coop_mandate: CoopMandateTable;
    coop_member: CoopMemberTable;
    coop_structure: CoopStructureTable;
    coop_structure_body: CoopStructureBodyTable;
  }
}
