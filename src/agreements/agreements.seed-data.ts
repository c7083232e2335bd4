/**
 * @module Demo content for three agreements, written for Ramme (fictional wording; titles, numbers and dates
 * follow the public meeting material in shared/seeds): Rammeaftale Sjælland 2025-2026 with its three joint
 * principles, Sjælland 2021-2022 with its six proposed focus areas and the dialogue meeting, and Hovedstaden's
 * joint-goals process for Rammeaftale 2018. Plus Sjælland 2027-2028 in preparation.
 */
export type SeedFocusArea = {
  part: 'udvikling' | 'styring';
  number: number;
  title: string;
  goal: string;
  content: string;
  results: string[];
  responsible: string;
  objectives?: Array<{ title: string; description?: string; indicators: SeedIndicator[] }>;
};
export type SeedIndicator = {
  name: string;
  definition: string;
  unit: string;
  direction: 'higher' | 'lower';
  baseline?: [string, string];
  target?: [string, string];
  source?: string;
  measurements?: Array<[string, string, string]>;
};
export type SeedMilestone = {
  due: string;
  title: string;
  responsible: string;
  deliverable?: string;
  done: boolean;
  phase?: number;
  /** The status change that completes it. */
  completesOn?: 'i_hoering' | 'til_godkendelse' | 'godkendt';
};

