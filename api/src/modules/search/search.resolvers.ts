import type { Resolvers } from '../../graphql/generated/resolvers-types';
import { toGraphQLEnum } from '../../validation';
import { search } from './search.service';

/** Resolvers of the search. */
export const searchResolvers: Resolvers = {
  Query: {
    search: (_p, args, { scope }) =>
      search(scope, { query: args.query, first: args.first ?? undefined }),
  },
  SearchHit: {
    id: (h) => h.entry.id,
    type: (h) => toGraphQLEnum(h.entry.type),
    title: (h) => h.entry.heading ?? h.entry.title,
    context: (h) => h.entry.context ?? null,
    snippet: (h) => h.snippet,
    link: (h) => h.link,
    score: (h) => h.score,
  },
};
