import {
  GraphQLError,
  Kind,
  Lexer,
  Source,
  TokenKind,
  getNamedType,
  isCompositeType,
  isListType,
  isNonNullType,
  type ASTVisitor,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';
import { getComplexity, type ComplexityEstimatorArgs } from 'graphql-query-complexity';

/**
 * The limits of one GraphQL operation, the same over HTTP and the websocket. The source limits
 * (tokens, bracket nesting) run before the recursive parser, so a hostile document never reaches
 * a deep recursion; the others run as validation rules or after validation (cost).
 */
export const OPERATION_LIMITS = {
  /** Longest accepted query text, in characters. */
  maxQueryChars: 50_000,
  /** Lexical tokens of the query text (the parser stops there too). */
  maxTokens: 5_000,
  /** Nesting of `{`, `[` and `(` in the query text. */
  maxNesting: 40,
  /** Depth of the selection, counted in fields from the root, fragments expanded. */
  maxDepth: 12,
  maxAliases: 20,
  maxDirectives: 20,
  /** Field nodes the cost analysis visits (fragments expanded) before giving up. */
  maxCostNodes: 20_000,
} as const;

/** Which limit a request broke; sent as `extensions.limit`. */
export type OperationLimit =
  'queryChars' | 'tokens' | 'nesting' | 'depth' | 'aliases' | 'directives' | 'cost';

/**
 * Checks the query text before parsing: length, token count and bracket nesting, with the
 * library's own lexer (strings, block strings and comments are lexed correctly). Returns the
 * broken limit, or null. A lexing error is left to the parser, which reports it as a syntax error.
 */
export function checkQuerySource(query: string): OperationLimit | null {
  if (query.length > OPERATION_LIMITS.maxQueryChars) return 'queryChars';
  const lexer = new Lexer(new Source(query));
  let tokens = 0;
  let nesting = 0;
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
      tokens += 1;
      if (tokens > OPERATION_LIMITS.maxTokens) return 'tokens';
      if (
        token.kind === TokenKind.BRACE_L ||
        token.kind === TokenKind.BRACKET_L ||
        token.kind === TokenKind.PAREN_L
      ) {
        nesting += 1;
        if (nesting > OPERATION_LIMITS.maxNesting) return 'nesting';
      } else if (
        token.kind === TokenKind.BRACE_R ||
        token.kind === TokenKind.BRACKET_R ||
        token.kind === TokenKind.PAREN_R
      ) {
        nesting -= 1;
      }
    }
  } catch {
    return null;
  }
  return null;
}

function limitError(limit: OperationLimit, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { limit } });
}

/**
 * Validation rule: the selection may be at most {@link OPERATION_LIMITS.maxDepth} fields deep.
 * Fragment depths are memoised, and a fragment cycle (reported by the spec rule) counts as 0,
 * so the rule is linear in the document.
 */
export function depthLimitRule(context: ValidationContext): ASTVisitor {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of context.getDocument().definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    }
  }
  const memo = new Map<string, number>();
  const active = new Set<string>();
  const depthOf = (set: SelectionSetNode | undefined): number => {
    let max = 0;
    for (const selection of set?.selections ?? []) {
      let depth = 0;
      if (selection.kind === Kind.FIELD) {
        depth = selection.name.value.startsWith('__') ? 0 : 1 + depthOf(selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        depth = depthOf(selection.selectionSet);
      } else {
        const name = selection.name.value;
        const known = memo.get(name);
        if (known !== undefined) depth = known;
        else if (!active.has(name)) {
          active.add(name);
          depth = depthOf(fragments.get(name)?.selectionSet);
          active.delete(name);
          memo.set(name, depth);
        }
      }
      if (depth > max) max = depth;
      // Stop early: deeper nesting would only make the recursion longer.
      if (max > OPERATION_LIMITS.maxDepth) return max;
    }
    return max;
  };
  return {
    OperationDefinition(node) {
      const depth = depthOf(node.selectionSet);
      if (depth > OPERATION_LIMITS.maxDepth) {
        context.reportError(
          limitError(
            'depth',
            `Query is nested too deeply (more than ${OPERATION_LIMITS.maxDepth} levels).`,
          ),
        );
      }
    },
  };
}

