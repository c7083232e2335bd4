/**
 * @module Table types of analysis: target groups and their sources, imported series and their yearly values.
 */
import type { Generated } from 'kysely';
import type { SeriesKind } from './statbank.js';

export type AnalysisGroupTable = { code: string; name: string; audience: 'voksne' | 'boern'; age_band: string; sort: number };
export type AnalysisGroupSourceTable = { group_code: string; kind: 'recipients' | 'spending'; category: string };
export type StatSeriesTable = {
  id: Generated<number>;
  table_id: string;
  kind: SeriesKind;
  unit: string;
  /** Multiply a value by this to get persons or kroner (1000 for REGK31's 1.000 kr.). */
  scale: string;
  source: string;
  downloaded_on: string;
  imported_at: Generated<Date>;
  imported_by: number | null;
  row_count: number;
  /** Set when a later import of the same table replaced this one. */
  superseded_at: Date | null;
  is_demo: Generated<boolean>;
};
export type StatValueTable = {
  series_id: number;
  municipality_code: number;
  year: number;
  category: string;
  label: string;
  /** In the series' unit; null when Statistics Denmark suppressed it (".."). */
  value: string | null;
  /** The lines of the imported file behind the figure. */
  lines: Generated<number[]>;
};

declare module '../core/db/types.js' {
  interface DB {
    analysis_group: AnalysisGroupTable;
    analysis_group_source: AnalysisGroupSourceTable;
    stat_series: StatSeriesTable;
    stat_value: StatValueTable;
  }
}

export type CapacityRuleTable = { id: Generated<number>; valid_from: string; valid_to: string | null; target_occupancy_pct: string; source: string };
export type AnalysisGroupLegalBasisTable = { group_code: string; legal_basis_code: string };
export type CapacityAssessmentTable = {
  id: Generated<number>;
  area_id: number;
  organisation_id: number;
  year: number;
  version: Generated<number>;
  updated_at: Generated<Date>;
  updated_by: string;
};
export type CapacityAssessmentAnswerTable = { assessment_id: number; group_code: string; score: number; comment: string | null };

declare module '../core/db/types.js' {
  interface DB {
    capacity_rule: CapacityRuleTable;
    analysis_group_legal_basis: AnalysisGroupLegalBasisTable;
    capacity_assessment: CapacityAssessmentTable;
    capacity_assessment_answer: CapacityAssessmentAnswerTable;
  }
}
