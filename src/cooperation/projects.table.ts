/**
 * @module Table types of the cooperation's projects: purpose, owner, period (Copenhagen dates), status, results
 * and evaluation.
 */
import type { Generated } from 'kysely';

export const PROJECT_STATUSES = ['planlagt', 'igang', 'afsluttet', 'stoppet'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = { planlagt: 'Planlagt', igang: 'I gang', afsluttet: 'Afsluttet', stoppet: 'Stoppet' };

export type CoopProjectTable = {
  id: Generated<number>;
  area_id: number;
  title: string;
  purpose: string;
  owner: string;
  starts_on: string;
  ends_on: string | null;
  status: ProjectStatus;
  results: string | null;
  evaluation: string | null;
  focus_area_id: number | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  created_by: string;
};

declare module '../core/db/types.js' {
  interface DB {
    coop_project: CoopProjectTable;
  }
}
