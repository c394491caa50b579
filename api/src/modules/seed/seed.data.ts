import type { BodyKind, GroupRole, PartnerType, Sector, SystemRole } from '@lip/common';

/**
 * The Hannover demo workspace, from the city's announcement of the LIP update (planned for
 * 2019–2020; the demo places it around the day it is seeded so its deadlines are current).
 * Plain data; `seed.ts` writes it.
 */

/** Password of every demo account (also in the README). */
export const DEMO_PASSWORD = 'Hannover-LIP-demo';

/** How the demo process sits around the seed's "now": started 14 months ago, two years long. */
export const PROCESS_STARTED_MONTHS_AGO = 14;
export const PROCESS_LENGTH_MONTHS = 24;

/** The first day (UTC) of the month `months` after the month of `date`. */
export function monthStart(date: Date, months: number): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
}

/**
 * The demo process around `now`: Hannover's LIP update as the city announced it (a two-year
 * process, 170,000 EUR a year plus 130,000 EUR from a city fund in the first year), placed so
 * that "now" is in the drafting phase and every seeded deadline falls inside the period.
 */
export function demoProcess(now: Date) {
  const periodStart = monthStart(now, -PROCESS_STARTED_MONTHS_AGO);
  const periodEnd = new Date(monthStart(periodStart, PROCESS_LENGTH_MONTHS).getTime() - 86_400_000);
  const first = periodStart.getUTCFullYear();
  const last = periodEnd.getUTCFullYear();
  return {
    title: `Aktualisierung des Lokalen Integrationsplans (LIP) ${first}–${last}`,
    description:
      'Zehn Jahre nach dem ersten Lokalen Integrationsplan prüft und aktualisiert die Landeshauptstadt ' +
      'Hannover den LIP gemeinsam mit Verwaltung, Zivilgesellschaft und den Integrationsbeiräten.',
    periodStart,
    periodEnd,
    goals: [
      'Verwaltungsseitiger und zivilgesellschaftlicher Rückblick auf 10 Jahre LIP',
      'Auftaktveranstaltung',
      'Einstellung des Projektteams',
      'Einrichtung einer Projektstruktur innerhalb der Stadtverwaltung',
      'Einrichtung von Expert*innengruppen für die sechs Handlungsfelder des LIP',
      'Einbindung der Integrationsbeiräte',
      'Aufbau von Vernetzungs- und Kommunikationsstrukturen',
      'Erstellung des Grundlagenpapiers',
    ],
    budgetLines: [
      { amountEur: 170_000, year: first, source: 'Haushalt der Landeshauptstadt Hannover' },
      { amountEur: 170_000, year: first + 1, source: 'Haushalt der Landeshauptstadt Hannover' },
      { amountEur: 130_000, year: first, source: 'GFZ-Mittel' },
    ],
  };
}

export const ACTION_FIELDS = [
  {
    key: 'education',
    name: { de: 'Bildung', en: 'Education' },
    description: {
      de: 'Frühkindliche, schulische, berufliche und außerschulische Bildung.',
      en: 'Early childhood, school, vocational and non-formal education.',
    },
  },
  {
    key: 'economy',
    name: { de: 'Wirtschaft', en: 'Economy and labour' },
    description: {
      de: 'Arbeitsmarkt, Ausbildung, Anerkennung von Abschlüssen, Gründungen.',
      en: 'Labour market, apprenticeships, recognition of qualifications, start-ups.',
    },
  },
  {
    key: 'social',
    name: { de: 'Soziales', en: 'Social affairs' },
    description: {
      de: 'Gesundheit, Wohnen, Pflege und soziale Sicherung.',
      en: 'Health, housing, care and social security.',
    },
  },
  {
    key: 'urban-life',
    name: { de: 'Stadtleben und Kultur', en: 'Urban life and culture' },
    description: {
      de: 'Quartiere, Kultur, Sport und Begegnung.',
      en: 'Neighbourhoods, culture, sport and encounter.',
    },
  },
  {
    key: 'democracy',
    name: { de: 'Demokratie', en: 'Democracy and participation' },
    description: {
      de: 'Politische Teilhabe, Antidiskriminierung und Engagement.',
      en: 'Political participation, anti-discrimination and civic engagement.',
    },
  },
  {
    key: 'administration',
    name: {
      de: 'Stadtverwaltung und interkulturelle Öffnung',
      en: 'City administration and intercultural opening',
    },
    description: {
      de: 'Interkulturelle Öffnung der Verwaltung, Personal und Dienstleistungen.',
      en: 'Intercultural opening of the administration, staff and services.',
    },
  },
] as const;

export const ORGANISATIONS: { key: string; name: string; partnerType: PartnerType }[] = [
  { key: 'city', name: 'Landeshauptstadt Hannover', partnerType: 'city-administration' },
  { key: 'region', name: 'Region Hannover', partnerType: 'region' },
  { key: 'police', name: 'Polizeidirektion Hannover', partnerType: 'authority' },
  {
    key: 'mso',
    name: 'Verbund der Migrant*innenorganisationen (Demo)',
    partnerType: 'migrant-organisation',
  },
  { key: 'religion', name: 'Forum der Religionen (Demo)', partnerType: 'religious-community' },
  {
    key: 'volunteers',
    name: 'Freiwilligennetzwerk Hannover (Demo)',
    partnerType: 'volunteer-organisation',
  },
  { key: 'union', name: 'Gewerkschaftsbund Region (Demo)', partnerType: 'association-union' },
  { key: 'youth', name: 'Jugendverbände Hannover (Demo)', partnerType: 'school-youth' },
];

