/**
 * @module Reference data shipped with Ramme: regions, agreement areas, legal bases, target groups,
 * operator and offering types, supervisory authorities. All dated: a row is valid from `validFrom`
 * up to and including `validTo` (null = open). Sources: DOMAIN.md sections 0.3, 3 and 4.
 */
import fs from 'node:fs';

export type Dated = { validFrom: string; validTo: string | null };

export const REGIONS: Array<{ id: string; name: string; isoCode: string | null; seat: string; successorId: string | null } & Dated> = [
  {
    id: 'hovedstaden',
    name: 'Region Hovedstaden',
    isoCode: 'DK-84',
    seat: 'Hillerød',
    validFrom: '2007-01-01',
    validTo: '2026-12-31',
    successorId: 'oestdanmark',
  },
  { id: 'sjaelland', name: 'Region Sjælland', isoCode: 'DK-85', seat: 'Sorø', validFrom: '2007-01-01', validTo: '2026-12-31', successorId: 'oestdanmark' },
  { id: 'syddanmark', name: 'Region Syddanmark', isoCode: 'DK-83', seat: 'Vejle', validFrom: '2007-01-01', validTo: null, successorId: null },
  { id: 'midtjylland', name: 'Region Midtjylland', isoCode: 'DK-82', seat: 'Viborg', validFrom: '2007-01-01', validTo: null, successorId: null },
  { id: 'nordjylland', name: 'Region Nordjylland', isoCode: 'DK-81', seat: 'Aalborg', validFrom: '2007-01-01', validTo: null, successorId: null },
  { id: 'oestdanmark', name: 'Region Østdanmark', isoCode: null, seat: 'Sorø', validFrom: '2027-01-01', validTo: null, successorId: null },
];

/** CSV region column → region id. */
export const REGION_BY_CSV_NAME: Record<string, string> = {
  Hovedstaden: 'hovedstaden',
  Sjælland: 'sjaelland',
  Syddanmark: 'syddanmark',
  Midtjylland: 'midtjylland',
  Nordjylland: 'nordjylland',
};

/**
 * One agreement area per region. What the 2027 merger means for the two eastern agreements was not
 * decided in the sources (DOMAIN.md 0.3), so both areas stay open; the region memberships change instead.
 */
export const AGREEMENT_AREAS = [
  {
    code: 'hovedstaden',
    name: 'Rammeaftale Hovedstaden',
    regionId: 'hovedstaden',
    secretariat: 'Fælleskommunalt sekretariat Hovedstaden',
    validFrom: '2011-03-03',
    validTo: null,
  },
  {
    code: 'sjaelland',
    name: 'Rammeaftale Sjælland',
    regionId: 'sjaelland',
    secretariat: 'Rammeaftalesekretariatet Sjælland',
    validFrom: '2011-03-03',
    validTo: null,
  },
  {
    code: 'syddanmark',
    name: 'Rammeaftale Syddanmark',
    regionId: 'syddanmark',
    secretariat: 'Fælleskommunalt Socialsekretariat Syddanmark',
    validFrom: '2011-03-03',
    validTo: null,
  },
  {
    code: 'midtjylland',
    name: 'Rammeaftale Midtjylland',
    regionId: 'midtjylland',
    secretariat: 'Rammeaftalesekretariatet Midtjylland',
    validFrom: '2011-03-03',
    validTo: null,
  },
  {
    code: 'nordjylland',
    name: 'Nordjysk Socialaftale',
    regionId: 'nordjylland',
    secretariat: 'Sekretariat for Nordjysk Socialaftale',
    validFrom: '2011-03-03',
    validTo: null,
  },
] as const;

export const MERGER_DATE = '2027-01-01';

export const LEGAL_BASES: Array<
  { code: string; law: string; paragraph: string; title: string; audience: 'voksne' | 'boern' | 'alle'; isResidential: boolean } & Dated