export const SJ2526 = {
  title: 'Rammeaftale Sjælland 2025-2026',
  period: ['2025-01-01', '2026-12-31'] as const,
  preparationStart: '2024-01-01',
  summary:
    'Kommunerne i Region Sjælland og Region Sjælland samarbejder i 2025-2026 om tre fokusområder og tre fælleskommunale principper. Principperne er godkendt i alle 17 byråd og kommunalbestyrelser og følges op med status pr. kommune.',
  sections: [
    {
      title: 'Indledning',
      body: 'Rammeaftalen er kommunernes og regionens fælles aftale om udvikling, styring og koordinering af det specialiserede social- og specialundervisningsområde i regionen. Den gælder for 2025 og 2026.',
    },
    {
      title: 'Sådan er aftalen bygget op',
      body: 'Udviklingsstrategien beskriver de fokusområder, vi arbejder sammen om. Styringsaftalen beskriver rammerne for køb og salg af pladser og de fælleskommunale principper, som alle medlemmer har forpligtet sig på.',
    },
    {
      title: 'Opfølgning',
      body: 'Sekretariatet følger op på principperne to gange om året. Hver kommune melder status på hvert tilsagn i Ramme, og styregruppen drøfter udviklingen på sine møder.',
    },
  ],
  focusAreas: [
    {
      part: 'styring',
      number: 1,
      title: 'Tilbud til borgeren til rette tid, pris og kvalitet',
      responsible: 'Styregruppen for Rammeaftale Sjælland',
      goal: 'Vi vil bremse de stigende udgifter og samtidig give borgeren en indsats af god kvalitet – ved at skabe mere konkurrence og gennemsigtighed om de specialiserede tilbud.',
      content:
        'Udgifterne på det specialiserede socialområde er steget i en årrække. Fokusområdet samler arbejdet med priser, kontrakter og kvalitet og bygger på de tre fælleskommunale principper.',
      results: [
        'Flere køb sker på standardkontrakt og til en kendt takst',
        'Udgiftskurven er knækket i perioden',
        'Tilbudsoplysningerne er opdaterede og sammenlignelige',
      ],
      objectives: [
        {
          title: 'Gennemsigtige tilbud og priser',
          description: 'Alle kan se de samme, opdaterede oplysninger om tilbud og takster.',
          indicators: [
            {
              name: 'Tilbud opdateret inden for 12 måneder',
              definition: 'Andel af områdets aktive tilbud, hvis registeroplysninger er opdateret inden for 12 måneder. Beregnes af Ramme.',
              unit: '%',
              direction: 'higher',
              baseline: ['60', '2025-01-01'],
              target: ['90', '2026-12-31'],
              source: 'offerings.updated-12m',
            },
            {
              name: 'Nye kontrakter på standardkontrakt',
              definition: 'Andel af nye kontrakter om køb af pladser, der er indgået på standardkontrakten. Beregnes af Ramme ud fra kontrakterne.',
              unit: '%',
              direction: 'higher',
              baseline: ['55', '2024-12-31'],
              target: ['100', '2026-12-31'],
              source: 'placements.standard-contracts',
            },
            {
              name: 'Nye kontrakter, der er tidsbegrænsede',
              definition: 'Andel af nye kontrakter om køb af pladser, der har en slutdato. Beregnes af Ramme ud fra kontrakterne.',
              unit: '%',
              direction: 'higher',
              baseline: ['20', '2024-12-31'],
              target: ['100', '2026-12-31'],
              source: 'placements.time-limited-contracts',
            },
          ],
        },
        {
          title: 'Principperne er omsat i praksis',
          description: 'Kommunerne og regionen har implementeret de fælleskommunale tilsagn.',
          indicators: [
            {
              name: 'Fælleskommunale tilsagn implementeret',
              definition: 'Andel af de gældende tilsagn, som medlemmerne har meldt implementeret (ikke relevante tæller ikke med). Beregnes af Ramme.',
              unit: '%',
              direction: 'higher',
              baseline: ['0', '2025-01-01'],
              target: ['80', '2026-12-31'],
              source: 'agreements.commitments-implemented',
            },
          ],
        },
      ],
    },
    {
      part: 'udvikling',
      number: 2,
      title: 'Styrket samarbejde med og om borgerne på tværs af sektorer',
      responsible: 'Udviklingsgruppen for Rammeaftale Sjælland',
      goal: 'Borgere med komplekse behov skal opleve én sammenhængende indsats, hvor kommune, psykiatri, somatik og jobcenter arbejder sammen – så de får bedre sundhed og et længere liv.',
      content:
        'Fokusområdet ser på overgangene mellem sektorer for voksne med dobbeltdiagnoser, voksne i specialiserede botilbud og socialpsykiatri samt den forebyggende indsats for børn og unge.',
      results: [
        'Fælles samarbejdsaftaler om borgere med dobbeltdiagnoser',
        'Bedre opsporing af somatisk sygdom hos borgere i botilbud',
        'Koordinerede indsatsplaner bruges i alle kommuner',
      ],
      objectives: [
        {
          title: 'Flere tværsektorielle samarbejdsaftaler',
          indicators: [
            {
              name: 'Kommuner med samarbejdsaftale om dobbeltdiagnoser',
              definition: 'Antal kommuner med en skriftlig samarbejdsaftale med psykiatrien om borgere med dobbeltdiagnoser.',
              unit: 'kommuner',
              direction: 'higher',
              baseline: ['4', '2025-01-01'],
              target: ['17', '2026-12-31'],
              measurements: [['2025-12-31', '9', 'Sekretariatets rundspørge']],
            },
          ],
        },
      ],
    },
    {
      part: 'udvikling',
      number: 3,
      title: 'Øget trivsel blandt børn og unge med særlige behov',
      responsible: 'Chefnetværk Børn & Unge',
      goal: 'Flere børn og unge med særlige behov skal trives og have hjælp tidligt – og færre skal have brug for special- og behandlingstilbud uden for almenområdet.',
      content:
        'Mistrivslen blandt børn og unge stiger. Fokusområdet arbejder med kvaliteten i special- og behandlingstilbud, forebyggende indsatser, rekruttering af plejefamilier og kapaciteten på anbringelsesområdet.',
      results: ['Flere godkendte plejefamilier af høj kvalitet', 'Fælles forebyggende indsatser på tværs af kommunerne'],
      objectives: [
        {
          title: 'Flere plejefamilier',
          indicators: [
            {
              name: 'Godkendte plejefamilier i regionen',
              definition: 'Antal godkendte plejefamilier i regionens kommuner ved årets udgang.',
              unit: 'familier',
              direction: 'higher',
              baseline: ['410', '2024-12-31'],
              target: ['460', '2026-12-31'],
              measurements: [['2025-12-31', '428', 'Kommunernes indberetning']],
            },
          ],
        },
      ],
    },
  ] satisfies SeedFocusArea[],
  principles: [
    {
      title: 'Fælles om takster og kontrakter',
      description: 'Køb og salg af pladser sker på ens vilkår og til kendte priser.',
      commitments: [
        { text: 'Vi bruger altid standardkontrakten; den er obligatorisk.', scope: 'Kun nye kontrakter', from: '2024-09-01' },
        {
          text: 'Nye kontrakter er tidsbegrænsede og sigter mod progression og den mindst indgribende indsats.',
          scope: 'Kun nye kontrakter',
          from: '2024-09-01',
        },
        { text: 'Vi afregner kun efter takstoversigten, der bygger på et åbent beregningsgrundlag.', scope: null, from: '2025-09-01' },
        {
          text: 'Stiger udgiften i et døgn- eller botilbud med mere end 5 pct., melder vi det til Socialtilsyn Øst; styregruppen gennemgår meldingerne hvert halve år.',
          scope: null,
          from: '2024-09-01',
        },
      ],
    },
    {
      title: 'Fælles om kvalitet',
      description: 'Borgeren møder samme faglige niveau, uanset kommune og leverandør.',
      commitments: [
        { text: 'Vi sagsbehandler efter fælles principper og med fælles faglige begreber.', scope: null, from: '2025-03-01' },
        {
          text: 'Før vi køber hos en privat leverandør, undersøger vi ledige bo- og døgnpladser i de andre kommuner og i regionen.',
          scope: null,
          from: '2024-09-01',
        },
        { text: 'Vi holder kvaliteten høj og ensartet gennem tæt dialog mellem myndigheder og leverandører.', scope: null, from: '2025-09-01' },
        { text: 'Myndighedsarbejdet følger én fælles sagsproces, så indsatser kan sammenlignes på tværs af leverandører.', scope: null, from: '2025-09-01' },
        { text: 'Vi kvalitetssikrer vores egne tilbud med en fælles kvalitetsmodel.', scope: 'Kun tilbud, kommunen selv driver', from: '2025-09-01' },
      ],
    },
    {
      title: 'Fælles om døgn- og botilbud',
      description: 'Kapaciteten planlægges i fællesskab, så de rette pladser findes i regionen.',
      commitments: [
        {
          text: 'Vi drøfter lukning eller ændret målgruppe for et bo- eller døgntilbud på tværs af kommunerne, før der træffes lokal politisk beslutning.',
          scope: 'Kun tilbudstype B i rammeaftalen',
          from: '2024-09-01',
        },
        {
          text: 'Vi skaber balance mellem udbud og efterspørgsel ved at etablere døgn- og botilbud sammen, fx gennem § 60-selskaber, underskudsgaranti eller bedre brug af eksisterende pladser.',
          scope: null,
          from: '2025-09-01',
        },
        { text: 'Før vi opretter et enkeltmandstilbud, spørger vi de andre kommuner, om de vil være med.', scope: null, from: '2024-09-01' },
        { text: 'Vi indgår partnerskaber med andre sektorer, fonde og nonprofitorganisationer, fx som OPS eller OPP.', scope: null, from: '2025-03-01' },
      ],
    },
  ],
  phases: [
    {
      name: 'Formulering',
      description: 'Fokusområder og principper formuleres med kommunerne, regionen og brugerne.',
      starts: '2024-01-01',
      ends: '2024-10-11',
    },
    {
      name: 'Politisk godkendelse',
      description: 'K17, KKR Sjælland og de 17 byråd og regionsrådet behandler aftalen.',
      starts: '2024-10-12',
      ends: '2024-12-31',
    },
    {
      name: 'Implementering og opfølgning',
      description: 'Principperne implementeres, og status følges to gange om året.',
      starts: '2025-01-01',
      ends: '2026-12-31',
    },
  ],
  milestones: [
    {
      due: '2024-05-02',
      title: 'Halvdagsseminar for direktører og chefer',
      responsible: 'Sekretariatet',
      deliverable: 'Retning for den nye aftale',
      done: true,
      phase: 1,
    },
    {
      due: '2024-05-31',
      title: 'Kick-off om ny rammeaftale 2025-2026',
      responsible: 'Styregruppen',
      deliverable: 'Forslag til tre fokusområder',
      done: true,
      phase: 1,
    },
    {
      due: '2024-06-19',
      title: 'KKR Sjælland anbefaler de tre fælleskommunale principper',
      responsible: 'KKR Sjælland',
      deliverable: 'Beslutningssag til byråd og kommunalbestyrelser',
      done: true,
      phase: 1,
    },
    {
      due: '2024-10-01',
      title: 'De 17 byråd og kommunalbestyrelser godkender principperne',
      responsible: 'Kommunerne',
      deliverable: 'Tre principper klar til implementering',
      done: true,
      phase: 1,
    },
    {
      due: '2024-10-04',
      title: 'Halvdagsseminar: prioritering af handlinger',
      responsible: 'Sekretariatet',
      deliverable: 'Input til implementeringsstrategi og fokusområde 2 og 3',
      done: true,
      phase: 1,
    },
    {
      due: '2024-10-11',
      title: 'Udviklingsgruppen godkender strategi for implementering af principperne',
      responsible: 'Udviklingsgruppen',
      deliverable: 'Implementeringsstrategi til K17 og KKR Sjælland',
      done: true,
      phase: 1,
    },
    {
      due: '2024-10-11',
      title: 'Styregruppen godkender udkast til rammeaftale 2025-2026',
      responsible: 'Styregruppen',
      deliverable: 'Rammeaftalen til K17 og KKR Sjælland',
      done: true,
      phase: 1,
    },
    {
      due: '2024-11-19',
      title: 'K17 og KKR Sjælland godkender rammeaftalen og implementeringsstrategien',
      responsible: 'KKR Sjælland',
      deliverable: 'Aftalen til byråd og kommunalbestyrelser; strategien til udførelse',
      done: true,
      phase: 2,
    },
    {
      due: '2025-06-30',
      title: 'Første halvårlige gennemgang af takststigninger over 5 pct.',
      responsible: 'Styregruppen',
      deliverable: 'Notat om indberetninger',
      done: true,
      phase: 3,
    },
    {
      due: '2026-09-30',
      title: 'Midtvejsstatus på principperne til styregruppen',
      responsible: 'Sekretariatet',
      deliverable: 'Statusnotat pr. kommune',
      done: false,
      phase: 3,
    },
    { due: '2026-12-15', title: 'Afsluttende opfølgning på rammeaftalen', responsible: 'Styregruppen', deliverable: 'Slutrapport', done: false, phase: 3 },
  ] satisfies SeedMilestone[],
};

