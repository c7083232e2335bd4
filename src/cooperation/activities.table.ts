/**
 * @module Table types of the cooperation's activities: theme days, conferences, network, information and political
 * meetings of an agreement area (Copenhagen dates), with counts of registrations and participants.
 */
import type { Generated } from 'kysely';

export const ACTIVITY_KINDS = ['temadag', 'konference', 'netvaerksmoede', 'informationsmoede', 'politisk_moede', 'andet'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const ACTIVITY_KIND_LABELS: Record<ActivityKind, string> = {
  temadag: 'Temadag',
  konference: 'Konference',
  netvaerksmoede: 'Netværksmøde',
  informationsmoede: 'Informationsmøde',
  politisk_moede: 'Politisk møde',
  andet: 'Andet',
};

export type CoopActivityTable = {
  id: Generated<number>;
  area_id: number;
  kind: ActivityKind;
  title: string;
  audience: string | null;
  starts_on: string;
  ends_on: string | null;
  organisers: string;
  place: string | null;
  registrations: number | null;
  participants: number | null;
  evaluation: string | null;
  focus_area_id: number | null;
  /** The project of the area the activity serves (0732). */
  project_id: Generated<number | null>;
  version: Generated<number>;
  created_at: Generated<Date>;
  created_by: string;
};

declare module '../core/db/types.js' {
  interface DB {
    coop_activity: CoopActivityTable;
  }
}
