/**
 * @module Page pieces shared by the tariff pages: exact Danish number formatting, the step-by-step breakdown
 * table, the levels table, warnings, status tags and changes.
 */
import type { FC } from 'hono/jsx';
import { formatDayMonth } from '../../core/format.js';
import { Alert } from '../../core/web/components.js';
import { Dec, UNIT_LABELS, UNIT_TARIFF_LABELS, type Step, type Unit } from '../calculation.js';
import { formatChange, formatExact as dkNumber, formatKr as dkKr, formatPct as dkPct } from '../tariffs.format.js';
import { STATUS_LABELS, type TariffStatus } from '../tariffs.table.js';

/** Exact Danish notation, through core/format.ts (see tariffs.format.ts). */
export { formatExact as dkNumber, formatKr as dkKr, formatPct as dkPct } from '../tariffs.format.js';

/** A rule's 'MM-DD' as a Danish day and month: "12-01" → "1. december". */
export const dkMonthDay = (md: string): string => formatDayMonth(`2001-${md}`);

export const unitLabel = (u: string) => UNIT_LABELS[u as Unit] ?? u;
export const tariffLabel = (u: string) => UNIT_TARIFF_LABELS[u as Unit] ?? 'Takst';

const stepValue = (s: Step) => (s.unit === 'kr' ? dkKr(s.value) : s.unit === 'pct' ? dkPct(s.value) : s.unit === 'text' ? s.value : dkNumber(s.value));

/** Lets a label column wrap anywhere on a narrow screen, so the amount column next to it stays in view. */
export const WRAP_ANYWHERE = 'overflow-wrap:anywhere;hyphens:auto;white-space:normal';

export const BreakdownTable: FC<{ steps: Step[]; caption?: string }> = ({ steps, caption }) => (
  <div class="ramme-table-wrap" tabindex={0}>
    <table class="table table--compact" style="width:100%">
      <caption>{caption ?? 'Beregningen trin for trin'}</caption>
      <thead>
        <tr>
          <th scope="col">Trin</th>
          <th scope="col" class="ramme-num">
            Værdi
          </th>
        </tr>
      </thead>
      <tbody>
        {steps.map((s) => (
          <tr>
            <th scope="row" style={`${s.kind === 'note' ? 'font-weight:normal;font-style:italic' : 'font-weight:normal'};${WRAP_ANYWHERE}`}>
              {s.kind === 'total' || s.kind === 'subtotal' ? <strong>{s.label}</strong> : s.label}
              {s.detail && (
                <>
                  <br />
                  <small>{s.detail}</small>
                </>
              )}
            </th>
            <td class="ramme-num">{s.kind === 'total' ? <strong>{stepValue(s)}</strong> : stepValue(s)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);

export type LevelView = { name: string; weight: string; share: string; tariff: string };

export const LevelsTable: FC<{ levels: LevelView[]; unit: string; caption: string; compare?: LevelView[] }> = ({ levels, unit, caption, compare }) => (
  <div class="ramme-table-wrap" tabindex={0}>
    <table class="table table--compact">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Niveau</th>
          {/* The tariff right after the level's name, so it stays in view on a narrow screen; the rest may scroll. */}
          <th scope="col" class="ramme-num">
            {tariffLabel(unit)}
          </th>
          {compare && (
            <th scope="col" class="ramme-num">
              Nu
            </th>
          )}
          <th scope="col" class="ramme-num">
            Vægt
          </th>
          <th scope="col" class="ramme-num" style="white-space:normal">
            Forventet andel
          </th>
        </tr>
      </thead>
      <tbody>
        {levels.map((l, i) => (
          <tr>
            <th scope="row" style={WRAP_ANYWHERE}>
              {l.name}
            </th>
            <td class="ramme-num">
              <strong>{dkKr(l.tariff)}</strong>
            </td>
            {compare && <td class="ramme-num">{dkKr(compare[i]?.tariff)}</td>}
            <td class="ramme-num">{dkNumber(l.weight)}</td>
            <td class="ramme-num">{dkPct(shareToPct(l.share))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);

/** "0.35" → "35" exactly. */
export const shareToPct = (share: string): string => new Dec(share).times(100).toFixed();

export const Warnings: FC<{ warnings: string[] }> = ({ warnings }) =>
  warnings.length ? (
    <Alert kind="warning" heading={warnings.length === 1 ? 'Advarsel' : `${warnings.length} advarsler`}>
      <ul>
        {warnings.map((w) => (
          <li>{w}</li>
        ))}
      </ul>
    </Alert>
  ) : null;

const BADGE: Record<TariffStatus, string> = {
  kladde: 'badge',
  indsendt: 'badge badge-info',
  returneret: 'badge badge-warning',
  godkendt: 'badge badge-success',
  offentliggjort: 'badge badge-success',
};

export const StatusTag: FC<{ status: TariffStatus; superseded?: boolean }> = ({ status, superseded }) => (
  <span class={superseded ? 'badge' : BADGE[status]}>{superseded ? 'Offentliggjort, erstattet' : STATUS_LABELS[status]}</span>
);

export const ChangeText: FC<{ pct: string | null; flagged?: boolean }> = ({ pct, flagged }) => (
  <span class={flagged ? 'ramme-status-bad' : undefined}>
    {formatChange(pct)}
    {flagged ? <span class="sr-only"> (over grænsen)</span> : null}
  </span>
);