export const SJ2122 = {
  title: 'Rammeaftale Sjælland 2021-2022',
  period: ['2021-01-01', '2022-12-31'] as const,
  preparationStart: '2019-11-01',
  summary:
    'Seks fokusområder – fire i udviklingsaftalen og to i styringsaftalen – formuleret gennem en bred inddragende proces, der blev forsinket af covid-19.',
  focusAreas: [
    {
      part: 'udvikling',
      number: 1,
      title: 'Styrket mellemkommunalt samarbejde',
      responsible: 'Styregruppen',
      goal: 'Kommunerne og regionen skal samarbejde tættere om de temaer, der kræver det, så borgerne får de rette tilbud med de rette kompetencer.',
      content:
        'Samarbejdet handler især om at beskytte og udvikle de mest specialiserede tilbud og faglige miljøer, om fælles kapacitet for små målgrupper og om kvalitet og pris ved køb hos private.',
      results: ['Konkrete områder, hvor samarbejdet er styrket til gavn for borgeren', 'Et fælles samarbejde om køb hos private tilbud'],
    },
    {
      part: 'udvikling',
      number: 2,
      title: 'En sammenhængende indsats for borgere med psykiske vanskeligheder',
      responsible: 'Netværksgruppe Voksne Sindslidende',
      goal: 'Borgere med betydelige psykiske vanskeligheder skal opleve sammenhængende forløb på tværs af aktører.',
      content:
        'Vi kortlægger først, hvilke forløb og overgange der er sværest, og sætter derefter konkrete udviklingsforløb i gang sammen med brugere, pårørende og fagfolk.',
      results: ['En kortlægning af de mest udfordrede overgange', 'Opdaterede forløbsbeskrivelser eller samarbejdsmodeller'],
    },
    {
      part: 'udvikling',
      number: 3,
      title: 'Styrket samarbejde med borgere og pårørende',
      responsible: 'Dialogforum',
      goal: 'Brugere og pårørende skal være med til at udvikle og sætte retning for området.',
      content: 'Brugerne inddrages som grundprincip i udviklingsarbejdet, og den årlige dialog mellem politikerne, Dialogforum og handicaprådene fortsætter.',
      results: [
        'Bruger- og pårørendeperspektiver indgår i seminarer og kompetenceudvikling',
        'En løbende dialog mellem Dialogforum, handicaprådene og politikerne',
      ],
    },
    {
      part: 'udvikling',
      number: 4,
      title: 'Praksisnær metodeudvikling og videndeling om effekt',
      responsible: 'Udviklingsgruppen',
      goal: 'Bedre kvalitet for brugerne gennem fælles metodeudvikling og viden om, hvad der virker.',
      content:
        'Fælles udvikling af recovery-orienterede metoder, redskaber til inddragelse i myndighedsarbejdet og fælles måder at beskrive progression på, fx for borgere i midlertidige botilbud.',
      results: ['Mere tværkommunal videndeling og kompetenceudvikling', 'Fælles metode til opfølgning på progression'],
    },
    {
      part: 'styring',
      number: 5,
      title: 'Strategisk kapacitetsanalyse og prognose',
      responsible: 'Økonomigruppen',
      goal: 'Et fælles billede af kapaciteten og behovet på kort og lang sigt som grundlag for en strategisk drøftelse af forsyningsforpligtelsen.',
      content: 'En samlet kapacitetsanalyse og prognose for regionens tilbud, der også beskriver, hvad kommunerne som købere forventer af fremtidens tilbud.',
      results: ['Kapacitetsanalysen og prognosen er gennemført', 'Bedre kapacitetsudnyttelse og flere fælles løsninger'],
    },
    {
      part: 'styring',
      number: 6,
      title: 'Bedre data og ledelsesinformation',
      responsible: 'Økonomigruppen',
      goal: 'Mere gennemsigtighed om økonomi, aktivitet og effekt som grundlag for styring og bedre køb og salg af pladser.',
      content: 'Benchmarkinganalyser fortsætter, standardkontrakten udbredes, og mulighederne for fælles indkøb og forhandling undersøges.',
      results: ['Større gennemsigtighed om køb, salg og takster', 'Bedre datakvalitet, bl.a. gennem standardkontrakten'],
    },
  ] satisfies SeedFocusArea[],
  /** Two fictional table answers per focus area and aspect (mål, ønsket indhold, resultater). */
  answers: {
    1: [
      ['Fælles ansvar for de mindste målgrupper', 'Samarbejdet skal være forpligtende, ikke frivilligt'],
      ['Klynger af kommuner om konkrete tilbud', 'Fælles forhandling med private leverandører'],
      ['Færre borgere placeret langt fra hjemmet', 'En aftalt liste over fælles tilbud'],
    ],
    2: [
      ['Borgeren skal ikke falde mellem to stole', 'Psykiatrien skal være med fra start'],
      ['Fokus på udskrivning fra psykiatrien', 'Beskæftigelse skal tænkes med'],
      ['Færre genindlæggelser', 'En fælles model for overgange'],
    ],
    3: [
      ['Brugerne skal med, før beslutningen er taget', 'Pårørende er en ressource'],
      ['Brugerpaneler i udviklingsarbejdet', 'Handicaprådene inddrages tidligere'],
      ['Flere forslag fra brugerne gennemføres', 'Et årligt møde med klar dagsorden'],
    ],
    4: [
      ['Viden om effekt skal deles', 'Metoder skal kunne bruges i praksis'],
      ['Fælles kurser for medarbejdere', 'Netværk for recovery'],
      ['Fælles progressionsmål for § 107', 'Flere kommuner bruger samme redskaber'],
    ],
    5: [
      ['Et fælles overblik over pladserne', 'Analysen skal føre til handling'],
      ['Både kort og langt sigt', 'Se også på de private tilbud'],
      ['Færre tomme pladser', 'Nye fælles tilbud, hvor der mangler'],
    ],
    6: [
      ['Sammenlignelige tal for alle kommuner', 'Data skal bruges i styringen'],
      ['Udbred standardkontrakten', 'Fælles nøgletal'],
      ['Gennemsigtige takster', 'Bedre grundlag for køb og salg'],
    ],
  } as Record<number, [string[], string[], string[]]>,
  phases: [
    { name: 'Inddragelse', description: 'Dialogmøder og høring om forslag til fokusområder.', starts: '2019-11-01', ends: '2020-08-31' },
    { name: 'Formulering', description: 'Fokusområderne skrives færdige.', starts: '2020-09-01', ends: '2020-10-31' },
    { name: 'Godkendelse', description: 'Godkendelse i KKR, byrådene og regionsrådet.', starts: '2020-11-01', ends: '2020-12-31' },
  ],
  milestones: [
    {
      due: '2019-11-29',
      title: 'Dialogmøde om den kommende rammeaftale',
      responsible: 'KKR Sjælland',
      deliverable: 'Samlet forslag til fokusområder',
      done: true,
      phase: 1,
    },
    {
      due: '2020-01-31',
      title: 'Forslag til fokusområder sendes i høring',
      responsible: 'Sekretariatet',
      deliverable: 'Høringsmateriale',
      done: true,
      phase: 1,
    },
    {
      due: '2020-08-14',
      title: 'Dialogmøde for politikere, handicapråd og direktører',
      responsible: 'KKR Sjælland',
      deliverable: 'Bordenes skabeloner med input',
      done: true,
      phase: 1,
    },
    {
      due: '2020-12-31',
      title: 'Endelig godkendelse i alle byråd og regionsrådet',
      responsible: 'Kommunerne og regionen',
      deliverable: 'Godkendt rammeaftale',
      done: true,
      phase: 3,
    },
  ] satisfies SeedMilestone[],
};

