import { Types } from 'mongoose';
import type { MeasureStatus } from '@lip/common';
import type { Models } from '../../db/models';
import type { ProcessDoc } from '../process/process.model';
import type { IndicatorDoc, MeasureDoc } from './measure.model';
import { descriptionStatusFor } from './measure.service';

interface SeedMeasure {
  field: string;
  code: string;
  title: string;
  status: MeasureStatus;
  goal: string;
  startingSituation: string;
  description: string[];
  targetGroups: string[];
  districts: string[];
  lead: string | null;
  leadUnit: string;
  partners: string[];
  start?: string;
  end?: string;
  horizon: MeasureDoc['horizon'];
  priority: MeasureDoc['priority'];
  indicators: IndicatorDoc[];
  budget: MeasureDoc['budget'];
  progress?: { daysAgo: number; note: string; status?: MeasureStatus }[];
}

const indicator = (name: string, baseline: string, target: string, source: string) => ({
  name,
  baseline,
  target,
  source,
  interval: 'jährlich',
});

/** A plausible catalogue of the Hannover LIP: two or three measures per field, several statuses. */
const MEASURES: SeedMeasure[] = [
  {
    field: 'education',
    code: 'BIL-01',
    title: 'Mehrsprachige Elternbegleitung an Grundschulen',
    status: 'in-progress',
    goal: 'Eltern mit Einwanderungsgeschichte kennen das Schulsystem und begleiten die Bildungswege ihrer Kinder aktiv.',
    startingSituation:
      'Elternabende und Schulbriefe erreichen viele zugewanderte Eltern nicht; Beratung gibt es bisher nur punktuell.',
    description: [
      'Geschulte Elternbegleiter*innen mit eigenen Sprachkenntnissen beraten Familien an zehn Grundschulen.',
      'Sie begleiten zu Elterngesprächen, erklären Übergänge und vernetzen mit Angeboten im Stadtteil.',
    ],
    targetGroups: ['Eltern', 'Kinder und Jugendliche'],
    districts: ['Linden-Limmer', 'Vahrenwald-List', 'Mitte'],
    lead: 'city',
    leadUnit: 'Fachbereich Schule',
    partners: ['mso', 'volunteers'],
    start: '2021-01-01',
    end: '2023-12-31',
    horizon: 'medium',
    priority: 'high',
    indicators: [
      indicator('Begleitete Familien', '0', '300 pro Jahr', 'Jahresbericht des Trägers'),
      indicator('Beteiligte Grundschulen', '3', '10', 'Fachbereich Schule'),
    ],
    budget: { amountEur: 45_000, source: 'city-budget', budgetLine: '1.2100.531000' },
    progress: [
      { daysAgo: 400, note: 'Konzept mit den Schulleitungen abgestimmt.', status: 'planned' },
      {
        daysAgo: 200,
        note: 'Start an sechs Schulen, 14 Elternbegleiter*innen geschult.',
        status: 'in-progress',
      },
    ],
  },
  {
    field: 'education',
    code: 'BIL-02',
    title: 'Sprachkitas verstetigen',
    status: 'proposed',
    goal: 'Alltagsintegrierte Sprachbildung bleibt in allen Sprachkitas erhalten, auch nach dem Ende der Bundesförderung.',
    startingSituation:
      'Das Bundesprogramm „Sprach-Kitas“ lief aus; 38 Kitas in Hannover verlieren Fachkräfte für Sprachbildung.',
    description: [
      'Die Stadt übernimmt die Fachberatung und sichert halbe Stellen für Sprachfachkräfte in Kitas mit hohem Förderbedarf.',
    ],
    targetGroups: ['Kinder und Jugendliche', 'Eltern'],
    districts: ['citywide'],
    lead: 'city',
    leadUnit: 'Fachbereich Jugend und Familie',
    partners: ['volunteers'],
    horizon: 'long',
    priority: 'high',
    indicators: [indicator('Kitas mit Sprachfachkraft', '38', '38', 'Kita-Statistik')],
    budget: { amountEur: 1_200_000, source: 'city-budget', budgetLine: '' },
  },
  {
    field: 'education',
    code: 'BIL-03',
    title: 'Übergangsbegleitung Schule–Beruf für Neuzugewanderte',
    status: 'draft',
    goal: 'Neu zugewanderte Jugendliche finden nach der Schule einen Ausbildungsplatz oder eine Anschlussperspektive.',
    startingSituation: 'Jugendliche in Sprachlernklassen verlassen die Schule oft ohne Anschluss.',
    description: [
      'Erster Entwurf: Mentoring durch Auszubildende, Betriebserkundungen, Bewerbungstraining.',
    ],
    targetGroups: ['Neuzugewanderte', 'Kinder und Jugendliche'],
    districts: ['citywide'],
    lead: null,
    leadUnit: '',
    partners: ['youth'],
    horizon: 'medium',
    priority: 'medium',
    indicators: [],
    budget: { amountEur: null, source: null, budgetLine: '' },
  },
  {
    field: 'economy',
    code: 'WIR-01',
    title: 'Anerkennungsberatung im Quartier',
    status: 'done',
    goal: 'Mehr ausländische Berufsabschlüsse werden anerkannt; Beratung ist wohnortnah erreichbar.',
    startingSituation: 'Die Anerkennungsberatung war nur zentral und nur an zwei Tagen erreichbar.',
    description: [
      'Offene Sprechstunden in vier Stadtteilzentren, mehrsprachig, in Kooperation mit dem Jobcenter.',
    ],
    targetGroups: ['Arbeitsuchende', 'Neuzugewanderte'],
    districts: ['Mitte', 'Linden-Limmer', 'Vahrenwald-List', 'Misburg-Anderten'],
    lead: 'region',
    leadUnit: 'Beschäftigungsförderung',
    partners: ['union', 'mso'],
    start: '2020-03-01',
    end: '2022-02-28',
    horizon: 'short',
    priority: 'high',
    indicators: [indicator('Beratungen pro Jahr', '250', '600', 'Statistik der Beratungsstelle')],
    budget: { amountEur: 80_000, source: 'third-party', budgetLine: 'ESF-Förderung' },
    progress: [
      {
        daysAgo: 700,
        note: 'Sprechstunden laufen in allen vier Stadtteilzentren.',
        status: 'in-progress',
      },
      { daysAgo: 100, note: '640 Beratungen im letzten Jahr; Ziel erreicht.', status: 'done' },
    ],
  },
  {
    field: 'economy',
    code: 'WIR-02',
    title: 'Gründungslots*innen für Migrant*innen',
    status: 'returned',
    goal: 'Gründungen durch Menschen mit Einwanderungsgeschichte sind besser begleitet und öfter erfolgreich.',
    startingSituation: 'Gründungsberatung erreicht Migrant*innen selten.',
    description: [
      'Ehrenamtliche Lots*innen aus der Community begleiten Gründungsinteressierte zu bestehenden Beratungen.',
    ],
    targetGroups: ['Neuzugewanderte'],
    districts: ['citywide'],
    lead: 'city',
    leadUnit: 'Wirtschaftsförderung',
    partners: ['mso'],
    horizon: 'medium',
    priority: 'low',
    indicators: [indicator('Begleitete Gründungen', '0', '40', 'Wirtschaftsförderung')],
    budget: { amountEur: 20_000, source: 'city-budget', budgetLine: '' },
    progress: [
      {
        daysAgo: 20,
        note: 'Lenkungsgruppe: bitte Abgrenzung zur bestehenden Gründungsberatung und Finanzierung nach 2022 klären.',
        status: 'returned',
      },
    ],
  },
  {
    field: 'social',
    code: 'SOZ-01',
    title: 'Gesundheitslots*innen in den Stadtbezirken',
    status: 'planned',
    goal: 'Menschen mit Einwanderungsgeschichte finden leichter in das Gesundheitssystem.',
    startingSituation: 'Vorsorgeangebote werden von Zugewanderten deutlich seltener genutzt.',
    description: [
      'Mehrsprachige Gesundheitslots*innen informieren in Gruppen und begleiten einzeln.',
    ],
    targetGroups: ['Geflüchtete', 'Frauen', 'Ältere Menschen'],
    districts: ['Ahlem-Badenstedt-Davenstedt', 'Bothfeld-Vahrenheide', 'Ricklingen'],
    lead: 'region',
    leadUnit: 'Fachbereich Gesundheit',
    partners: ['mso', 'religion'],
    start: '2021-09-01',
    horizon: 'medium',
    priority: 'medium',
    indicators: [indicator('Erreichte Personen', '0', '1.000 pro Jahr', 'Projektdokumentation')],
    budget: { amountEur: 60_000, source: 'third-party', budgetLine: 'Landesförderung' },
    progress: [
      { daysAgo: 30, note: 'Träger ausgewählt, Schulung beginnt im Herbst.', status: 'planned' },
    ],
  },
  {
    field: 'social',
    code: 'SOZ-02',
    title: 'Interkulturelle Öffnung der Pflegeberatung',
    status: 'draft',
    goal: 'Pflegebedürftige mit Einwanderungsgeschichte und ihre Angehörigen nutzen die Pflegeberatung.',
    startingSituation: 'Die Pflegestützpunkte haben kaum mehrsprachiges Personal.',
    description: [
      'Entwurf: Fortbildung, Sprachmittlung, Zusammenarbeit mit Migrant*innenorganisationen.',
    ],
    targetGroups: ['Ältere Menschen'],
    districts: ['citywide'],
    lead: 'region',
    leadUnit: 'Pflegestützpunkte',
    partners: [],
    horizon: 'long',
    priority: 'medium',
    indicators: [],
    budget: { amountEur: 0, source: 'cost-neutral', budgetLine: '' },
  },
  {
    field: 'urban-life',
    code: 'STA-01',
    title: 'Interkulturelle Kulturarbeit in Stadtteilzentren',
    status: 'regular',
    goal: 'Kulturangebote in den Stadtteilzentren spiegeln die Vielfalt der Nachbarschaft.',
    startingSituation: 'Programme wurden bisher ohne Migrant*innenorganisationen geplant.',
    description: ['Programmbeiräte mit Migrant*innenorganisationen in jedem Stadtteilzentrum.'],
    targetGroups: ['Migrant*innenorganisationen'],
    districts: ['citywide'],
    lead: 'city',
    leadUnit: 'Kulturbüro',
    partners: ['mso', 'religion', 'volunteers'],
    start: '2019-01-01',
    end: '2021-12-31',
    horizon: 'medium',
    priority: 'medium',
    indicators: [indicator('Stadtteilzentren mit Programmbeirat', '2', '12', 'Kulturbüro')],
    budget: { amountEur: 30_000, source: 'city-budget', budgetLine: '1.2810.531000' },
    progress: [
      { daysAgo: 500, note: 'Beiräte in 12 Stadtteilzentren eingerichtet.', status: 'done' },
      {
        daysAgo: 90,
        note: 'Seit diesem Jahr fester Teil des Haushalts des Kulturbüros.',
        status: 'regular',
      },
    ],
  },
  {
    field: 'urban-life',
    code: 'STA-02',
    title: 'Begegnungsorte im Sport',
    status: 'proposed',
    goal: 'Sportvereine öffnen sich für neue Mitglieder mit Einwanderungsgeschichte.',
    startingSituation: 'Vereine berichten, dass sie Zugewanderte kaum erreichen.',
    description: ['Schnuppertrainings, Übungsleitungen mit Sprachkenntnissen, Patenschaften.'],
    targetGroups: ['Kinder und Jugendliche', 'Frauen'],
    districts: ['Südstadt-Bult', 'Döhren-Wülfel'],
    lead: 'youth',
    leadUnit: 'Sportjugend',
    partners: ['volunteers'],
    horizon: 'short',
    priority: 'low',
    indicators: [indicator('Neue Vereinsmitglieder', '0', '150', 'Mitgliederstatistik')],
    budget: { amountEur: 12_500, source: 'city-budget', budgetLine: '' },
  },
  {
    field: 'democracy',
    code: 'DEM-01',
    title: 'Antidiskriminierungsberatung ausbauen',
    status: 'accepted',
    goal: 'Menschen, die Diskriminierung erleben, finden schnell qualifizierte Beratung.',
    startingSituation: 'Die Beratungsstelle hat Wartezeiten von bis zu acht Wochen.',
    description: ['Eine zusätzliche Vollzeitstelle und Sprechstunden in zwei Stadtbezirken.'],
    targetGroups: ['Geflüchtete', 'Neuzugewanderte'],
    districts: ['citywide'],
    lead: 'city',
    leadUnit: 'Referat für Integration',
    partners: ['mso', 'police'],
    horizon: 'long',
    priority: 'high',
    indicators: [
      indicator('Wartezeit bis zum Erstgespräch', '8 Wochen', '2 Wochen', 'Beratungsstelle'),
    ],
    budget: { amountEur: 75_000, source: 'city-budget', budgetLine: '1.1110.531000' },
  },
  {
    field: 'democracy',
    code: 'DEM-02',
    title: 'Politische Bildung in Migrant*innenorganisationen',
    status: 'discontinued',
    goal: 'Mitglieder von Migrant*innenorganisationen kennen Wege der politischen Beteiligung.',
    startingSituation: 'Es gab keine Angebote politischer Bildung in Herkunftssprachen.',
    description: ['Workshopreihe mit der Volkshochschule.'],
    targetGroups: ['Migrant*innenorganisationen'],
    districts: ['citywide'],
    lead: 'mso',
    leadUnit: '',
    partners: ['volunteers'],
    horizon: 'short',
    priority: 'low',
    indicators: [],
    budget: { amountEur: 8_000, source: 'third-party', budgetLine: '' },
    progress: [
      {
        daysAgo: 150,
        note: 'Nicht weiter verfolgt: Förderung ausgelaufen; Inhalte gehen in DEM-01 und die Beiratsarbeit ein.',
        status: 'discontinued',
      },
    ],
  },
  {
    field: 'administration',
    code: 'VER-01',
    title: 'Interkulturelle Fortbildungen für Führungskräfte',
    status: 'in-progress',
    goal: 'Alle Führungskräfte der Stadtverwaltung haben eine interkulturelle Fortbildung besucht.',
    startingSituation: 'Bisher nahmen vor allem Beschäftigte mit Publikumsverkehr teil.',
    description: ['Pflichtmodul im Führungskräfteprogramm, zwei Tage, mit Praxisreflexion.'],
    targetGroups: ['Beschäftigte der Stadtverwaltung'],
    districts: ['citywide'],
    lead: 'city',
    leadUnit: 'Fachbereich Personal und Organisation',
    partners: [],
    start: '2020-01-01',
    end: '2024-12-31',
    horizon: 'long',
    priority: 'medium',
    indicators: [
      indicator('Anteil fortgebildeter Führungskräfte', '12 %', '100 %', 'Personalstatistik'),
    ],
    budget: { amountEur: 40_000, source: 'city-budget', budgetLine: '1.1120.543100' },
    progress: [
      { daysAgo: 60, note: '45 % der Führungskräfte fortgebildet.', status: 'in-progress' },
    ],
  },
  {
    field: 'administration',
    code: 'VER-02',
    title: 'Mehrsprachige Informationen im Bürgeramt',
    status: 'draft',
    goal: 'Die häufigsten Anliegen im Bürgeramt sind in acht Sprachen erklärt.',
    startingSituation: 'Informationen gibt es fast nur auf Deutsch.',
    description: [
      'Entwurf: Übersetzung der zwanzig häufigsten Merkblätter, Piktogramme, Sprachmittlung per Video.',
    ],
    targetGroups: ['Neuzugewanderte'],
    districts: ['citywide'],
    lead: 'city',
    leadUnit: 'Fachbereich Bürgerservice',
    partners: [],
    horizon: 'short',
    priority: 'medium',
    indicators: [indicator('Übersetzte Merkblätter', '2', '20', 'Bürgeramt')],
    budget: { amountEur: null, source: null, budgetLine: '' },
  },
];

