/**
 * @module Demo data of the central announcements, deterministic: the announcement on braille and sign-language
 * services (2022, answered in mid-2023), the one on citizens with intellectual disabilities and a sentence (deadline
 * extended to 31 December 2024, a national joint answer), and one open announcement of 2026 that some
 * municipalities have answered and others not, for Sjælland (and Syddanmark in the national scope). Texts are the
 * demo's own.
 */
import type { SeedContext } from '../core/capability.js';
import type { Queryable } from '../core/db/types.js';

type Spec = {
  title: string;
  targetGroup: string;
  description: string;
  issuedOn: string;
  deadline: string;
  questions: string[];
  answers: string[][];
  extensions?: Array<{ requestedOn: string; newDeadline: string; status: 'bevilget' | 'afslaaet' | 'afventer'; note: string }>;
  jointAnswer?: string;
  /** Every n-th municipality (by name) has answered; 1: all. */
  answeredEvery: number;
  report?: { text: string; sentOn: string; reference: string; response?: { on: string; text: string } };
};

const SPECS: Spec[] = [
  {
    title: 'Central udmelding om punktskrift- og tegnsprogsindsatser',
    targetGroup: 'Børn, unge og voksne, der er blinde, døve eller har et alvorligt syns- eller høretab',
    description:
      'Styrelsen beder hvert rammeaftaleområde beskrive, hvordan kommunerne sikrer undervisning og rådgivning i punktskrift og tegnsprog, og hvordan den faglige kapacitet bevares på landsplan.',
    issuedOn: '2022-11-15',
    deadline: '2023-06-30',
    questions: [
      'Hvilke tilbud bruger kommunen i dag til undervisning i punktskrift og tegnsprog?',
      'Hvor mange borgere i kommunen har fået en indsats de seneste to år?',
      'Ser kommunen udfordringer med at fastholde den specialiserede viden?',
    ],
    answers: [
      [
        'Kommunen køber undervisningen hos et landsdækkende videnscenter og hos en regional specialskole.',
        'Kommunen bruger primært et regionalt kommunikationscenter og enkelte forløb på et landsdækkende tilbud.',
      ],
      ['Under ti borgere om året, de fleste børn i skolealderen.', 'Et lille antal, typisk tre til seks borgere om året.'],
      ['Ja, antallet af fagpersoner er lille og sårbart over for afgange.', 'Ikke akut, men kommunen følger udviklingen tæt.'],
    ],
    answeredEvery: 1,
    report: {
      text: 'Kommunerne i området bruger få og højt specialiserede tilbud til punktskrift og tegnsprog. Behovet er lille i antal, men stabilt, og flere kommuner peger på, at den faglige viden er sårbar. Området anbefaler, at de landsdækkende tilbud fortsat koordineres nationalt, og at kommunerne deler viden gennem netværket for kommunikationscentre.',
      sentOn: '2023-06-22',
      reference: 'SBST-2022-4471',
      response: {
        on: '2023-09-14',
        text: 'Styrelsen har modtaget afrapporteringen og indarbejder den i den samlede nationale vurdering af området.',
      },
    },
  },
  {
    title: 'Central udmelding om borgere med udviklingshæmning og dom',
    targetGroup: 'Voksne med udviklingshæmning, der har fået en dom til anbringelse eller behandling',
    description:
      'Styrelsen beder områderne beskrive kapaciteten i de sikrede og særligt tilrettelagte tilbud, ventetider og samarbejdet med kriminalforsorgen og psykiatrien.',
    issuedOn: '2023-12-01',
    deadline: '2024-06-30',
    questions: [
      'Hvor mange borgere med dom har kommunen ansvaret for, og hvor bor de?',
      'Oplever kommunen ventetid på pladser i de særligt tilrettelagte tilbud?',
      'Hvordan samarbejder kommunen med kriminalforsorgen og psykiatrien?',
      'Hvilke initiativer ønsker kommunen, at området tager fælles?',
    ],
    answers: [
      ['Kommunen har ansvaret for en lille gruppe, der bor i regionale og kommunale botilbud.', 'Nogle få borgere, de fleste i botilbud uden for kommunen.'],
      ['Ja, ventetiden på en plads har været flere måneder.', 'Sjældent, men det sker ved akutte anbringelser.'],
      ['Der er faste samarbejdsmøder med kriminalforsorgen og en kontaktperson i psykiatrien.', 'Samarbejdet sker fra sag til sag.'],
      ['Et fælles overblik over pladser og ventetid.', 'Fælles kompetenceudvikling af personalet.'],
    ],
    extensions: [
      {
        requestedOn: '2024-05-21',
        newDeadline: '2024-12-31',
        status: 'bevilget',
        note: 'Sekretariaterne bad samlet om længere frist for at kunne afgive et nationalt fællessvar.',
      },
    ],
    jointAnswer:
      'Sekretariaterne svarer samlet: kapaciteten i de særligt tilrettelagte tilbud er presset i hele landet, ventetiden er stigende, og området har brug for et fælles nationalt overblik over pladser og målgruppens udvikling.',
    answeredEvery: 1,
    report: {
      text: 'Området har få, men komplekse forløb. Kommunerne oplever periodevis ventetid på pladser og efterspørger et fælles overblik og fælles kompetenceudvikling. Afrapporteringen indgår i sekretariaternes nationale fællessvar.',
      sentOn: '2024-12-17',
      reference: 'SBST-2023-9120',
    },
  },
  {
    title: 'Central udmelding om børn og unge med svære spiseforstyrrelser',
    targetGroup: 'Børn og unge under 18 år med svære spiseforstyrrelser',
    description:
      'Styrelsen beder områderne beskrive, hvilke sociale tilbud kommunerne bruger til målgruppen, og om der er behov for at koordinere kapaciteten på tværs af områderne.',
    issuedOn: '2026-10-01',
    deadline: '2026-12-10',
    questions: [
      'Hvilke sociale tilbud bruger kommunen til målgruppen i dag?',
      'Hvordan forventer kommunen, at behovet udvikler sig de næste tre år?',
      'Er der behov for fælles koordinering af kapaciteten i området?',
    ],
    answers: [
      ['Kommunen bruger et privat døgntilbud og ambulante forløb i egen kommune.', 'Kommunen har ingen borgere i målgruppen i øjeblikket.'],
      ['Kommunen forventer en svag stigning.', 'Behovet forventes at være uændret.'],
      ['Ja, især ved akutte anbringelser.', 'Et fælles overblik ville være en fordel.'],
    ],
    answeredEvery: 2,
  },
];

