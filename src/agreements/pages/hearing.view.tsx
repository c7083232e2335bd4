/**
 * @module Hearing pages: versions of the agreement text, comments per section with the secretariat's answers,
 * one version with its comment form, and the answer form. View models come from hearing.service.ts.
 */
import type { PageOptions } from '../../core/http/app.js';
import { count, formatDate } from '../../core/format.js';
import { CheckboxGroup, CsrfField, ErrorSummary, Field, Select, TextArea } from '../../core/web/components.js';
import { asArray } from '../../core/validation.js';
import type { CommentRow } from '../hearing.service.js';
import type { HearingView, ResponseForm, VersionView } from '../hearing.service.js';
import { SubNav, Styles, Tag, agreementUrl, blankForm, crumbs, str, type FormState } from './shared.js';

const LABELS: Record<string, string> = {
  changelog: 'Ændringslog',
  addressedCommentIds: 'Høringssvar, versionen besvarer',
  sectionKey: 'Afsnit',
  text: 'Høringssvar',
  response: 'Svar',
  responseReason: 'Begrundelse',
  hearingUntil: 'Høringsfrist',
};
export const commentAnchor = (id: number) => `hoeringssvar-${id}`;
/** A response's number within the hearing of its version: every hearing starts at nr. 1 (the id stays in addresses). */
const commentNumber = (c: Pick<CommentRow, 'number'>) => String(c.number);

type VersionContent = ReadonlyArray<{ id: number; content: ReadonlyArray<{ key: string; label: string; title: string }> }>;

/** The section a comment is about, as readers know it ("Afsnit 1: Indledning"), never the technical key. */
const sectionName = (versions: VersionContent, c: Pick<CommentRow, 'version_id' | 'section_key'>) => {
  const s = versions.find((v) => v.id === c.version_id)?.content.find((x) => x.key === c.section_key);
  return s ? `${s.label}: ${s.title}` : 'et afsnit, der ikke længere findes';
};

/** Why the user sees no comment form, and who can comment: any signed-in user for their organisation, except readers. */
const WhoMayComment = ({ isSignedIn, isSecretariat, next }: { isSignedIn: boolean; isSecretariat: boolean; next: string }) =>
  isSecretariat ? (
    <p>Sekretariatet besvarer høringssvarene og afgiver ikke selv høringssvar. Høringssvarene kommer fra aftaleområdets organisationer.</p>
  ) : isSignedIn ? (
    <p>
      Du har rollen Læser og kan derfor ikke afgive høringssvar. Høringssvar afgives af brugere med en anden rolle end Læser på vegne af deres organisation.
    </p>
  ) : (
    <p>
      Høringssvar afgives af organisationer, der er logget ind. <a href={`/login?next=${encodeURIComponent(next)}`}>Log ind</a> for at afgive høringssvar på
      vegne af din organisation.
    </p>
  );