/** Validation rule: at most {@link OPERATION_LIMITS.maxAliases} aliases in the document. */
export function aliasLimitRule(context: ValidationContext): ASTVisitor {
  let aliases = 0;
  let reported = false;
  return {
    Field(node) {
      if (!node.alias) return;
      aliases += 1;
      if (aliases > OPERATION_LIMITS.maxAliases && !reported) {
        reported = true;
        context.reportError(
          limitError('aliases', `Too many aliases (more than ${OPERATION_LIMITS.maxAliases}).`),
        );
      }
    },
  };
}

/** Validation rule: at most {@link OPERATION_LIMITS.maxDirectives} directives in the document. */
export function directiveLimitRule(context: ValidationContext): ASTVisitor {
  let directives = 0;
  let reported = false;
  return {
    Directive() {
      directives += 1;
      if (directives > OPERATION_LIMITS.maxDirectives && !reported) {
        reported = true;
        context.reportError(
          limitError(
            'directives',
            `Too many directives (more than ${OPERATION_LIMITS.maxDirectives}).`,
          ),
        );
      }
    },
  };
}

/** The validation rules every operation passes, next to the spec rules. */
export const limitRules = [depthLimitRule, aliasLimitRule, directiveLimitRule];

/**
 * How many items a list field is assumed to return when no `first` argument bounds it, by
 * `Type.field`: realistic sizes for one city's process (people, councils, documents). Lists not
 * named here count {@link DEFAULT_LIST_SIZE}. Connection lists (`edges`, `nodes`) count 1: their
 * parent's `first` multiplies them.
 */
export const ASSUMED_LIST_SIZES: Readonly<Record<string, number>> = {
  'Query.people': 300,
  'Query.organisations': 100,
  'Query.processes': 5,
  'Query.invitations': 200,
  'Query.documents': 100,
  'Query.comments': 50,
  'Query.bodies': 20,
  'Query.documentVersions': 50,
  'Process.actionFields': 10,
  'Process.milestones': 30,
  'Process.bodies': 20,
  'Process.budgetLines': 10,
  'ActionField.documents': 20,
  'ActionField.milestones': 10,
  'ExpertGroup.members': 25,
  'Body.members': 25,
  'Organisation.members': 25,
  'Person.groupMemberships': 5,
  'Person.bodies': 5,
  'Document.sharedWith': 15,
  'CommentThread.comments': 20,
  'Task.assignees': 5,
  'Dashboard.actionFields': 10,
  'Dashboard.upcomingMilestones': 10,
  'Dashboard.myTasks': 20,
  'Dashboard.awaitingMyReview': 20,
  'Dashboard.recentActivity': 20,
  // myWork is capped at 60 items (work.service.ts). Pending memberships exist only for invited
  // people (usually one group each, none for everyone else) and the few invited per group.
  'MyWork.items': 60,
  'ExpertGroup.pendingMembers': 10,
  'Person.pendingGroupMemberships': 2,
  'ActionFieldSummary.documentCounts': 4,
  'TaskConnection.nodes': 1,
  'TaskConnection.edges': 1,
  'ActivityConnection.nodes': 1,
  'ActivityConnection.edges': 1,
  // The catalogue lists every measure of a process (about 85 in the plan).
  'MeasureList.items': 150,
  'MeasureList.statusCounts': 9,
  'MeasureOptions.districts': 20,
  'Measure.partnerOrganisations': 10,
  'Measure.indicators': 5,
  'Measure.progress': 10,
  'Measure.sheet': 20,
  'PaperEdition.measureSheet': 20,
  // A paper of six fields with their chapters and about 85 measures.
  'Paper.outline': 120,
  'Paper.editions': 10,
  'PaperReading.toc': 200,
  'PaperReading.parts': 120,
  'PaperEdition.parts': 120,
  'Query.exportFormats': 4,
  'Query.exportJobs': 20,
  // search(first) multiplies its hits; a snippet is a handful of text parts.
  'SearchResults.hits': 1,
  'SearchHit.snippet': 10,
  // Review rounds and decisions: a round asks up to the 13 councils and the round table about a
  // few documents; a statement has tens of remarks; the response table of a large round has
  // hundreds of rows (ROUND_LIMITS, STATEMENT_LIMITS in modules/review).
  'Query.reviewRounds': 20,
  'Query.steeringInbox': 10,
  'Document.reviewRounds': 5,
  'ReviewRound.items': 5,
  'ReviewRound.bodies': 15,
  'ReviewRound.progress': 15,
  'ReviewRound.statements': 15,
  'ReviewRound.myBodyIds': 3,
  'ReviewRound.decisions': 5,
  'Statement.remarks': 40,
  'Statement.commentCandidates': 20,
  'RemarkResponse.revisions': 5,
  'ResponseTable.rows': 300,
  'ResponseTableRow.warnings': 1,
  'PassageChange.parts': 5,
  'ReviewDashboard.statementsDue': 5,
  'ReviewDashboard.roundsInProgress': 5,
  'ReviewDashboard.remarksWaiting': 5,
  'ReviewDashboard.steeringInbox': 5,
  'SteeringInboxEntry.pendingItems': 5,
  'ReviewItem.decisionHistory': 3,
  'Decision.tasks': 5,
  'Body.chairs': 3,
  'PersonalData.groups': 5,
  'PersonalData.bodies': 5,
  'PersonalData.sessions': 20,
  'PersonalData.comments': 100,
  'PersonalData.tasks': 100,
  'PersonalData.activity': 100,
};

