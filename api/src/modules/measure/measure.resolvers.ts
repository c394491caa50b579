import {
  MEASURE_FIELDS,
  type BudgetSource,
  type MeasureField,
  type MeasureHorizon,
  type MeasurePriority,
  type MeasureStatus,
} from '@lip/common';
import type { Resolvers } from '../../graphql/generated/resolvers-types';
import { notFound } from '../../errors';
import { fromGraphQLEnum, toGraphQLEnum } from '../../validation';
import { findDocument } from '../document/document.service';
import { loadProcess } from '../process/process.service';
import {
  addMeasureProgress,
  allowedMeasureTransitions,
  changeMeasureStatus,
  createMeasure,
  findMeasure,
  knownDistricts,
  listMeasureChanges,
  listMeasures,
  snapshotMeasures,
  updateMeasure,
  usedTargetGroups,
  viewerMay,
} from './measure.service';
import { formatLoggedValue, measureSheetFields } from './measure.snapshot';
import { canAct } from '../../auth/policy';

/** Target groups offered in the form even before any measure uses them. */
const COMMON_TARGET_GROUPS = [
  'Kinder und Jugendliche',
  'Eltern',
  'Geflüchtete',
  'Neuzugewanderte',
  'Frauen',
  'Ältere Menschen',
  'Menschen mit Behinderungen',
  'Migrant*innenorganisationen',
  'Beschäftigte der Stadtverwaltung',
  'Arbeitsuchende',
];

const enumOrNull = <T extends string>(value: string | null | undefined): T | null =>
  value ? fromGraphQLEnum<T>(value) : null;

/** Resolvers of the measures catalogue. */
export const measureResolvers: Resolvers = {
  Query: {
    measure: (_p, { id }, { scope }) => findMeasure(scope, id),
    measures: (_p, { filter, sort }, { scope }) =>
      listMeasures(scope, {
        ...filter,
        statuses: filter?.statuses?.map((s) => fromGraphQLEnum<MeasureStatus>(s)) ?? null,
        sort: sort ? sort.toLowerCase() : null,
      }),
    measureOptions: async (_p, { processId }, { scope }) => {
      const process = await loadProcess(scope, processId);
      const used = await usedTargetGroups(scope, process._id);
      const viewer = scope.viewer;
      return {
        districts: knownDistricts(process),
        targetGroups: [...new Set([...used, ...COMMON_TARGET_GROUPS])],
        viewerCanCreateIn: viewer
          ? process.actionFields
              .filter((f) =>
                canAct(viewer.actor, 'createMeasure', process, { type: 'actionField', key: f.key }),
              )
              .map((f) => f.key)
          : [],
      };
    },
  },
  Mutation: {
    createMeasure: async (_p, { input }, { scope }) => ({
      measure: await createMeasure(scope, input),
    }),
    updateMeasure: async (_p, { input }, { scope }) => ({
      measure: await updateMeasure(scope, {
        ...input,
        horizon: enumOrNull<MeasureHorizon>(input.horizon),
        priority: enumOrNull<MeasurePriority>(input.priority),
        budget: input.budget
          ? { ...input.budget, source: enumOrNull<BudgetSource>(input.budget.source) }
          : input.budget,
      }),
    }),
    changeMeasureStatus: async (_p, { input }, { scope }) => ({
      measure: await changeMeasureStatus(scope, {
        ...input,
        status: fromGraphQLEnum<MeasureStatus>(input.status),
      }),
    }),
    addMeasureProgress: async (_p, { input }, { scope }) => ({
      measure: await addMeasureProgress(scope, {
        ...input,
        status: enumOrNull<MeasureStatus>(input.status),
      }),
    }),
  },
  Measure: {
    id: (m) => String(m._id),
    processId: (m) => String(m.processId),
    descriptionDocumentId: (m) => String(m.descriptionDocumentId),
    group: async (m, _a, { scope }) => {
      const process = await scope.loaders.process.load(String(m.processId));
      const group = process?.groups.find((g) => String(g._id) === String(m.groupId));
      if (!process || !group) throw notFound('group');
      return { group, process };
    },
    descriptionDocument: (m, _a, { scope }) => findDocument(scope, String(m.descriptionDocumentId)),
    leadOrganisation: (m, _a, { scope }) =>
      m.leadOrganisationId ? scope.loaders.organisation.load(String(m.leadOrganisationId)) : null,
    partnerOrganisations: async (m, _a, { scope }) =>
      (
        await Promise.all(
          m.partnerOrganisationIds.map((id) => scope.loaders.organisation.load(String(id))),
        )
      ).filter((o) => o !== null),
    horizon: (m) => (m.horizon ? toGraphQLEnum(m.horizon) : null),
    priority: (m) => (m.priority ? toGraphQLEnum(m.priority) : null),
    budget: (m) => ({
      amountEur: m.budget?.amountEur ?? null,
      source: m.budget?.source ? toGraphQLEnum(m.budget.source) : null,
      budgetLine: m.budget?.budgetLine ?? '',
    }),
    status: (m) => toGraphQLEnum(m.status),
    progress: (m) =>
      [...m.progress].sort(
        (a, b) =>
          b.date.getTime() - a.date.getTime() || b.createdAt.getTime() - a.createdAt.getTime(),
      ),
    createdBy: (m, _a, { scope }) =>
      m.createdById ? scope.loaders.person.load(String(m.createdById)) : null,
    changes: (m, { first }, { scope }) => listMeasureChanges(scope, m, first ?? 100),
    sheet: async (m, _a, { scope }) => {
      const [snapshot] = await snapshotMeasures(scope, [m]);
      return snapshot ? measureSheetFields(snapshot, scope.locale) : [];
    },
    viewerCanEdit: async (m, _a, { scope }) => {
      const process = await scope.loaders.process.load(String(m.processId));
      return !!process && viewerMay(scope, process, m, 'editMeasure');
    },
    viewerCanReportProgress: async (m, _a, { scope }) => {
      const process = await scope.loaders.process.load(String(m.processId));
      return !!process && viewerMay(scope, process, m, 'reportProgress');
    },
    viewerStatusTransitions: async (m, _a, { scope }) => {
      const process = await scope.loaders.process.load(String(m.processId));
      return process
        ? allowedMeasureTransitions(scope, process, m).map((s) => toGraphQLEnum(s))
        : [];
    },
  },
  MeasureProgressNote: {
    id: (p) => String(p._id),
    status: (p) => (p.status ? toGraphQLEnum(p.status) : null),
  },
  MeasureChange: {
    id: (c) => c._id,
    before: (c, _a, { scope }) =>
      (MEASURE_FIELDS as readonly string[]).includes(c.field)
        ? formatLoggedValue(c.field as MeasureField, c.before, scope.locale)
        : c.before,
    after: (c, _a, { scope }) =>
      (MEASURE_FIELDS as readonly string[]).includes(c.field)
        ? formatLoggedValue(c.field as MeasureField, c.after, scope.locale)
        : c.after,
  },
  MeasureStatusCount: {
    status: (c) => toGraphQLEnum(c.status),
  },
};