> = [
  {
    code: 'SEL-82a',
    law: 'SEL',
    paragraph: '§ 82 a',
    title: 'Gruppebaseret forebyggende hjælp',
    audience: 'voksne',
    isResidential: false,
    validFrom: '2018-07-01',
    validTo: null,
  },
  {
    code: 'SEL-82b',
    law: 'SEL',
    paragraph: '§ 82 b',
    title: 'Tidsbegrænset individuel hjælp',
    audience: 'voksne',
    isResidential: false,
    validFrom: '2018-07-01',
    validTo: null,
  },
  {
    code: 'SEL-85',
    law: 'SEL',
    paragraph: '§ 85',
    title: 'Socialpædagogisk bistand',
    audience: 'voksne',
    isResidential: false,
    validFrom: '1998-07-01',
    validTo: null,
  },
  {
    code: 'SEL-85a',
    law: 'SEL',
    paragraph: '§ 85 a',
    title: 'Støtte til borgere i hjemløshed (ACT, M-ACT)',
    audience: 'voksne',
    isResidential: false,
    validFrom: '2024-01-01',
    validTo: null,
  },
  {
    code: 'SEL-101',
    law: 'SEL',
    paragraph: '§ 101',
    title: 'Behandling for stofmisbrug',
    audience: 'voksne',
    isResidential: false,
    validFrom: '1998-07-01',
    validTo: null,
  },
  {
    code: 'SEL-101a',
    law: 'SEL',
    paragraph: '§ 101 a',
    title: 'Døgnbehandling for stofmisbrug',
    audience: 'voksne',
    isResidential: true,
    validFrom: '2021-01-01',
    validTo: null,
  },
  { code: 'SEL-102', law: 'SEL', paragraph: '§ 102', title: 'Behandling', audience: 'voksne', isResidential: false, validFrom: '1998-07-01', validTo: null },
  {
    code: 'SEL-103',
    law: 'SEL',
    paragraph: '§ 103',
    title: 'Beskyttet beskæftigelse',
    audience: 'voksne',
    isResidential: false,
    validFrom: '1998-07-01',
    validTo: null,
  },
  {
    code: 'SEL-104',
    law: 'SEL',
    paragraph: '§ 104',
    title: 'Aktivitets- og samværstilbud',
    audience: 'voksne',
    isResidential: false,
    validFrom: '1998-07-01',
    validTo: null,
  },
  {
    code: 'SEL-107',
    law: 'SEL',
    paragraph: '§ 107',
    title: 'Midlertidigt botilbud',
    audience: 'voksne',
    isResidential: true,
    validFrom: '1998-07-01',
    validTo: null,
  },
  {
    code: 'SEL-108',
    law: 'SEL',
    paragraph: '§ 108',
    title: 'Længerevarende botilbud',
    audience: 'voksne',
    isResidential: true,
    validFrom: '1998-07-01',
    validTo: null,
  },
  {
    code: 'SEL-109',
    law: 'SEL',
    paragraph: '§ 109',
    title: 'Krisecenter for kvinder',
    audience: 'voksne',
    isResidential: true,
    validFrom: '1998-07-01',
    validTo: null,
  },
  {
    code: 'SEL-110',
    law: 'SEL',
    paragraph: '§ 110',
    title: 'Forsorgshjem og herberg',
    audience: 'voksne',
    isResidential: true,
    validFrom: '1998-07-01',
    validTo: null,
  },
  {
    code: 'SEL-66',
    law: 'SEL',
    paragraph: '§ 66, stk. 1',
    title: 'Anbringelsessteder for børn og unge (før barnets lov)',
    audience: 'boern',
    isResidential: true,
    validFrom: '1998-07-01',
    validTo: '2023-12-31',
  },
  {
    code: 'BL-32',
    law: 'Barnets lov',
    paragraph: '§ 32',
    title: 'Støtteindsatser til barnet eller den unge',
    audience: 'boern',
    isResidential: false,
    validFrom: '2024-01-01',
    validTo: null,
  },
  {
    code: 'BL-43-5',
    law: 'Barnets lov',
    paragraph: '§ 43, stk. 1, nr. 5',
    title: 'Eget værelse, kollegier og kollegielignende opholdssteder',
    audience: 'boern',
    isResidential: true,
    validFrom: '2024-01-01',
    validTo: null,
  },
  {
    code: 'BL-43-6',
    law: 'Barnets lov',
    paragraph: '§ 43, stk. 1, nr. 6',
    title: 'Børne- og ungehjem',
    audience: 'boern',
    isResidential: true,
    validFrom: '2024-01-01',
    validTo: null,
  },
  {
    code: 'BL-114',
    law: 'Barnets lov',
    paragraph: '§ 114',
    title: 'Ungestøtte og efterværn (18-22 år)',
    audience: 'boern',
    isResidential: false,
    validFrom: '2024-01-01',
    validTo: null,
  },
  {
    code: 'ABL-105',
    law: 'Almenboligloven',
    paragraph: '§ 105, stk. 2',
    title: 'Almene boliger til personer med handicap',
    audience: 'voksne',
    isResidential: true,
    validFrom: '1997-01-01',
    validTo: null,
  },
  {
    code: 'FSL-20-2',
    law: 'Folkeskoleloven',
    paragraph: '§ 20, stk. 2',
    title: 'Specialundervisning i kommunale tilbud',
    audience: 'boern',
    isResidential: false,
    validFrom: '2007-01-01',
    validTo: null,
  },
  {
    code: 'FSL-20-3',
    law: 'Folkeskoleloven',
    paragraph: '§ 20, stk. 3',
    title: 'Lands- og landsdelsdækkende undervisningstilbud',
    audience: 'boern',
    isResidential: false,
    validFrom: '2007-01-01',
    validTo: null,
  },
  {
    code: 'FSL-20-5',
    law: 'Folkeskoleloven',
    paragraph: '§ 20, stk. 5',
    title: 'Undervisning i godkendte behandlingstilbud',
    audience: 'boern',
    isResidential: false,
    validFrom: '2007-01-01',
    validTo: null,
  },
  {
    code: 'LSV-1',
    law: 'Lov om specialundervisning for voksne',
    paragraph: '§ 1',
    title: 'Specialundervisning for voksne (kommunikationscentre)',
    audience: 'voksne',
    isResidential: false,
    validFrom: '2007-01-01',
    validTo: null,
  },
  {
    code: 'SUL-141',
    law: 'Sundhedsloven',
    paragraph: '§ 141',
    title: 'Alkoholbehandling',
    audience: 'voksne',
    isResidential: false,
    validFrom: '2007-01-01',
    validTo: null,
  },
];