const DAY_MS = 86_400_000;

/**
 * Seeds the demo catalogue: measures with their claimed codes and their description documents
 * (status following the measure). Part of the demo seed (`seed/seed.ts`); expects an empty
 * catalogue.
 */
export async function seedMeasures(
  models: Models,
  input: {
    process: ProcessDoc;
    organisationIds: Map<string, Types.ObjectId>;
    author: { id: Types.ObjectId; name: string };
    now: Date;
  },
): Promise<number> {
  const { process, organisationIds, author, now } = input;
  const org = (key: string) => organisationIds.get(key) ?? null;
  const measures: MeasureDoc[] = [];
  const documents: Record<string, unknown>[] = [];
  for (const seed of MEASURES) {
    const group = process.groups.find((g) => g.actionFieldKey === seed.field);
    if (!group) continue;
    const measureId = new Types.ObjectId();
    const documentId = new Types.ObjectId();
    documents.push({
      _id: documentId,
      processId: process._id,
      actionFieldKey: seed.field,
      groupId: group._id,
      kind: 'measure-description',
      title: `${seed.code} ${seed.title}`,
      status: descriptionStatusFor(seed.status),
      order: 0,
      sharedWithBodyIds: [],
      reviewDeadline: null,
      seedContent: {
        type: 'doc',
        content: seed.description.map((text) => ({
          type: 'paragraph',
          content: [{ type: 'text', text }],
        })),
      },
      createdById: author.id,
      createdAt: now,
      updatedAt: now,
    });
    measures.push({
      _id: measureId,
      processId: process._id,
      actionFieldKey: seed.field,
      groupId: group._id,
      code: seed.code,
      title: seed.title,
      goal: seed.goal,
      startingSituation: seed.startingSituation,
      descriptionDocumentId: documentId,
      targetGroups: seed.targetGroups,
      districts: seed.districts,
      leadOrganisationId: seed.lead ? org(seed.lead) : null,
      leadUnit: seed.leadUnit,
      partnerOrganisationIds: seed.partners
        .map(org)
        .filter((id): id is Types.ObjectId => id !== null),
      start: seed.start ? new Date(`${seed.start}T00:00:00Z`) : null,
      end: seed.end ? new Date(`${seed.end}T00:00:00Z`) : null,
      horizon: seed.horizon,
      priority: seed.priority,
      indicators: seed.indicators,
      budget: seed.budget,
      status: seed.status,
      statusChangedAt: now,
      progress: (seed.progress ?? []).map((p) => ({
        _id: new Types.ObjectId(),
        date: new Date(now.getTime() - p.daysAgo * DAY_MS),
        note: p.note,
        status: p.status ?? null,
        authorId: author.id,
        authorName: author.name,
        createdAt: now,
      })),
      revision: 0,
      createdById: author.id,
      createdAt: now,
      updatedAt: now,
    });
  }
  await models.MeasureNumber.insertMany(
    measures.map((m) => ({
      _id: `${String(process._id)}:${m.code}`,
      processId: process._id,
      measureId: m._id,
      createdAt: now,
    })),
  );
  await models.Document.insertMany(documents);
  await models.Measure.insertMany(measures);
  return measures.length;
}
