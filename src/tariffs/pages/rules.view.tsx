/**
 * @module The tariff rules per agreement area and period, and the P/L index (public, read-only: the rules are
 * data with validity periods; a new period is added as a row).
 */
import type { PageOptions } from '../../core/http/app.js';
import { formatDate } from '../../core/web/components.js';
import type { TariffRulesData } from '../rules.service.js';
import { INCREASE_BASIS_LABELS } from '../tariffs.table.js';
import { dkMonthDay, dkPct } from './parts.view.js';

export const rulesPage = ({ rules, priceIndex: pl }: TariffRulesData): PageOptions => ({
  title: 'Takstregler',
  breadcrumbs: [{ href: '/', label: 'Forside' }, { href: '/takster', label: 'Takster' }, { label: 'Regler' }],
  body: (
    <>
      <h1>Takstregler</h1>
      <p>
        Reglerne er data med en gyldighedsperiode pr. rammeaftale. En takst bruger reglen, der gælder 1. januar i takståret, og gemmer den sammen med
        beregningen.
      </p>
      <div class="ramme-table-wrap" tabindex={0}>
        <table class="table table--zebra table--compact">
          <caption>Regler pr. rammeaftale og periode</caption>
          <thead>
            <tr>
              <th scope="col">Rammeaftale</th>
              <th scope="col">Gælder</th>
              <th scope="col">Beholdt over-/underskud</th>
              <th scope="col">Belægning</th>
              <th scope="col">Loft over overhead</th>
              <th scope="col">Stigningsgrænse</th>
              <th scope="col">Frist</th>
              <th scope="col">Styregruppens gennemgang</th>
            </tr>
          </thead>
          <tbody>
            {rules.map((r) => (
              <tr>
                <td>
                  {r.area_name}
                  {r.source && (
                    <>
                      <br />
                      <small>{r.source}</small>
                    </>
                  )}
                </td>
                <td>
                  {formatDate(r.valid_from)} – {r.valid_to ? formatDate(r.valid_to) : 'indtil videre'}
                </td>
                <td>{dkPct(r.retain_limit_pct)}</td>
                <td>
                  {dkPct(r.occupancy_floor_pct)}–{dkPct(r.occupancy_ceiling_pct)}, korttid fra {dkPct(r.short_stay_floor_pct)}, anbefalet højst{' '}
                  {dkPct(r.recommended_max_pct)}
                </td>
                <td>{r.overhead_cap_pct ? dkPct(r.overhead_cap_pct) : 'Intet'}</td>
                <td>
                  {dkPct(r.increase_threshold_pct)} ({INCREASE_BASIS_LABELS[r.increase_basis]})
                </td>
                <td>{dkMonthDay(r.submission_deadline_md)} året før takståret</td>
                <td>{r.review_dates_md.map(dkMonthDay).join(' og ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>P/L-fremskrivning</h2>
      <div class="ramme-table-wrap" tabindex={0}>
        <table class="table table--compact">
          <caption>Pris- og lønudvikling pr. år (bruges til den reale ændring)</caption>
          <thead>
            <tr>
              <th scope="col">År</th>
              <th scope="col" class="ramme-num">
                P/L
              </th>
              <th scope="col">Kilde</th>
            </tr>
          </thead>
          <tbody>
            {pl.map((p) => (
              <tr>
                <td>{p.year}</td>
                <td class="ramme-num">{dkPct(p.pct)}</td>
                <td>{p.source}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  ),
});