/** Two-level taxonomy after DST's handicap target groups plus social problems (DOMAIN.md 3.1). */
export const TARGET_GROUPS: Array<{ code: string; parent: string | null; name: string }> = [
  { code: 'fys', parent: null, name: 'Fysisk funktionsnedsættelse' },
  { code: 'fys-mobilitet', parent: 'fys', name: 'Mobilitetshandicap' },
  { code: 'fys-syn', parent: 'fys', name: 'Synshandicap' },
  { code: 'fys-hoerelse', parent: 'fys', name: 'Høretab' },
  { code: 'fys-kommunikation', parent: 'fys', name: 'Kommunikationshandicap' },
  { code: 'fys-doevblind', parent: 'fys', name: 'Døvblindhed' },
  { code: 'kog', parent: null, name: 'Kognitiv eller intellektuel funktionsnedsættelse' },
  { code: 'kog-demens', parent: 'kog', name: 'Demens' },
  { code: 'kog-hjerneskade', parent: 'kog', name: 'Hjerneskade (medfødt eller erhvervet)' },
  { code: 'kog-autisme', parent: 'kog', name: 'Autismespektrum' },
  { code: 'kog-adhd', parent: 'kog', name: 'Opmærksomhedsforstyrrelse (ADHD)' },
  { code: 'kog-udviklingshaemning', parent: 'kog', name: 'Udviklingshæmning' },
  { code: 'psyk', parent: null, name: 'Sindslidelse' },
  { code: 'psyk-angst', parent: 'psyk', name: 'Angst' },
  { code: 'psyk-depression', parent: 'psyk', name: 'Depression' },
  { code: 'psyk-psykose', parent: 'psyk', name: 'Ændret virkelighedsopfattelse (psykose)' },
  { code: 'psyk-personlighed', parent: 'psyk', name: 'Personlighedsforstyrrelse' },
  { code: 'psyk-spiseforstyrrelse', parent: 'psyk', name: 'Spiseforstyrrelse' },
  { code: 'psyk-tilknytning', parent: 'psyk', name: 'Tilknytningsforstyrrelse' },
  { code: 'soc', parent: null, name: 'Sociale problemer' },
  { code: 'soc-misbrug', parent: 'soc', name: 'Misbrug' },
  { code: 'soc-hjemloeshed', parent: 'soc', name: 'Hjemløshed' },
  { code: 'soc-vold', parent: 'soc', name: 'Vold i nære relationer' },
  { code: 'soc-kriminalitet', parent: 'soc', name: 'Kriminalitet' },
  { code: 'soc-boern-unge', parent: 'soc', name: 'Børn og unge med sociale vanskeligheder' },
];