/** Size assumed for a list of objects that {@link ASSUMED_LIST_SIZES} does not name. */
export const DEFAULT_LIST_SIZE = 50;

/**
 * Scalar fields whose resolver reads the database or returns large text cost this much (other
 * scalars are read with their parent and cost 0; every object field costs 1).
 */
export const SCALAR_FIELD_COSTS: Readonly<Record<string, number>> = {
  'Document.contentText': 5,
  'Document.contentHtml': 5,
  'Document.contentUpdatedAt': 1,
  'Document.commentCount': 1,
  'Document.viewerLastSeenAt': 1,
};

function isListOutput(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

/**
 * The cost estimator: an object field costs 1 plus its selection, multiplied by its page size
 * (`first`, the resolver's default when omitted) or by the assumed size of an unbounded list.
 */
export function estimateFieldCost({
  type,
  field,
  args,
  childComplexity,
}: ComplexityEstimatorArgs): number {
  const key = `${type.name}.${field.name}`;
  if (!isCompositeType(getNamedType(field.type))) return SCALAR_FIELD_COSTS[key] ?? 0;
  const first = typeof args.first === 'number' && args.first > 0 ? args.first : null;
  const size =
    first ?? (isListOutput(field.type) ? (ASSUMED_LIST_SIZES[key] ?? DEFAULT_LIST_SIZE) : 1);
  return size * (1 + childComplexity);
}

/**
 * The cost of the operation to run: a number, `Infinity` when the analysis had to give up (more
 * than {@link OPERATION_LIMITS.maxCostNodes} field nodes with fragments expanded), or the error of
 * an argument that cannot be coerced (the operation would fail on it anyway, and without a cost
 * its other fields must not run).
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | null | undefined,
): number | GraphQLError {
  try {
    return getComplexity({
      schema,
      query: document,
      variables: variables ?? {},
      ...(operationName ? { operationName } : {}),
      estimators: [estimateFieldCost],
      maxQueryNodes: OPERATION_LIMITS.maxCostNodes,
    });
  } catch (error) {
    if (error instanceof GraphQLError) {
      return /number of nodes/.test(error.message) ? Infinity : error;
    }
    throw error;
  }
}