export const HOV2018 = {
  title: 'Rammeaftale Hovedstaden 2018 – fælles målsætninger',
  period: ['2018-01-01', '2018-12-31'] as const,
  preparationStart: '2015-10-01',
  summary:
    'Fælles målsætninger og indikatorer for det tværgående, højt specialiserede socialområde i hovedstadsregionen, udarbejdet i fire faser med alle 29 kommuner og Region Hovedstaden.',
  focusAreas: [
    {
      part: 'styring',
      number: 1,
      title: 'Koordination og tilrettelæggelse af tilbudsviften, herunder incitamenter',
      responsible: 'Embedsmandsudvalget for Socialområdet og Specialundervisning',
      goal: 'Regionen skal have de højt specialiserede tilbud, der er brug for – og nogle kommuner skal have et incitament til at drive dem for fællesskabet.',
      content:
        'Målgrupperne er så små eller komplekse, at ikke alle kommuner kan have eget tilbud. Fokusområdet handler om at fordele opgaven og koordinere oprettelse og lukning.',
      results: ['Et fælles billede af, hvor der er brug for tværkommunale tilbud', 'Koordinering før oprettelse og lukning af højt specialiserede tilbud'],
      objectives: [
        {
          title: 'De mest specialiserede tilbud har en stabil belægning',
          indicators: [
            {
              name: 'Belægning på de mest specialiserede tilbud',
              definition: 'Gennemsnitlig belægningsprocent på tilbuddene under nødbremsemodellen.',
              unit: '%',
              direction: 'higher',
              baseline: ['88', '2016-01-01'],
              target: ['93', '2018-12-31'],
              measurements: [
                ['2017-06-30', '90.5', 'Sekretariatets opgørelse'],
                ['2018-12-31', '92.1', 'Sekretariatets opgørelse'],
              ],
            },
          ],
        },
        {
          title: 'Oprettelse og lukning koordineres',
          indicators: [
            {
              name: 'Ændringer drøftet i K29 før beslutning',
              definition: 'Andel af lukninger og væsentlige ændringer af højt specialiserede tilbud, der er drøftet i K29, før kommunen besluttede.',
              unit: '%',
              direction: 'higher',
              baseline: ['40', '2016-01-01'],
              target: ['100', '2018-12-31'],
              measurements: [['2018-12-31', '85', 'K29-referater']],
            },
          ],
        },
      ],
    },
    {
      part: 'udvikling',
      number: 2,
      title: 'Faglighed, viden- og evidensbaserede metoder og resultatdokumentation',
      responsible: 'Fælleskommunalt sekretariat',
      goal: 'Tilbuddene skal arbejde med metoder, der virker, og kunne vise deres resultater.',
      content: 'Tilbuddene dokumenterer systematisk, og viden om virksomme metoder deles på tværs af kommunerne og regionen.',
      results: ['Systematisk resultatdokumentation i tilbuddene', 'Flere fælles temadage om metoder'],
      objectives: [
        {
          title: 'Tilbuddene dokumenterer deres resultater',
          indicators: [
            {
              name: 'Tilbud med systematisk resultatdokumentation',
              definition: 'Andel af de højt specialiserede tilbud, der bruger et systematisk redskab til resultatdokumentation.',
              unit: '%',
              direction: 'higher',
              baseline: ['35', '2016-01-01'],
              target: ['75', '2018-12-31'],
              measurements: [['2017-12-31', '52', 'Spørgeskema til tilbuddene']],
            },
          ],
        },
        {
          title: 'Viden om metoder deles',
          indicators: [
            {
              name: 'Tværkommunale temadage om metoder',
              definition: 'Antal tværkommunale temadage om virksomme metoder pr. år.',
              unit: 'pr. år',
              direction: 'higher',
              baseline: ['2', '2016-01-01'],
              target: ['4', '2018-12-31'],
              measurements: [['2017-12-31', '3', 'Sekretariatets kalender']],
            },
          ],
        },
      ],
    },
  ] satisfies SeedFocusArea[],
  phases: [
    { name: 'Fokusering', description: 'Rammen og tre til fem fokusområder fastlægges.', starts: '2015-10-01', ends: '2016-02-29' },
    { name: 'Omsætning', description: 'En til to fælles målsætninger pr. fokusområde.', starts: '2016-03-01', ends: '2016-06-30' },
    { name: 'Konkretisering', description: 'Få målbare indikatorer pr. målsætning.', starts: '2016-07-01', ends: '2016-11-30' },
    { name: 'Godkendelse', description: 'Politisk godkendelse i de 29 kommuner og Region Hovedstaden.', starts: '2016-12-01', ends: '2017-03-31' },
  ],
  milestones: [
    { due: '2015-10-20', title: 'Formål og ramme drøftes i embedsmandsudvalget', responsible: 'Embedsmandsudvalget', done: true, phase: 1 },
    { due: '2015-12-04', title: 'Kommissoriet besluttes', responsible: 'Embedsmandsudvalget', deliverable: 'Kommissorium', done: true, phase: 1 },
    { due: '2016-01-21', title: 'Arbejdsgruppens 1. møde: fokusområder og målsætninger', responsible: 'Arbejdsgruppen', done: true, phase: 1 },
    {
      due: '2016-02-05',
      title: 'Dialogmøde for politikere: input til fokusområder',
      responsible: 'Fælleskommunalt sekretariat',
      deliverable: 'Politikernes input',
      done: true,
      phase: 1,
    },
    {
      due: '2016-03-10',
      title: 'Dialogmøde på fagchefniveau: input til målsætninger',
      responsible: 'Fælleskommunalt sekretariat',
      deliverable: 'Workshopinput',
      done: true,
      phase: 2,
    },
    {
      due: '2016-05-31',
      title: 'Forslag til målsætninger godkendes i embedsmandsudvalget',
      responsible: 'Embedsmandsudvalget',
      deliverable: 'Godkendte målsætninger',
      done: true,
      phase: 2,
    },
    {
      due: '2016-09-15',
      title: 'Dialogmøde på fagchefniveau: input til indikatorer',
      responsible: 'Fælleskommunalt sekretariat',
      deliverable: 'Workshopinput',
      done: true,
      phase: 3,
    },
    {
      due: '2016-11-22',
      title: 'Endeligt udkast behandles i embedsmandsudvalget',
      responsible: 'Embedsmandsudvalget',
      deliverable: 'Endeligt udkast',
      done: true,
      phase: 3,
    },
    { due: '2016-12-14', title: 'Endeligt udkast behandles i K29', responsible: 'K29', done: true, phase: 4 },
    {
      due: '2017-01-25',
      title: 'KKR Hovedstaden anbefaler godkendelse',
      responsible: 'KKR Hovedstaden',
      deliverable: 'Anbefaling til kommunerne og regionen',
      done: true,
      phase: 4,
    },
    {
      due: '2017-03-31',
      title: 'Godkendelse i de 29 kommuner og Region Hovedstaden',
      responsible: 'Kommunerne og regionen',
      deliverable: 'Målsætningerne indarbejdes i Rammeaftale 2018',
      done: true,
      phase: 4,
    },
  ] satisfies SeedMilestone[],
  rounds: [
    {
      kind: 'dialogmoede',
      title: 'Dialogmøde for politikere (udvalgsmedlemmer)',
      held: '2016-02-05',
      phase: 1,
      questions: ['Hvilke fokusområder bør de fælles målsætninger dække?', 'Hvad skal være anderledes om fem år?'],
      groups: [
        ['Bord A', ['Tilbud til de mindste målgrupper', 'Kommunerne deler ansvaret for de dyreste pladser']],
        ['Bord B', ['Dokumentation af effekt', 'Borgerne ved, hvad de kan forvente']],
      ],
    },
    {
      kind: 'workshop',
      title: 'Workshop for fagchefer: målsætninger',
      held: '2016-03-10',
      phase: 2,
      questions: ['Forslag til målsætninger under fokusområde 1', 'Forslag til målsætninger under fokusområde 2'],
      groups: [
        ['Børn og unge', ['Stabil drift af de mest specialiserede tilbud', 'Fælles redskab til resultatmåling']],
        ['Voksne', ['Koordinering før lukning', 'Flere temadage om metoder']],
      ],
    },
    {
      kind: 'workshop',
      title: 'Workshop for fagchefer: indikatorer',
      held: '2016-09-15',
      phase: 3,
      questions: ['Hvilke indikatorer følger bedst målsætningerne?', 'Hvilke data findes allerede?'],
      groups: [
        ['Gruppe 1', ['Belægningsprocent og venteliste', 'Belægningstal fra tilbuddene']],
        ['Gruppe 2', ['Andel tilbud med resultatdokumentation', 'Spørgeskema til tilbuddene']],
      ],
    },
  ],
};