export const OPERATOR_TYPES = [
  { code: 'kommunal', name: 'Kommunal' },
  { code: 'regional', name: 'Regional' },
  { code: 'selvejende', name: 'Selvejende med driftsoverenskomst' },
  { code: 'privat', name: 'Privat' },
] as const;

/** `isResidential`: residential or 24-hour offerings, the ones the 5 % increase watch covers. */
export const OFFERING_TYPES = [
  { code: 'botilbud', name: 'Botilbud', isResidential: true, isShortStay: false },
  { code: 'botilbudslignende', name: 'Botilbudslignende tilbud', isResidential: true, isShortStay: false },
  { code: 'doegntilbud', name: 'Døgntilbud', isResidential: true, isShortStay: false },
  { code: 'aflastning', name: 'Aflastning', isResidential: true, isShortStay: true },
  { code: 'krisecenter', name: 'Krisecenter og forsorgshjem', isResidential: true, isShortStay: true },
  { code: 'behandling', name: 'Behandlingstilbud', isResidential: false, isShortStay: false },
  { code: 'dagtilbud', name: 'Dagtilbud', isResidential: false, isShortStay: false },
  { code: 'beskaeftigelse', name: 'Beskyttet beskæftigelse', isResidential: false, isShortStay: false },
  { code: 'ambulant', name: 'Ambulant tilbud', isResidential: false, isShortStay: false },
  { code: 'specialundervisning', name: 'Specialundervisning', isResidential: false, isShortStay: false },
] as const;

export const SOCIALTILSYN = [
  { code: 'hovedstaden', name: 'Socialtilsyn Hovedstaden', hostMunicipalityCode: 147 },
  { code: 'oest', name: 'Socialtilsyn Øst', hostMunicipalityCode: 316 },
  { code: 'syd', name: 'Socialtilsyn Syd', hostMunicipalityCode: 430 },
  { code: 'midt', name: 'Socialtilsyn Midt', hostMunicipalityCode: 740 },
  { code: 'nord', name: 'Socialtilsyn Nord', hostMunicipalityCode: 860 },
] as const;

export type MunicipalityRow = { code: number; name: string; regionId: string };

export function readMunicipalities(): MunicipalityRow[] {
  const text = fs.readFileSync(new URL('./data/municipalities.csv', import.meta.url), 'utf8');
  return text
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => {
      const [code, name, region] = line.split(',');
      const regionId = REGION_BY_CSV_NAME[region ?? ''];
      if (!code || !name || !regionId) throw new Error(`Ugyldig linje i municipalities.csv: ${line}`);
      return { code: Number(code), name, regionId };
    });
}