async function seedOne(db: Queryable, spec: Spec, areas: Array<{ id: number; code: string }>) {
  const { id } = await db
    .insertInto('coop_announcement')
    .values({
      title: spec.title,
      authority: 'Social- og Boligstyrelsen',
      target_group: spec.targetGroup,
      description: spec.description,
      issued_on: spec.issuedOn,
      deadline: spec.deadline,
      is_joint: !!spec.jointAnswer,
      joint_answer: spec.jointAnswer ?? null,
      created_by: 'system',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const questions = await db
    .insertInto('coop_announcement_question')
    .values(spec.questions.map((text, i) => ({ announcement_id: id, position: i + 1, text })))
    .returning('id')
    .execute();
  if (spec.extensions?.length)
    await db
      .insertInto('coop_announcement_extension')
      .values(
        spec.extensions.map((e) => ({
          announcement_id: id,
          requested_on: e.requestedOn,
          new_deadline: e.newDeadline,
          status: e.status,
          note: e.note,
          created_by: 'system',
        })),
      )
      .execute();
  let answered = 0;
  for (const area of areas) {
    const r = spec.report;
    await db
      .insertInto('coop_announcement_area')
      .values({
        announcement_id: id,
        area_id: area.id,
        status: r ? (r.response ? 'besvaret' : 'sendt') : 'kladde',
        report_text: r?.text ?? null,
        sent_on: r?.sentOn ?? null,
        sent_by: r ? 'Sekretariatet' : null,
        sent_reference: r?.reference ?? null,
        response_on: r?.response?.on ?? null,
        response_text: r?.response?.text ?? null,
      })
      .execute();
    const members = await db
      .selectFrom('agreement_area_member as am')
      .innerJoin('organisation as o', 'o.id', 'am.organisation_id')
      .select(['o.id'])
      .where('am.area_id', '=', area.id)
      .where('o.kind', '=', 'municipality')
      .where('am.valid_from', '<=', spec.issuedOn)
      .where((eb) => eb.or([eb('am.valid_to', 'is', null), eb('am.valid_to', '>=', spec.issuedOn)]))
      .orderBy('o.name')
      .execute();
    for (const [i, m] of members.entries()) {
      if (i % spec.answeredEvery !== 0) continue;
      const response = await db
        .insertInto('coop_announcement_response')
        .values({ announcement_id: id, organisation_id: m.id, area_id: area.id, answered_by: 'system' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('coop_announcement_answer')
        .values(questions.map((q, qi) => ({ response_id: response.id, question_id: q.id, text: spec.answers[qi]![(i + qi) % spec.answers[qi]!.length]! })))
        .execute();
      answered++;
    }
  }
  return answered;
}

export async function seedAnnouncements({ db, scope, log }: SeedContext): Promise<void> {
  const codes = scope === 'national' ? ['sjaelland', 'syddanmark'] : ['sjaelland'];
  const areas = await db.selectFrom('agreement_area').select(['id', 'code']).where('code', 'in', codes).orderBy('code').execute();
  let answers = 0;
  for (const spec of SPECS) answers += await seedOne(db, spec, areas);
  log(`${SPECS.length} centrale udmeldinger med ${answers} kommunale svar`);
}
