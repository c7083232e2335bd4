/**
 * @module Pages of the agreement itself: the list, the create and edit forms, and the overview with the
 * secretariat's status change and publication. Each page takes its view model from agreements.service.ts.
 */
import type { PageOptions } from '../../core/http/app.js';
import type { FieldErrors } from '../../core/errors.js';
import { count, formatDate } from '../../core/format.js';
import { Alert, Checkbox, CsrfField, DescriptionList, ErrorSummary, Field, Select, TextArea } from '../../core/web/components.js';
import type { AgreementRow } from '../agreements.service.js';
import type { AgreementListPage, AgreementOverview, PublicationView } from '../agreements.service.js';
import { SubNav, Styles, Tag, agreementUrl, blankForm, crumbs, pct, period, str, type FormState } from './shared.js';

const LABELS: Record<string, string> = {
  title: 'Titel',
  periodStart: 'Periodens start',
  periodEnd: 'Periodens slutning',
  preparationStart: 'Arbejdet starter',
  summary: 'Resumé',
  status: 'Ny status',
  hearingUntil: 'Høringsfrist',
  note: 'Bemærkning',
  closeHearingEarly: 'Luk høringen før fristen',
  isConfirmed: 'Bekræft offentliggørelsen',
};

const AgreementForm = (p: { csrf: string; action: string; values: Record<string, unknown>; errors?: FieldErrors; submitLabel: string }) => (
  <form method="post" action={p.action} class="col-12 col-lg-8" style="padding:0">
    <CsrfField token={p.csrf} />
    {p.values.version !== undefined && <input type="hidden" name="version" value={str(p.values.version)} />}
    <Field name="title" label="Titel" value={str(p.values.title)} errors={p.errors} required maxlength={200} hint="Fx Rammeaftale Sjælland 2027-2028" />
    <Field name="periodStart" label="Periodens start" type="date" value={str(p.values.periodStart)} errors={p.errors} required />
    <Field name="periodEnd" label="Periodens slutning" type="date" value={str(p.values.periodEnd)} errors={p.errors} required />
    <Field
      name="preparationStart"
      label="Arbejdet starter"
      type="date"
      value={str(p.values.preparationStart)}
      errors={p.errors}
      required
      hint="Første dag i processen. Faser og milepæle skal ligge mellem denne dato og periodens slutning."
    />
    <TextArea name="summary" label="Resumé" value={str(p.values.summary)} errors={p.errors} maxlength={4000} />
    <button type="submit" class="button button-primary">
      {p.submitLabel}
    </button>
  </form>
);

/** The form's values from a stored agreement. */
export const agreementValues = (a: AgreementRow) => ({
  title: a.title,
  periodStart: a.period_start,
  periodEnd: a.period_end,
  preparationStart: a.preparation_start,
  summary: a.summary,
  version: a.version,
});

