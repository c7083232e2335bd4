/**
 * @module Computed indicators: a named computation over Ramme's own records that returns a value for the
 * whole agreement area and for each member, with the rows behind it so every number can be opened.
 * Capabilities contribute computations through `Capability.indicators`; the agreement cycle lists them
 * (see `indicatorComputations()` in src/capabilities.ts's consumers).
 */
import type { Db } from './db/types.js';

export type IndicatorValue = {
  /** Exact decimal as a string (e.g. "87.5"), or null when there is nothing to measure. */
  value: string | null;
  numerator?: number;
  denominator?: number;
};

export type IndicatorResult = {
  area: IndicatorValue;
  perMember: Array<{ organisationId: number; name: string } & IndicatorValue>;
  /** The source rows behind the figures, for display and export. Keep keys stable and Danish-labelled in `columns`. */
  columns: Array<{ key: string; label: string }>;
  rows: Array<Record<string, string | number | boolean | null>>;
};

export type IndicatorComputation = {
  /** Stable code, e.g. 'offerings.updated-12m'. */
  code: string;
  name: string;
  description: string;
  unit: string;
  direction: 'higher' | 'lower';
  compute: (db: Db, params: { areaId: number; date: string }) => Promise<IndicatorResult>;
};