export const SJ2728 = {
  title: 'Rammeaftale Sjælland 2027-2028',
  period: ['2027-01-01', '2028-12-31'] as const,
  preparationStart: '2026-01-01',
  summary: 'Den næste aftale forberedes. Fra 2027 er Region Østdanmark part i aftalen.',
  sections: [{ title: 'Indledning', body: 'Udkast. Aftalen bygger videre på de tre fælleskommunale principper fra 2025-2026.' }],
  focusAreas: [
    {
      part: 'styring',
      number: 1,
      title: 'Fælles kapacitet i Region Østdanmark',
      responsible: 'Styregruppen',
      goal: 'Kapaciteten planlægges på tværs af de to tidligere regioner.',
      content: 'Udkast til indhold.',
      results: ['En fælles kapacitetsanalyse'],
    },
    {
      part: 'udvikling',
      number: 2,
      title: 'Unge på vej til voksenlivet',
      responsible: 'Udviklingsgruppen',
      goal: 'Overgangen fra barn til voksen skal hænge sammen.',
      content: 'Udkast til indhold.',
      results: ['Fælles model for overgangen ved 18 år'],
    },
  ] satisfies SeedFocusArea[],
  phases: [
    { name: 'Formulering', description: 'Fokusområder formuleres.', starts: '2026-01-01', ends: '2026-12-15' },
    { name: 'Politisk godkendelse', description: 'Byråd og regionsråd behandler aftalen.', starts: '2026-12-16', ends: '2027-03-31' },
  ],
  milestones: [
    {
      due: '2026-05-29',
      title: 'Kick-off om rammeaftale 2027-2028',
      responsible: 'Styregruppen',
      deliverable: 'Forslag til fokusområder',
      done: true,
      phase: 1,
    },
    {
      due: '2026-10-30',
      title: 'Udkast klar til høring',
      responsible: 'Sekretariatet',
      deliverable: 'Høringsudkast',
      done: false,
      phase: 1,
      completesOn: 'i_hoering',
    },
    { due: '2027-02-28', title: 'Godkendelse i byråd og regionsråd', responsible: 'Kommunerne og regionen', done: false, phase: 2, completesOn: 'godkendt' },
  ] satisfies SeedMilestone[],
};