export function listPage(vm: AgreementListPage): PageOptions {
  return {
    title: 'Rammeaftaler',
    breadcrumbs: [{ href: '/', label: 'Forside' }, { label: 'Rammeaftaler' }],
    body: (
      <>
        <Styles />
        <h1>Rammeaftaler</h1>
        <p class="font-lead">Aftalerne mellem kommunerne og regionen: fokusområder, mål, fælleskommunale principper, proces, høring og godkendelse.</p>
        {!vm.isSignedIn && (
          <p>
            Du ser de offentliggjorte aftaler. <a href="/login?next=/aftaler">Log ind</a> for at se aftaler under udarbejdelse i dit område.
          </p>
        )}
        {vm.canCreate && (
          <p>
            <a class="button button-primary" href="/aftaler/ny">
              Opret aftale
            </a>
          </p>
        )}
        <div class="ramme-table-wrap" tabindex={0}>
          <table class="table table--zebra">
            <caption>{count(vm.items.length, 'aftale', 'aftaler')}</caption>
            <thead>
              <tr>
                <th scope="col">Aftale</th>
                <th scope="col">Område</th>
                <th scope="col">Periode</th>
                <th scope="col">Status</th>
                <th scope="col">Godkendelse</th>
                <th scope="col">Offentlig</th>
              </tr>
            </thead>
            <tbody>
              {vm.items.map(({ agreement: a, statusLabel, tone, approved, total }) => (
                <tr>
                  <td>
                    <a href={agreementUrl(a.id)}>{a.title}</a>
                  </td>
                  <td>{a.area_name}</td>
                  <td>{`${a.period_start.slice(0, 4)}-${a.period_end.slice(0, 4)}`}</td>
                  <td>
                    <Tag tone={tone}>{statusLabel}</Tag>
                  </td>
                  <td>{`${approved} af ${total}`}</td>
                  <td>{a.is_public ? 'Ja' : 'Nej'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </>
    ),
  };
}

export function newPage(csrf: string, form: FormState = blankForm): PageOptions {
  return {
    title: 'Opret aftale',
    status: form.errors ? 400 : undefined,
    breadcrumbs: [{ href: '/', label: 'Forside' }, { href: '/aftaler', label: 'Rammeaftaler' }, { label: 'Opret aftale' }],
    body: (
      <>
        <h1>Opret rammeaftale</h1>
        <ErrorSummary errors={form.errors} labels={LABELS} />
        <AgreementForm csrf={csrf} action="/aftaler/ny" values={form.values} errors={form.errors} submitLabel="Opret aftale" />
      </>
    ),
  };
}

export function editPage(a: AgreementRow, csrf: string, form: FormState): PageOptions {
  return {
    title: `Ret ${a.title}`,
    status: form.errors ? (form.status ?? 400) : undefined,
    breadcrumbs: crumbs(a, 'Ret aftalen'),
    body: (
      <>
        <h1>Ret aftalen</h1>
        <ErrorSummary errors={form.errors} labels={LABELS} />
        <AgreementForm csrf={csrf} action={agreementUrl(a.id, '/rediger')} values={form.values} errors={form.errors} submitLabel="Gem" />
      </>
    ),
  };
}

function phaseText(cur: AgreementOverview['phase']): string {
  switch (cur.state) {
    case 'i_gang':
      return `${cur.phase.name} (${formatDate(cur.phase.starts_on)} – ${formatDate(cur.phase.ends_on)})`;
    case 'foer_start':
      return `Ingen endnu; ${cur.next.name} starter ${formatDate(cur.next.starts_on)}`;
    case 'mellem_faser':
      return `Mellem ${cur.previous.name} og ${cur.next.name}`;
    case 'afsluttet':
      return `Alle faser er afsluttet (sidste: ${cur.previous.name})`;
    default:
      return 'Ingen faser i procesplanen';
  }
}

const SecretariatActions = ({ vm, csrf, form }: { vm: AgreementOverview; csrf: string; form: FormState }) => {
  const a = vm.agreement;
  return (
    <section aria-labelledby="sekretariat-h">
      <h2 id="sekretariat-h">Sekretariatets handlinger</h2>
      <ErrorSummary errors={form.errors} labels={LABELS} />
      <p>
        <a class="button button-secondary" href={agreementUrl(a.id, '/rediger')}>
          Ret titel og periode
        </a>
      </p>
      {vm.transitions.length > 0 ? (
        <form method="post" action={agreementUrl(a.id, '/status')}>
          <CsrfField token={csrf} />
          <Select
            name="status"
            label="Ny status"
            value={str(form.values.status) || undefined}
            options={vm.transitions}
            errors={form.errors}
            hint="Godkendt sættes ikke i hånden: aftalen bliver godkendt, når alle medlemmer har godkendt."
          />
          <Field
            name="hearingUntil"
            label="Høringsfrist"
            type="date"
            value={str(form.values.hearingUntil)}
            errors={form.errors}
            hint="Kun ved høring. Den nyeste version sendes i høring."
          />
          <Field name="note" label="Bemærkning" value={str(form.values.note)} errors={form.errors} maxlength={1000} />
          {vm.hearingOpenUntil && (
            <Checkbox
              name="closeHearingEarly"
              label="Luk høringen før fristen"
              checked={!!form.values.closeHearingEarly}
              errors={form.errors}
              hint={`Aftalen er i høring til og med ${formatDate(vm.hearingOpenUntil)}. Skifter du status nu, lukkes høringen før fristen, og organisationerne kan ikke længere afgive høringssvar.`}
            />
          )}
          <button type="submit" class="button button-primary">
            Skift status
          </button>
        </form>
      ) : (
        <p>Status følger nu godkendelserne.</p>
      )}
      {a.is_public ? (
        <form method="post" action={agreementUrl(a.id, '/offentliggoerelse')}>
          <CsrfField token={csrf} />
          <input type="hidden" name="isPublic" value="false" />
          <button type="submit" class="button button-secondary">
            Fjern offentliggørelsen
          </button>
        </form>
      ) : (
        <p>
          <a class="button button-secondary" href={agreementUrl(a.id, '/offentliggoerelse')}>
            Offentliggør aftalen
          </a>
        </p>
      )}
    </section>
  );
};

/** What the overview says after a publication change (from the redirect's `besked`). */
export type OverviewNotice = 'offentliggjort' | 'ikke-offentlig' | null;

export function overviewPage(vm: AgreementOverview, csrf: string, form: FormState = blankForm, notice: OverviewNotice = null): PageOptions {
  const a = vm.agreement;
  const s = vm.approval;
  return {
    title: a.title,
    status: form.errors ? 400 : undefined,
    breadcrumbs: crumbs(a),
    body: (
      <>
        <Styles />
        <h1>{a.title}</h1>
        <SubNav agreement={a} current="" />
        {notice === 'offentliggjort' && a.is_public && (
          <Alert kind="success" heading="Aftalen er offentliggjort">
            Alle kan nu læse aftalen, også uden at logge ind.
          </Alert>
        )}
        {notice === 'ikke-offentlig' && !a.is_public && (
          <Alert kind="success" heading="Offentliggørelsen er fjernet">
            Kun aftaleområdets organisationer kan nu læse aftalen.
          </Alert>
        )}
        <p>
          <Tag tone={vm.statusTone}>{vm.statusLabel}</Tag> <strong>{`${s.approved} af ${s.total} har godkendt`}</strong>
          {s.rejected > 0 && ` · ${s.rejected} har ikke godkendt`}
        </p>
        {a.summary && <p class="font-lead">{a.summary}</p>}
        <DescriptionList
          items={[
            ['Aftaleområde', a.area_name],
            ['Periode', period(a)],
            ['Arbejdet startede', formatDate(a.preparation_start)],
            ['Aktuel fase', phaseText(vm.phase)],
            ['Næste milepæl', vm.next ? `${formatDate(vm.next.due_on)}: ${vm.next.title}` : 'Ingen planlagte'],
            ['Forsinkede milepæle', vm.overdue.length ? `${vm.overdue.length}: ${vm.overdue.map((m) => m.title).join('; ')}` : 'Ingen'],
            ['Fokusområder', String(vm.focusAreaCount)],
            [
              'Fælleskommunale tilsagn',
              vm.commitmentCount
                ? `${vm.commitmentCount} tilsagn; ${pct(vm.implementedShare)} implementeret på tværs af ${count(vm.memberCount, 'medlem', 'medlemmer')}`
                : 'Ingen',
            ],
            ['Offentliggjort', a.is_public ? `Ja, ${formatDate(a.published_on)}` : 'Nej'],
          ]}
        />
        <p>
          <a href={agreementUrl(a.id, '/dokument')}>Læs aftalen som dokument</a> · <a href={agreementUrl(a.id, '/aftale.pdf')}>Hent som PDF</a>
        </p>
        {vm.canEdit && <SecretariatActions vm={vm} csrf={csrf} form={form} />}
        {!vm.isSignedIn && a.is_public && (
          <Alert kind="info">Du ser en offentliggjort aftale. Medlemmer logger ind for at melde status, svar og godkendelser.</Alert>
        )}
      </>
    ),
  };
}

/** The confirmation before publishing: who will see the agreement, and that it is not (yet) approved by all. */
export function publicationPage(vm: PublicationView, csrf: string, form: FormState = blankForm): PageOptions {
  const { agreement: a, approval: s } = vm;
  return {
    title: `Offentliggør ${a.title}`,
    status: form.errors ? 400 : undefined,
    breadcrumbs: crumbs(a, 'Offentliggør'),
    body: (
      <>
        <h1>Offentliggør aftalen</h1>
        <ErrorSummary errors={form.errors} labels={LABELS} />
        {a.is_public ? (
          <Alert kind="info">{`Aftalen er allerede offentliggjort (${formatDate(a.published_on)}).`}</Alert>
        ) : (
          <>
            <p class="font-lead">Når aftalen er offentliggjort, kan alle læse den, også borgere og andre, der ikke er logget ind.</p>
            <ul>
              <li>Aftalen, dens dokument og PDF bliver synlige for alle på {agreementUrl(a.id)} og i listen over rammeaftaler.</li>
              <li>{`Status: ${vm.statusLabel}.`}</li>
              <li>
                <strong>
                  {s.isAllApproved
                    ? `Aftalen er godkendt af alle medlemmer (${s.approved} af ${s.total}).`
                    : `Aftalen er ikke godkendt: ${s.approved} af ${s.total} har godkendt.`}
                </strong>
              </li>
            </ul>
            <form method="post" action={agreementUrl(a.id, '/offentliggoerelse')}>
              <CsrfField token={csrf} />
              <input type="hidden" name="isPublic" value="true" />
              <Checkbox
                name="isConfirmed"
                label={s.isAllApproved ? 'Ja, aftalen skal kunne ses af alle' : 'Ja, aftalen skal kunne ses af alle, selv om den ikke er godkendt'}
                checked={!!form.values.isConfirmed}
                errors={form.errors}
              />
              <div class="ramme-actions">
                <button type="submit" class="button button-primary">
                  Offentliggør aftalen
                </button>
                <a href={agreementUrl(a.id)}>Fortryd</a>
              </div>
            </form>
          </>
        )}
      </>
    ),
  };
}
