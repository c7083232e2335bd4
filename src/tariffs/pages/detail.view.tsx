/**
 * @module One tariff version's page: the calculation step by step, the rules it used, the change against last
 * year, the what-if form, the history, and the actions of the round the actor may take now (submit, approve,
 * return, delete a draft, start a correction).
 */
import type { PageOptions } from '../../core/http/app.js';
import { Alert, CsrfField, DescriptionList, ErrorSummary, TextArea, formatDate, formatDateTime } from '../../core/web/components.js';
import type { FieldErrors } from '../../core/errors.js';
import type { TariffPageData } from '../tariffs.service.js';
import { INCREASE_BASIS_LABELS } from '../tariffs.table.js';
import { BreakdownTable, ChangeText, dkKr, dkPct, LevelsTable, StatusTag, tariffLabel, unitLabel, Warnings } from './parts.view.js';
import { WhatIfForm } from './whatif.view.js';

export const NOTICES: Record<string, string> = {
  gemt: 'Kladden er gemt.',
  indsendt: 'Taksten er indsendt til sekretariatet.',
  godkendt: 'Taksten er godkendt. Den offentliggøres sammen med de øvrige godkendte takster i takstoversigten.',
  returneret: 'Taksten er sendt retur til driftsherren med din kommentar.',
};

export type TariffPageView = TariffPageData & {
  csrf: string;
  notice?: string;
  errors?: FieldErrors;
  httpStatus?: number;
  returnComment?: string;
  explanation?: string;
};

function statusOf(after: unknown): string {
  const a = (typeof after === 'string' ? JSON.parse(after) : after) as { status?: string } | null;
  return a?.status ? ` (${a.status})` : '';
}

const Actions = ({ m }: { m: TariffPageView }) => {
  const { v, offering, csrf, errors, actions: a } = m;
  const { returnComment, explanation } = m;
  const canEditNow = a.mayEdit;
  const canCorrect = a.mayCorrect;
  const canReview = a.mayApprove || a.mayReturn;
  if (!canEditNow && !canCorrect && !canReview) return null;
  // The submit form carries the explanation field, so a refused submission can be fixed where it happened.
  const needsExplanation = canEditNow && (v.is_flagged || !!errors?.explanation);
  return (
    <div class="ramme-actions">
      {canEditNow && (
        <>
          <a class="button button-secondary" href={`/takster/${v.id}/rediger`}>
            Ret beregningen
          </a>
          <form method="post" action={`/takster/${v.id}/indsend`} style={needsExplanation ? 'display:block;width:100%' : undefined}>
            <CsrfField token={csrf} />
            {needsExplanation && (
              <TextArea
                name="explanation"
                label="Forklaring på stigningen"
                hint="Stigningen overstiger aftalens grænse. Forklar den, før taksten indsendes; forklaringen indgår i indberetningen til socialtilsynet."
                value={explanation ?? v.explanation ?? ''}
                errors={errors}
                maxlength={4000}
                rows={3}
              />
            )}
            <button type="submit" class="button button-primary">
              Indsend til sekretariatet
            </button>
          </form>
          {a.mayDelete && (
            <form method="post" action={`/takster/${v.id}/slet`}>
              <CsrfField token={csrf} />
              <button type="submit" class="button button-tertiary">
                Slet kladden
              </button>
            </form>
          )}
        </>
      )}
      {canCorrect && (
        <a class="button button-secondary" href={`/takster/tilbud/${offering.id}/${v.year}/ny`}>
          Opret ny version (rettelse)
        </a>
      )}
      {canReview && (
        <>
          {a.mayApprove && (
            <form method="post" action={`/takster/${v.id}/godkend`}>
              <CsrfField token={csrf} />
              <button type="submit" class="button button-primary">
                Godkend taksten
              </button>
            </form>
          )}
          <form method="post" action={`/takster/${v.id}/returner`} style="display:block;width:100%">
            <CsrfField token={csrf} />
            <TextArea
              name="comment"
              label="Kommentar til driftsherren"
              hint="Skrives i loggen og vises på taksten."
              value={returnComment ?? ''}
              errors={errors}
              maxlength={4000}
              rows={3}
            />
            <button type="submit" class="button button-secondary">
              Send retur
            </button>
          </form>
        </>
      )}
    </div>
  );
};