const Versions = ({ vm }: { vm: HearingView }) => (
  <div class="ramme-table-wrap" tabindex={0}>
    <table class="table table--compact">
      <caption>{count(vm.versions.length, 'version', 'versioner')} af aftaleteksten</caption>
      <thead>
        <tr>
          <th scope="col">Version</th>
          <th scope="col">Udgivet</th>
          <th scope="col">Ændringslog</th>
          <th scope="col" class="ramme-num">
            Høringssvar
          </th>
        </tr>
      </thead>
      <tbody>
        {vm.versions.map((v) => (
          <tr>
            <td>
              <a href={agreementUrl(vm.agreement.id, `/versioner/${v.id}`)}>Version {v.number}</a>
            </td>
            <td>{formatDate(v.created_on)}</td>
            <td>{v.changelog ?? ''}</td>
            <td class="ramme-num">{vm.comments.filter((c) => c.version_id === v.id).length}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);

const Comments = ({ vm }: { vm: HearingView }) => {
  const a = vm.agreement;
  return (
    <div class="ramme-table-wrap" tabindex={0}>
      <table class="table table--compact">
        <caption>{vm.comments.length} høringssvar med sekretariatets svar</caption>
        <thead>
          <tr>
            <th scope="col">Nr.</th>
            <th scope="col">Afsnit</th>
            <th scope="col">Fra</th>
            <th scope="col">Høringssvar</th>
            <th scope="col">Sekretariatets svar</th>
            <th scope="col">Behandlet i</th>
          </tr>
        </thead>
        <tbody>
          {vm.comments.map((c) => (
            <tr id={commentAnchor(c.id)}>
              <td>{commentNumber(c)}</td>
              <td>
                Version {c.version_number}: {sectionName(vm.versions, c)}
              </td>
              <td>{c.organisation_name}</td>
              <td>{c.text}</td>
              <td>
                {c.response ? (
                  <>
                    <Tag tone={vm.responseTone(c.response)}>{vm.responseLabel(c.response)}</Tag> {c.response_reason}
                  </>
                ) : (
                  <Tag tone="none">Ikke besvaret</Tag>
                )}
                {vm.canEdit && (
                  <>
                    {' '}
                    <a href={agreementUrl(a.id, `/hoeringssvar/${c.id}`)}>
                      {c.response ? 'Ret svar' : 'Besvar'}
                      <span class="sr-only"> høringssvar {commentNumber(c)}</span>
                    </a>
                  </>
                )}
              </td>
              <td>
                {c.addressed_in_version_id ? (
                  <a href={agreementUrl(a.id, `/versioner/${c.addressed_in_version_id}`)}>Version {c.addressed_in_version_number}</a>
                ) : (
                  '–'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};

const NewVersion = ({ vm, csrf, form }: { vm: HearingView; csrf: string; form: FormState }) => {
  const { values, errors } = form;
  const chosen = values.addressedCommentIds ? asArray(values.addressedCommentIds).map(String) : vm.addressable.map((c) => String(c.id));
  return (
    <section aria-labelledby="ny-version">
      <h2 id="ny-version">Udgiv ny version</h2>
      <p>Versionen dannes af aftalens nuværende indhold: afsnit, fokusområder med målsætninger og indikatorer, og principper med tilsagn.</p>
      <ErrorSummary errors={errors} labels={LABELS} />
      <form method="post" action={agreementUrl(vm.agreement.id, '/versioner')}>
        <CsrfField token={csrf} />
        <TextArea
          name="changelog"
          label="Ændringslog"
          value={str(values.changelog)}
          errors={errors}
          required
          maxlength={10000}
          hint="Hvad er ændret siden sidste version, og hvorfor."
        />
        {vm.addressable.length > 0 && (
          <CheckboxGroup
            name="addressedCommentIds"
            legend="Høringssvar, versionen besvarer"
            values={chosen}
            options={vm.addressable.map((c) => ({
              value: String(c.id),
              label: `Nr. ${commentNumber(c)} (version ${c.version_number}) fra ${c.organisation_name}: ${c.text.slice(0, 80)}`,
            }))}
            errors={errors}
          />
        )}
        <button type="submit" class="button button-primary">
          Udgiv version {(vm.versions.at(-1)?.number ?? 0) + 1}
        </button>
      </form>
    </section>
  );
};

export function hearingPage(vm: HearingView, csrf: string, form: FormState = blankForm): PageOptions {
  const { agreement: a, versions, inHearing } = vm;
  const latest = versions.at(-1);
  return {
    title: `Høring – ${a.title}`,
    status: form.errors ? 400 : undefined,
    breadcrumbs: crumbs(a, 'Høring'),
    body: (
      <>
        <Styles />
        <h1>Høring og versioner</h1>
        <SubNav agreement={a} current="/hoering" />
        {inHearing ? (
          <p class="font-lead">
            <Tag tone="warn">I høring</Tag> Version {inHearing.number} er i høring
            {inHearing.hearing_until ? ` til og med ${formatDate(inHearing.hearing_until)}` : ''}.{' '}
            <a href={agreementUrl(a.id, `/versioner/${inHearing.id}`)}>
              {vm.canComment ? `Læs version ${inHearing.number} og afgiv høringssvar` : `Læs version ${inHearing.number}`}
            </a>
          </p>
        ) : (
          <p>Aftalen er ikke i høring lige nu.</p>
        )}
        {inHearing && !vm.canComment && (
          <WhoMayComment isSignedIn={vm.isSignedIn} isSecretariat={vm.canEdit} next={agreementUrl(a.id, `/versioner/${inHearing.id}`)} />
        )}
        {vm.canEdit && a.status === 'under_udarbejdelse' && latest && (
          <form method="post" action={agreementUrl(a.id, '/status')}>
            <CsrfField token={csrf} />
            <input type="hidden" name="status" value="i_hoering" />
            <Field name="hearingUntil" label="Høringsfrist" type="date" required hint={`Version ${latest.number} sendes i høring.`} />
            <button type="submit" class="button button-primary">
              Send version {latest.number} i høring
            </button>
          </form>
        )}
        <h2>Versioner</h2>
        {versions.length === 0 ? <p>Ingen versioner endnu. Sekretariatet udgiver første version, når indholdet er klar.</p> : <Versions vm={vm} />}
        <h2>Høringssvar</h2>
        {vm.comments.length === 0 ? <p>Ingen høringssvar.</p> : <Comments vm={vm} />}
        {vm.canPublishVersion && <NewVersion vm={vm} csrf={csrf} form={form} />}
        {vm.canEdit && !vm.canPublishVersion && (
          <p>Aftalen er sendt til godkendelse eller godkendt, så der udgives ikke flere versioner. Send den tilbage til udarbejdelse for at rette teksten.</p>
        )}
      </>
    ),
  };
}

const CommentForm = ({ vm, csrf, form }: { vm: VersionView; csrf: string; form: FormState }) => (
  <section aria-labelledby="kommentar-h">
    <h2 id="kommentar-h">Afgiv høringssvar</h2>
    <p>Du svarer for {vm.organisationName}. Vælg det afsnit, svaret handler om.</p>
    <ErrorSummary errors={form.errors} labels={LABELS} />
    <form method="post" action={agreementUrl(vm.agreement.id, `/versioner/${vm.version.id}/hoeringssvar`)}>
      <CsrfField token={csrf} />
      <Select
        name="sectionKey"
        label="Afsnit"
        value={str(form.values.sectionKey)}
        options={vm.version.content.map((s) => ({ value: s.key, label: `${s.label}: ${s.title}` }))}
        errors={form.errors}
      />
      <TextArea name="text" label="Høringssvar" value={str(form.values.text)} errors={form.errors} required rows={6} maxlength={10000} />
      <button type="submit" class="button button-primary">
        Send høringssvar
      </button>
    </form>
  </section>
);

export function versionPage(vm: VersionView, csrf: string, form: FormState = blankForm): PageOptions {
  const { agreement: a, version: v } = vm;
  const hearing = agreementUrl(a.id, '/hoering');
  return {
    title: `Version ${v.number} – ${a.title}`,
    status: form.errors ? 400 : undefined,
    breadcrumbs: crumbs(a, `Version ${v.number}`, { href: hearing, label: 'Høring' }),
    body: (
      <>
        <Styles />
        <h1>
          {a.title}, version {v.number}
        </h1>
        <p>
          Udgivet {formatDate(v.created_on)}
          {v.hearing_until ? ` · høringsfrist ${formatDate(v.hearing_until)}` : ''}
          {vm.isOpen ? ' · i høring nu' : ''}.
        </p>
        <section aria-labelledby="log-h">
          <h2 id="log-h">Ændringslog</h2>
          <p>{v.changelog ?? '–'}</p>
          {vm.answered.length > 0 && (
            <>
              <p>Versionen besvarer disse høringssvar:</p>
              <ul>
                {vm.answered.map((c) => (
                  <li>
                    <a href={`${hearing}#${commentAnchor(c.id)}`}>
                      Høringssvar nr. {commentNumber(c)} fra {c.organisation_name}
                    </a>{' '}
                    (version {c.version_number}, {sectionName(vm.versions, c)})
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
        {vm.isOpen && !vm.mayComment && <WhoMayComment isSignedIn={vm.isSignedIn} isSecretariat={vm.canEdit} next={agreementUrl(a.id, `/versioner/${v.id}`)} />}
        {vm.mayComment && <CommentForm vm={vm} csrf={csrf} form={form} />}
        <nav aria-labelledby="toc-h" class="ramme-toc">
          <h2 id="toc-h">Indhold</h2>
          <ol>
            {v.content.map((s) => (
              <li>
                <a href={`#${s.key}`}>
                  {s.label}: {s.title}
                </a>
              </li>
            ))}
          </ol>
        </nav>
        {v.content.map((s) => {
          const cs = vm.own.filter((c) => c.section_key === s.key);
          return (
            <section id={s.key} aria-labelledby={`${s.key}-h`}>
              <h2 id={`${s.key}-h`}>
                {s.label}: {s.title}
              </h2>
              <p class="ramme-pre">{s.text}</p>
              {cs.length > 0 && (
                <p>
                  <a href={`${hearing}#${commentAnchor(cs[0]!.id)}`}>{cs.length} høringssvar til dette afsnit</a>
                </p>
              )}
            </section>
          );
        })}
      </>
    ),
  };
}

/** The form's values from a comment's current answer. */
export const responseValues = (c: ResponseForm['comment']) => ({ response: c.response, responseReason: c.response_reason });

export function responsePage(vm: ResponseForm, csrf: string, form: FormState): PageOptions {
  const { agreement: a, comment: c } = vm;
  const { values: v, errors } = form;
  return {
    title: `Besvar høringssvar ${commentNumber(c)}`,
    status: errors ? 400 : undefined,
    breadcrumbs: crumbs(a, `Høringssvar ${commentNumber(c)}`, { href: agreementUrl(a.id, '/hoering'), label: 'Høring' }),
    body: (
      <>
        <h1>Besvar høringssvar nr. {commentNumber(c)}</h1>
        <p>
          <strong>{c.organisation_name}</strong> om {sectionName(vm.versions, c)} i version {c.version_number}:
        </p>
        <blockquote>
          <p>{c.text}</p>
        </blockquote>
        <ErrorSummary errors={errors} labels={LABELS} />
        <form method="post" action={agreementUrl(a.id, `/hoeringssvar/${c.id}`)}>
          <CsrfField token={csrf} />
          <Select name="response" label="Svar" value={str(v.response) || 'taget_ind'} options={vm.responseOptions} errors={errors} />
          <TextArea name="responseReason" label="Begrundelse" value={str(v.responseReason)} errors={errors} required maxlength={4000} />
          <button type="submit" class="button button-primary">
            Gem svar
          </button>
        </form>
      </>
    ),
  };
}
