/**
 * @module The live calculation panel of the editor: the tariff per level, the change against last year and
 * whether it must be explained, warnings, and the full breakdown; or the problems that stop the calculation.
 */
import type { FC } from 'hono/jsx';
import type { FieldErrors } from '../../core/errors.js';
import { Alert } from '../../core/web/components.js';
import { formatChange } from '../increase.js';
import type { Computed } from '../tariffs.service.js';
import { FIELD_LABELS } from './editor.form.js';
import { BreakdownTable, ChangeText, dkKr, dkPct, LevelsTable, Warnings } from './parts.js';

export const PreviewPanel: FC<{ computed?: Computed | null; errors?: FieldErrors; isResidential: boolean }> = ({ computed, errors, isResidential }) => {
  if (!computed) {
    const entries = Object.entries(errors ?? {});
    return (
      <Alert kind="info" heading="Beregningen mangler oplysninger">
        {entries.length ? (
          <ul>
            {entries.map(([field, msgs]) => (
              <li>
                {field === '_' ? '' : `${FIELD_LABELS[field] ?? field}: `}
                {msgs.join(' ')}
              </li>
            ))}
          </ul>
        ) : (
          <p>Udfyld udgifter, kapacitet og belægning for at se taksten.</p>
        )}
      </Alert>
    );
  }
  const { result: r, change, snapshot, isFlagged, previous } = computed;
  const isReal = snapshot.increaseBasis === 'real';
  return (
    <>
      <LevelsTable levels={r.levels} unit={computed.input.unit} caption="Beregnet takst" />
      <dl class="ramme-dl">
        <dt>Takstgrundlag</dt>
        <dd>{dkKr(r.basis)}</dd>
        <dt>Gennemsnitstakst</dt>
        <dd>{dkKr(r.averageTariff)}</dd>
        <dt>Anvendt belægning</dt>
        <dd>{r.occupancyPctUsed ? dkPct(r.occupancyPctUsed) : 'Bruges ikke (timetakst)'}</dd>
        <dt>Sidste års takst</dt>
        <dd>{previous ? dkKr(previous.average_tariff) : 'Ingen sammenlignelig offentliggjort takst'}</dd>
        <dt>Ændring</dt>
        <dd>
          Nominelt <ChangeText pct={change.nominalPct} />, realt <ChangeText pct={change.realPct} />
          {snapshot.plPct !== null && <small> (P/L {dkPct(snapshot.plPct)})</small>}
        </dd>
      </dl>
      {isFlagged ? (
        <Alert kind="warning" heading="Stigning over aftalens grænse">
          <p>
            Den {isReal ? 'reale' : 'nominelle'} stigning på {formatChange(isReal ? change.realPct : change.nominalPct)} overstiger grænsen på {dkPct(snapshot.increaseThresholdPct)} for døgn- og botilbud. Forklar stigningen, før
            taksten indsendes; den indberettes til socialtilsynet og drøftes i styregruppen.
          </p>
        </Alert>
      ) : (
        isResidential && change.nominalPct !== null && <p>Stigningen er inden for aftalens grænse på {dkPct(snapshot.increaseThresholdPct)}.</p>
      )}
      <Warnings warnings={r.warnings} />
      <details class="details">
        <summary class="details-summary">Se hele beregningen</summary>
        <div class="details-text">
          <BreakdownTable steps={r.breakdown} />
        </div>
      </details>
    </>
  );
};