/**
 * Two agreements under way on the demo date, so the work page has something to show outside Sjælland's round:
 * Syddanmark's next agreement waits for the councils, Nordjylland's is in hearing. Their dates are set relative to
 * the seed's clock by the seed (`due`/`starts` below are only the template).
 */
export const NEXT_ROUND = {
  syddanmark: {
    title: 'Rammeaftale Syddanmark 2027-2028',
    summary: 'Kommunerne og regionen i Syddanmark aftaler rammerne for det specialiserede social- og specialundervisningsområde for 2027-2028.',
    section: {
      title: 'Indledning',
      body: 'Aftalen viderefører arbejdet med et fælles datagrundlag og målrettet benchmarking. Styregruppen har godkendt udkastet, som nu behandles i byråd og regionsråd.',
    },
    focusArea: {
      part: 'styring',
      number: 1,
      title: 'Hvorfor vokser udgifterne?',
      responsible: 'Økonomigruppen',
      goal: 'Kommunerne forstår udviklingen i udgifter, antal borgere og enhedspriser og handler på den.',
      content: 'Fælles analyse af udgiftsudviklingen med udgangspunkt i kommunernes regnskabstal.',
      results: ['En årlig analyse af udgiftsudviklingen', 'Målrettet benchmarking mellem sammenlignelige kommuner'],
    },
  },
  nordjylland: {
    title: 'Rammeaftale Nordjylland 2027-2028',
    summary: 'Den nordjyske socialaftale for 2027-2028 er i høring hos kommunerne og regionen.',
    section: {
      title: 'Indledning',
      body: 'Udkastet bygger på det forstærkede samarbejde om de mest specialiserede tilbud. Kommunerne og regionen bedes give deres høringssvar inden fristen.',
    },
    focusArea: {
      part: 'udvikling',
      number: 1,
      title: 'Forstærket samarbejde om de mest specialiserede tilbud',
      responsible: 'Styregruppen',
      goal: 'De mest specialiserede tilbud bevares og udvikles i fællesskab.',
      content: 'Udkast til indhold.',
      results: ['En fælles overvågning af belægning og økonomi i tilbuddene'],
    },
  },
} as const;
