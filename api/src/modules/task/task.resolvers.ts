import type { TaskStatus } from '@lip/common';
import type { Resolvers } from '../../graphql/generated/resolvers-types';
import type { TaskChangeEvent } from './task.events';
import { filterAsync } from '../../pubsub/filter';
import { findDocument } from '../document/document.service';
import type { PersonDoc } from '../person/person.model';
import { fromGraphQLEnum, toGraphQLEnum } from '../../validation';
import {
  assignTask,
  canDeleteTask,
  canEditTask,
  canReceiveTaskChange,
  createTask,
  deleteTask,
  findTask,
  isOverdue,
  listTasks,
  moveTask,
  restoreTask,
  taskSubscriptionTopic,
  updateTask,
} from './task.service';

/** Resolvers of tasks and the task board. */
export const taskResolvers: Resolvers = {
  Query: {
    tasks: async (_p, { filter, orderBy, first, after }, { scope }) => {
      const page = await listTasks(scope, {
        filter: filter
          ? { ...filter, status: filter.status?.map((s) => fromGraphQLEnum<TaskStatus>(s)) }
          : null,
        orderBy: orderBy ? fromGraphQLEnum(orderBy) : undefined,
        first,
        after,
      });
      const last = page.nodes[page.nodes.length - 1];
      return {
        nodes: page.nodes,
        edges: page.nodes.map((node) => ({ cursor: page.cursorOf(node), node })),
        pageInfo: { hasNextPage: page.hasNextPage, endCursor: last ? page.cursorOf(last) : null },
        totalCount: page.totalCount,
      };
    },
    task: (_p, { id }, { scope }) => findTask(scope, id),
  },
  Mutation: {
    createTask: async (_p, { input }, { scope }) => ({
      task: await createTask(scope, {
        ...input,
        status: input.status ? fromGraphQLEnum(input.status) : undefined,
        priority: input.priority ? fromGraphQLEnum(input.priority) : undefined,
        description: input.description ?? undefined,
        assigneeIds: input.assigneeIds ?? undefined,
      }),
    }),
    updateTask: async (_p, { input }, { scope }) => ({
      task: await updateTask(scope, {
        ...input,
        priority: input.priority ? fromGraphQLEnum(input.priority) : undefined,
        title: input.title ?? undefined,
        description: input.description ?? undefined,
        assigneeIds: input.assigneeIds ?? undefined,
      }),
    }),
    moveTask: async (_p, { input }, { scope }) => ({
      task: await moveTask(scope, { ...input, status: fromGraphQLEnum(input.status) }),
    }),
    assignTask: async (_p, { input }, { scope }) => ({ task: await assignTask(scope, input) }),
    deleteTask: async (_p, { taskId }, { scope }) => ({
      deletedTaskId: await deleteTask(scope, taskId),
    }),
    restoreTask: async (_p, { taskId }, { scope }) => ({ task: await restoreTask(scope, taskId) }),
  },
  Subscription: {
    taskChanged: {
      subscribe: async (_p, { actionFieldKey }, { scope }) => {
        const topic = await taskSubscriptionTopic(scope);
        return filterAsync(
          scope.pubsub.subscribe<TaskChangeEvent>(topic),
          async (event) =>
            (!actionFieldKey || event.actionFieldKey === actionFieldKey) &&
            canReceiveTaskChange(scope, event),
        );
      },
      resolve: (event: TaskChangeEvent) => event,
    },
  },
  TaskChange: {
    kind: (e) => e.kind,
    taskId: (e) => e.taskId,
    actionFieldKey: (e) => e.actionFieldKey,
    task: (e) => e.task,
  },
  Task: {
    id: (t) => String(t._id),
    processId: (t) => String(t.processId),
    status: (t) => toGraphQLEnum(t.status),
    priority: (t) => toGraphQLEnum(t.priority),
    overdue: (t) => isOverdue(t),
    group: async (t, _a, { scope }) => {
      if (!t.groupId) return null;
      const process = await scope.loaders.process.load(String(t.processId));
      const group = process?.groups.find((g) => String(g._id) === String(t.groupId));
      return process && group ? { group, process } : null;
    },
    document: async (t, _a, { scope }) => {
      if (!t.documentId) return null;
      // Only documents the viewer may see.
      return findDocument(scope, String(t.documentId));
    },
    assignees: async (t, _a, { scope }) => {
      const people = await scope.loaders.person.loadMany(t.assigneeIds.map(String));
      return people.filter((p): p is PersonDoc => p !== null && !(p instanceof Error));
    },
    milestone: async (t, _a, { scope }) => {
      if (!t.milestoneId) return null;
      const process = await scope.loaders.process.load(String(t.processId));
      return process?.milestones.find((m) => String(m._id) === String(t.milestoneId)) ?? null;
    },
    createdBy: (t, _a, { scope }) =>
      t.createdById ? scope.loaders.person.load(String(t.createdById)) : null,
    viewerCanEdit: async (t, _a, { scope }) => {
      const process = await scope.loaders.process.load(String(t.processId));
      return !!process && canEditTask(scope, process, t);
    },
    viewerCanDelete: async (t, _a, { scope }) => {
      const process = await scope.loaders.process.load(String(t.processId));
      return !!process && canDeleteTask(scope, process, t);
    },
  },
};
