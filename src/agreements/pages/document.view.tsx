/**
 * @module The published agreement as a readable document, public without login: table of contents, both parts,
 * focus areas, objectives with indicator status, joint principles with the members' status, process history and
 * approvals; a print stylesheet. The view model comes from document.service.ts.
 */
import type { PageOptions } from '../../core/http/app.js';
import { count, formatDate } from '../../core/format.js';
import type { DocumentData } from '../document.service.js';
import { SubNav, Styles, Tag, agreementUrl, crumbs, pct, value, FocusAreaText } from './shared.js';

const PROGRESS_TONE: Record<string, string> = { naaet: 'ok', paa_vej: 'warn', tilbage: 'bad', ingen_maaling: 'none', ingen_maal: 'neutral' };

type Props = { d: DocumentData };

/** Both parts with their focus areas, objectives and the indicators' status. */
const Parts = ({ d }: Props) => (
  <>
    {d.parts.map((p) => (
      <section class="ramme-part" id={`del-${p.code}`} aria-labelledby={`del-${p.code}-h`}>
        <h2 id={`del-${p.code}-h`}>{p.label}</h2>
        {p.focusAreas.length === 0 && <p>Ingen fokusområder i denne del.</p>}
        {p.focusAreas.map((f) => (
          <section aria-labelledby={`fa-${f.id}`}>
            <h3 id={`fa-${f.id}`}>
              Fokusområde {f.number}: {f.title}
            </h3>
            <FocusAreaText goal={f.goal} content={f.content} desiredResults={f.desiredResults} responsible={f.responsible} />
            {f.objectives.map((o) => (
              <div>
                <h4>
                  Målsætning {f.number}.{o.number}: {o.title}
                </h4>
                {o.description && <p>{o.description}</p>}
                {o.indicators.length > 0 && (
                  <div class="ramme-table-wrap" tabindex={0}>
                    <table class="table table--compact">
                      <caption>
                        Indikatorer for målsætning {f.number}.{o.number}
                      </caption>
                      <thead>
                        <tr>
                          <th scope="col">Indikator</th>
                          <th scope="col">Udgangspunkt</th>
                          <th scope="col">Mål</th>
                          <th scope="col">Seneste</th>
                          <th scope="col">Status</th>
                        </tr>
                      </thead>
                      <tbody>
                        {o.indicators.map((i) => (
                          <tr>
                            <th scope="row">{d.indicatorLinks ? <a href={agreementUrl(d.id, `/indikatorer/${i.id}`)}>{i.name}</a> : i.name}</th>
                            <td>
                              {value(i.baseline?.value, i.unit)}
                              {i.baseline ? ` (${formatDate(i.baseline.date)})` : ''}
                            </td>
                            <td>
                              {value(i.target?.value, i.unit)}
                              {i.target ? ` (${formatDate(i.target.date)})` : ''}
                            </td>
                            <td>
                              {value(i.latest?.value, i.unit)}
                              {i.latest ? ` (${formatDate(i.latest.date)})` : ''}
                            </td>
                            <td>
                              <Tag tone={PROGRESS_TONE[i.progress]!}>{i.progressLabel}</Tag>
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
              </div>
            ))}
          </section>
        ))}
      </section>
    ))}
  </>
);

/** The joint principles: each commitment's tally, and implementation per member. */
const Principles = ({ d }: Props) => (
  <section id="principper" aria-labelledby="principper-h">
    <h2 id="principper-h">Fælleskommunale principper</h2>
    {d.principleRows.length === 0 ? (
      <p>Aftalen har ingen fælleskommunale principper.</p>
    ) : (
      <>
        <p>
          {pct(d.overall.share)} af de relevante tilsagn er implementeret ({d.overall.implemented} af {d.overall.relevant}) på tværs af{' '}
          {count(d.members.length, 'medlem', 'medlemmer')}.{' '}
          <a class="ramme-no-print" href={agreementUrl(d.id, '/principper')}>
            Se matrixen pr. medlem
          </a>
        </p>
        {d.principleRows.map((p) => (
          <div class="ramme-table-wrap" tabindex={0}>
            <table class="table table--compact">
              <caption>
                Princip {p.number}: {p.title}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Tilsagn</th>
                  {d.statusColumns.map((s) => (
                    <th scope="col" class="ramme-num">
                      {s.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {p.commitments.map((c) => (
                  <tr>
                    <th scope="row">
                      {p.number}.{c.number} {c.text}
                      <br />
                      <small>{[c.scopeNote, `gælder fra ${formatDate(c.appliesFrom)}`].filter(Boolean).join(' · ')}</small>
                    </th>
                    {d.statusColumns.map((s) => (
                      <td class="ramme-num">{c.tally.counts[s.code] ?? 0}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
        <div class="ramme-table-wrap" tabindex={0}>
          <table class="table table--compact">
            <caption>Implementering pr. medlem</caption>
            <thead>
              <tr>
                <th scope="col">Medlem</th>
                <th scope="col" class="ramme-num">
                  Implementeret
                </th>
                <th scope="col" class="ramme-num">
                  Andel
                </th>
              </tr>
            </thead>
            <tbody>
              {d.memberRows.map((m) => (
                <tr>
                  <th scope="row">{m.name}</th>
                  <td class="ramme-num">
                    {m.tally.implemented} af {m.tally.relevant}
                  </td>
                  <td class="ramme-num">{pct(m.tally.share)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </>
    )}
  </section>
);

/** The status history, the milestones done and the versions of the text. */
const Process = ({ d }: Props) => (
  <section id="proces" aria-labelledby="proces-h">
    <h2 id="proces-h">Procesforløb</h2>
    <ul>
      {d.history.map((e) => (
        <li>
          {formatDate(e.date)}: {e.statusLabel}
          {e.note ? ` – ${e.note}` : ''}
        </li>
      ))}
    </ul>
    {d.doneMilestones.length > 0 && (
      <div class="ramme-table-wrap" tabindex={0}>
        <table class="table table--compact">
          <caption>Gennemførte milepæle</caption>
          <thead>
            <tr>
              <th scope="col">Dato</th>
              <th scope="col">Milepæl</th>
              <th scope="col">Leverance</th>
            </tr>
          </thead>
          <tbody>
            {d.doneMilestones.map((m) => (
              <tr>
                <td>{formatDate(m.dueOn)}</td>
                <td>{m.title}</td>
                <td>{m.deliverable ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    )}
    {d.versions.length > 0 && (
      <p>
        Aftaleteksten er udgivet i {count(d.versions.length, 'version', 'versioner')}; seneste er version {d.versions.at(-1)!.number} fra{' '}
        {formatDate(d.versions.at(-1)!.createdOn)}.
      </p>
    )}
  </section>
);

export function documentPage(d: DocumentData): PageOptions {
  const a = { id: d.id, title: d.title };
  return {
    title: d.title,
    breadcrumbs: crumbs(a, 'Dokument'),
    body: (
      <>
        <Styles />
        <SubNav agreement={a} current="/dokument" />
        <article class="ramme-doc">
          <h1>{d.title}</h1>
          <p class="font-lead">
            {d.area.name} · {formatDate(d.periodStart)} – {formatDate(d.periodEnd)}
          </p>
          <p>
            Status: <Tag tone={d.status === 'godkendt' ? 'ok' : 'neutral'}>{d.statusLabel}</Tag> · {d.approval.text}
            {d.publishedOn ? ` · offentliggjort ${formatDate(d.publishedOn)}` : ' · ikke offentliggjort'}
          </p>
          {!d.isPublic && (
            <p>
              <strong>Udkast:</strong> Aftalen er ikke offentliggjort; kun brugere med adgang kan se den.
            </p>
          )}
          {d.summary && <p>{d.summary}</p>}
          <p class="ramme-no-print ramme-actions">
            <a class="button button-secondary" href={agreementUrl(a.id, '/aftale.pdf')}>
              Hent som PDF
            </a>
            <span>Siden kan også udskrives direkte fra browseren.</span>
          </p>
          <nav class="ramme-toc" aria-labelledby="toc">
            <h2 id="toc">Indhold</h2>
            <ol>
              {d.sections.map((s) => (
                <li>
                  <a href={`#afsnit-${s.number}`}>{s.title}</a>
                </li>
              ))}
              {d.parts.map((p) => (
                <li>
                  <a href={`#del-${p.code}`}>{p.label}</a>
                </li>
              ))}
              <li>
                <a href="#principper">Fælleskommunale principper</a>
              </li>
              <li>
                <a href="#proces">Procesforløb</a>
              </li>
              <li>
                <a href="#godkendelse">Godkendelse</a>
              </li>
            </ol>
          </nav>
          {d.sections.map((s) => (
            <section id={`afsnit-${s.number}`} aria-labelledby={`afsnit-${s.number}-h`}>
              <h2 id={`afsnit-${s.number}-h`}>{s.title}</h2>
              <p>{s.body}</p>
            </section>
          ))}
          <Parts d={d} />
          <Principles d={d} />
          <Process d={d} />
          <section id="godkendelse" aria-labelledby="godkendelse-h">
            <h2 id="godkendelse-h">Godkendelse</h2>
            <p>{d.approval.text}.</p>
            <ul>
              {d.approvals.map((x) => (
                <li>
                  {x.organisation}: {x.decisionLabel}
                  {x.decidedOn ? ` ${formatDate(x.decidedOn)}` : ''}
                  {x.reference ? ` (${x.reference})` : ''}
                </li>
              ))}
            </ul>
          </section>
        </article>
      </>
    ),
  };
}