export interface SeedPerson {
  key: string;
  email: string;
  name: string;
  organisation: string;
  systemRole: SystemRole;
  locale?: 'de' | 'en';
  coordinatorAll?: boolean;
  groups?: { field: string; role: GroupRole; sector: Sector }[];
  bodies?: string[];
}

/** The demo accounts (the web app's end-to-end tests rely on these emails). */
export const DEMO_PEOPLE: SeedPerson[] = [
  {
    key: 'admin',
    email: 'admin@lip.example',
    name: 'Miriam Schulte',
    organisation: 'city',
    systemRole: 'admin',
  },
  {
    key: 'coordination',
    email: 'koordination@lip.example',
    name: 'Jonas Becker',
    organisation: 'city',
    systemRole: 'coordinator',
    coordinatorAll: true,
  },
  {
    key: 'education1',
    email: 'bildung@lip.example',
    name: 'Ayşe Demir',
    organisation: 'city',
    systemRole: 'member',
    groups: [{ field: 'education', role: 'speaker', sector: 'administration' }],
  },
  {
    key: 'education2',
    email: 'bildung2@lip.example',
    name: 'Daniel Okafor',
    organisation: 'mso',
    systemRole: 'member',
    groups: [{ field: 'education', role: 'member', sector: 'civil-society' }],
  },
  {
    key: 'economy1',
    email: 'wirtschaft@lip.example',
    name: 'Mehmet Yılmaz',
    organisation: 'union',
    systemRole: 'member',
    groups: [{ field: 'economy', role: 'member', sector: 'civil-society' }],
  },
  {
    key: 'councilNord',
    email: 'beirat-nord@lip.example',
    name: 'Elena Petrova',
    organisation: 'mso',
    systemRole: 'member',
    bodies: ['Integrationsbeirat Nord'],
  },
  {
    key: 'steering',
    email: 'lenkung@lip.example',
    name: 'Dr. Thomas Wagner',
    organisation: 'city',
    systemRole: 'member',
    bodies: ['Lenkungsgruppe'],
  },
  {
    key: 'observer',
    email: 'beobachtung@lip.example',
    name: 'Sara Lindqvist',
    organisation: 'region',
    systemRole: 'observer',
    locale: 'en',
  },
];

const FIELD_KEYS = ACTION_FIELDS.map((a) => a.key);
const FIRST = [
  'Lena',
  'Murat',
  'Fatma',
  'Jan',
  'Olga',
  'Samir',
  'Katrin',
  'Emre',
  'Nadia',
  'Peter',
  'Zeynep',
  'Tobias',
];
const LAST = [
  'Krüger',
  'Aydın',
  'Nowak',
  'Hoffmann',
  'Haddad',
  'Schneider',
  'Kaya',
  'Wolff',
  'Mansour',
  'Lehmann',
  'Şahin',
  'Vogel',
];

/** Further members so every group has speakers, a lead, an adviser and parity. */
export function extraMembers(): SeedPerson[] {
  const people: SeedPerson[] = [];
  let n = 0;
  FIELD_KEYS.forEach((field) => {
    const roles: { role: GroupRole; sector: Sector; organisation: string }[] = [
      { role: 'speaker', sector: 'civil-society', organisation: 'mso' },
      { role: 'lead', sector: 'administration', organisation: 'city' },
      { role: 'adviser', sector: 'administration', organisation: 'region' },
      {
        role: 'member',
        sector: 'civil-society',
        organisation: field === 'democracy' ? 'religion' : 'volunteers',
      },
    ];
    if (field !== 'education')
      roles.unshift({ role: 'speaker', sector: 'administration', organisation: 'city' });
    for (const r of roles) {
      const first = FIRST[n % FIRST.length] ?? 'Alex';
      const last = LAST[(n + Math.floor(n / FIRST.length) * 5) % LAST.length] ?? 'Muster';
      people.push({
        key: `extra-${n}`,
        email: `person${n + 1}@lip.example`,
        name: `${first} ${last}`,
        organisation: r.organisation,
        systemRole: 'member',
        groups: [{ field, role: r.role, sector: r.sector }],
      });
      n += 1;
    }
  });
  return people;
}

/** The 13 district integration councils (Integrationsbeiräte). */
export const DISTRICTS = [
  'Ahlem-Badenstedt-Davenstedt',
  'Bothfeld-Vahrenheide',
  'Buchholz-Kleefeld',
  'Döhren-Wülfel',
  'Herrenhausen-Stöcken',
  'Kirchrode-Bemerode-Wülferode',
  'Linden-Limmer',
  'Misburg-Anderten',
  'Mitte',
  'Nord',
  'Ricklingen',
  'Südstadt-Bult',
  'Vahrenwald-List',
];

export const OTHER_BODIES: { kind: BodyKind; name: string }[] = [
  { kind: 'round-table', name: 'Runder Tisch gegen Rassismus' },
  { kind: 'steering-group', name: 'Lenkungsgruppe' },
];

/**
 * Milestones of the announcement's timeline, done, in months after the process start (the
 * project team complete, the ten-year retrospective, the kick-off event).
 */
export const TIMELINE_MILESTONES = [
  { title: 'Vollständiges Projektteam', monthsAfterStart: 2, done: true },
  {
    title: 'Rückblick auf 10 Jahre LIP (Verwaltung und Zivilgesellschaft)',
    monthsAfterStart: 4,
    done: true,
  },
  { title: 'Auftaktveranstaltung', monthsAfterStart: 5, done: true },
];

/** A small ProseMirror document with a heading and paragraphs (seed for the collab server). */
export function proseMirrorDoc(title: string, paragraphs: string[]): unknown {
  return {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: title }] },
      ...paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
    ],
  };
}