export const tariffPage = (m: TariffPageView): PageOptions => {
  const { v, offering } = m;
  const rules = v.rules;
  const title = `${offering.name}: takst ${v.year}`;
  return {
    title,
    status: m.httpStatus,
    breadcrumbs: [
      { href: '/', label: 'Forside' },
      { href: '/takster', label: 'Takster' },
      { href: `/takster/tilbud/${offering.id}`, label: offering.name },
      { label: `${v.year}, version ${v.version}` },
    ],
    body: (
      <>
        {m.notice && <Alert kind="success">{NOTICES[m.notice]}</Alert>}
        <ErrorSummary errors={m.errors} labels={{ explanation: 'Forklaring på stigningen', comment: 'Kommentar' }} />
        <h1>{title}</h1>
        <p>
          <StatusTag status={v.status} superseded={!!v.superseded_at} /> Version {v.version} · {unitLabel(v.unit)} · {v.area_name}
        </p>
        {m.current && (
          <Alert kind="info">
            Denne version er erstattet. <a href={`/takster/${m.current.id}`}>Se den gældende version {m.current.version}</a>.
          </Alert>
        )}
        {v.return_comment && v.status === 'returneret' && (
          <Alert kind="warning" heading="Sendt retur af sekretariatet">
            <p class="ramme-pre">{v.return_comment}</p>
          </Alert>
        )}
        <Actions m={m} />
        <h2>Taksten</h2>
        <LevelsTable levels={v.levels} unit={v.unit} caption={`${tariffLabel(v.unit)} ${v.year}`} />
        <DescriptionList
          items={[
            ['Gennemsnitstakst', dkKr(v.average_tariff)],
            [
              'Anvendt belægning',
              v.occupancy_pct_used
                ? `${dkPct(v.occupancy_pct_used)} (${v.occupancy_source === 'history' ? 'gennemsnit af tidligere års faktiske belægning' : 'angivet'})`
                : 'Bruges ikke',
            ],
            [
              'Sidste års takst',
              m.previous ? <a href={`/takster/${m.previous.id}`}>{dkKr(m.previous.average_tariff)}</a> : 'Ingen sammenlignelig offentliggjort takst',
            ],
            ['Nominel ændring', <ChangeText pct={v.nominal_change_pct} flagged={v.is_flagged && rules.increaseBasis === 'nominal'} />],
            ['Real ændring', <ChangeText pct={v.real_change_pct} flagged={v.is_flagged && rules.increaseBasis === 'real'} />],
            ['Stigning over grænsen', v.is_flagged ? `Ja, over ${dkPct(rules.increaseThresholdPct)} (${INCREASE_BASIS_LABELS[rules.increaseBasis]})` : 'Nej'],
            ['Forklaring på stigningen', v.explanation],
            ['Begrundelse for ny version', v.correction_reason],
          ]}
        />
        <Warnings warnings={v.warnings} />
        <h2>Beregningen trin for trin</h2>
        <BreakdownTable steps={m.calc.breakdown} />
        {m.calc.addOns.length > 0 && (
          <>
            <h3>Tillægsydelser</h3>
            <ul>
              {m.calc.addOns.map((a) => (
                <li>
                  {a.name}: {dkKr(a.hourlyRate)} pr. time ({dkKr(a.cost)} ÷ {a.plannedHours} timer)
                </li>
              ))}
            </ul>
          </>
        )}
        <h2 id="hvis-overskrift">Hvad nu hvis?</h2>
        <p>Se, hvad taksten bliver med en anden belægning eller andre beløb. Beregningen bruger de samme regler og gemmer intet.</p>
        <WhatIfForm
          id={v.id}
          csrf={m.csrf}
          input={v.input}
          occupancyUsed={v.occupancy_pct_used}
          values={m.whatIfValues ?? {}}
          outcome={m.outcome ?? null}
          current={v.levels}
        />
        <h2>Regler, beregningen bygger på</h2>
        <DescriptionList
          items={[
            ['Beholdt over-/underskud', `Højst ${dkPct(rules.retainLimitPct)} af omkostningsgrundlaget`],
            [
              'Belægning',
              `${dkPct(rules.occupancyFloorPct)}–${dkPct(rules.occupancyCeilingPct)} (korttidstilbud fra ${dkPct(rules.shortStayFloorPct)}); anbefalet højst ${dkPct(rules.recommendedMaxPct)}`,
            ],
            ['Loft over overhead', rules.overheadCapPct ? dkPct(rules.overheadCapPct) : 'Intet loft'],
            ['Grænse for stigninger', `${dkPct(rules.increaseThresholdPct)} (${INCREASE_BASIS_LABELS[rules.increaseBasis]})`],
            ['P/L-fremskrivning', rules.plPct ? dkPct(rules.plPct) : 'Ikke fastsat'],
            ['Frist for indsendelse', formatDate(rules.deadline)],
          ]}
        />
        <h2>Forløb</h2>
        <DescriptionList
          items={[
            ['Oprettet', `${formatDateTime(v.created_at)} af ${v.created_by}`],
            [
              'Indsendt',
              v.submitted_at
                ? `${formatDateTime(v.submitted_at)} af ${v.submitted_by}${v.is_on_time === null ? '' : v.is_on_time ? ' (rettidigt)' : ' (efter fristen)'}`
                : null,
            ],
            ['Godkendt', v.approved_at ? `${formatDateTime(v.approved_at)} af ${v.approved_by}` : null],
            ['Offentliggjort', v.published_at ? formatDateTime(v.published_at) : null],
            ['Erstattet', v.superseded_at ? formatDateTime(v.superseded_at) : null],
          ]}
        />
        {m.history.length > 0 && (
          <ul>
            {m.history.map((h) => (
              <li>
                {formatDateTime(h.at)}: {h.action === 'create' ? 'oprettet' : h.action === 'delete' ? 'slettet' : `ændret${statusOf(h.after)}`} af{' '}
                {h.actor_username}
              </li>
            ))}
          </ul>
        )}
        <p>
          <a href={`/api/tariffs/${v.id}`}>Se taksten som JSON</a>
        </p>
      </>
    ),
  };
};
