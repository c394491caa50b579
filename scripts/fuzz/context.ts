import type { GraphQLSchema } from 'graphql';
import { buildSchema } from '../../api/src/graphql/schema';
import { REF_PATTERN, type RefKind } from './arbitraries';
import type { FuzzProduct } from './product';

/** The demo password (README); the fuzzer signs in as demo accounts like any visitor could. */
const DEMO_PASSWORD = 'Hannover-LIP-demo';

/** Who sends a case: signed out, or signed in as a demo account of one role. */
export const IDENTITIES = [
  'anonymous',
  'admin',
  'coordinator',
  'speaker',
  'member',
  'council',
  'steering',
  'observer',
] as const;
export type Identity = (typeof IDENTITIES)[number];

const EMAILS: Record<Exclude<Identity, 'anonymous'>, string> = {
  admin: 'admin@lip.example',
  coordinator: 'koordination@lip.example',
  speaker: 'bildung@lip.example',
  member: 'bildung2@lip.example',
  council: 'beirat-nord@lip.example',
  steering: 'lenkung@lip.example',
  observer: 'beobachtung@lip.example',
};

/** Identities whose tickets the y-websocket surface uses: an editor, a commenter, a reader. */
export const TICKET_IDENTITIES = ['speaker', 'admin', 'observer'] as const;
export type TicketIdentity = (typeof TICKET_IDENTITIES)[number];

interface Ticket {
  room: string;
  ticket: string;
  expiresAtMs: number;
}

/**
 * What the surfaces need from the running product: session cookies of the demo accounts, ids of
 * real records for the placeholders, the schema (from the API's SDL) and
 * fresh collab tickets. Built once after the product started; sessions live in the database,
 * so they survive a restart of the product.
 */
export interface FuzzContext {
  product: FuzzProduct;
  schema: GraphQLSchema;
  cookie(identity: Identity): string | undefined;
  /** Replaces every placeholder in the text with a real id (or a token) of the product. */
  resolveRefs(text: string): string;
  /** A websocket URL with a valid ticket for one of the current fuzz documents, as the identity. */
  ticketUrl(identity: TicketIdentity, slot?: number): Promise<string>;
  /**
   * Counts a y-websocket conversation; every {@link FUZZ_DOCUMENT_ROTATION} conversations the
   * surface moves on to fresh documents.
   */
  startConversation(): Promise<void>;
  /**
   * Waits until the product has built what it builds once per process (the search index), so
   * memory samples compare like with like.
   */
  warmUp(): Promise<void>;
  /**
   * Signs in again every identity whose session a case ended (a generated mutation may end a
   * session, as the product should allow it to), so the next surface still sends signed-in
   * cases; returns those identities (with those a ticket request had to sign in again).
   */
  renewLostSessions(): Promise<Identity[]>;
  /** The first fuzz document (the collab-upgrade surface aims at it). */
  fuzzDocumentId: string;
}

/** How many documents the y-websocket surface writes into at a time (a case picks one). */
export const FUZZ_DOCUMENT_SLOTS = 4;

/**
 * After this many conversations the y-websocket surface writes into fresh documents: accepted
 * updates (and junk that can never integrate) pile up in a document, and a run of 10,000 cases
 * should test frames, not how the server copes with one document of hundreds of megabytes.
 */
export const FUZZ_DOCUMENT_ROTATION = 500;

interface GraphQLAnswer<T> {
  data?: T;
  errors?: { message: string }[];
}

async function gql<T>(
  product: FuzzProduct,
  query: string,
  variables: Record<string, unknown>,
  cookie?: string,
) {
  const response = await fetch(`${product.apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as GraphQLAnswer<T>;
  if (!body.data || body.errors)
    throw new Error(`fuzz setup query failed: ${JSON.stringify(body.errors)}\n${query}`);
  return { data: body.data, setCookie: response.headers.get('set-cookie') };
}

/** Signs in the demo accounts and collects the ids the placeholders resolve to. */
export async function buildFuzzContext(product: FuzzProduct): Promise<FuzzContext> {
  const cookies = new Map<Identity, string>();
  const signIn = async (identity: Exclude<Identity, 'anonymous'>) => {
    const { setCookie } = await gql(
      product,
      'mutation FuzzSignIn($input: SignInInput!) { signIn(input: $input) { viewer { id } } }',
      { input: { email: EMAILS[identity], password: DEMO_PASSWORD } },
    );
    if (!setCookie) throw new Error(`no session cookie for ${EMAILS[identity]}`);
    cookies.set(identity, setCookie.split(';')[0]!);
  };
  for (const identity of Object.keys(EMAILS) as Exclude<Identity, 'anonymous'>[]) {
    await signIn(identity);
  }
  const admin = cookies.get('admin');

  // The schema from the SDL, not by introspection: production turns introspection off and the
  // cost limit may refuse the full introspection query, and a case must replay the same either way.
  const schema = buildSchema();

  const { data } = await gql<{
    documents: { id: string; actionFieldKey: string; status: string }[];
    process: {
      id: string;
      milestones: { id: string }[];
      actionFields: { group: { id: string } | null }[];
    };
    processes: { id: string }[];
    bodies: { id: string }[];
    people: { id: string; email: string }[];
    organisations: { id: string }[];
    tasks: { nodes: { id: string }[] };
  }>(
    product,
    `query FuzzRefs {
      documents { id actionFieldKey status }
      process { id milestones { id } actionFields { group { id } } }
      processes { id }
      bodies { id }
      people { id email }
      organisations { id }
      tasks(first: 100) { nodes { id } }
    }`,
    {},
    admin,
  );
  const educationGroup = data.process.actionFields[0]?.group?.id;
  if (!educationGroup) throw new Error('the demo process has no education group');

  // The y-websocket surface writes into its own documents, which no placeholder names, so the
  // other surfaces cannot change their status or sharing underneath it.
  const createFuzzDocuments = async (round: number) => {
    const ids: string[] = [];
    for (let slot = 0; slot < FUZZ_DOCUMENT_SLOTS; slot += 1) {
      const created = await gql<{ createDocument: { document: { id: string } } }>(
        product,
        'mutation FuzzDocument($input: CreateDocumentInput!) { createDocument(input: $input) { document { id } } }',
        {
          input: {
            groupId: educationGroup,
            kind: 'OTHER',
            title: `Fuzz-Dokument ${round}.${slot + 1}`,
          },
        },
        admin,
      );
      ids.push(created.data.createDocument.document.id);
    }
    return ids;
  };
  let fuzzDocumentIds = await createFuzzDocuments(1);
  let conversations = 0;
  const fuzzDocumentId = fuzzDocumentIds[0]!;

  // A few records the seed does not have: threads, a named version, a pending invitation.
  const firstDocument =
    data.documents.find((d) => d.actionFieldKey === 'education')?.id ?? fuzzDocumentId;
  const threads: string[] = [];
  for (const visibility of ['GROUP', 'SHARED']) {
    const thread = await gql<{ createComment: { thread: { id: string } } }>(
      product,
      'mutation FuzzThread($input: CreateCommentInput!) { createComment(input: $input) { thread { id } } }',
      { input: { documentId: firstDocument, body: `Fuzz ${visibility}`, visibility } },
      cookies.get('speaker'),
    );
    threads.push(thread.data.createComment.thread.id);
  }
  const versions: string[] = [];
  try {
    const version = await gql<{ createDocumentVersion: { version: { id: string } } }>(
      product,
      'mutation FuzzVersion($input: CreateDocumentVersionInput!) { createDocumentVersion(input: $input) { version { id } } }',
      { input: { documentId: firstDocument, label: 'Fuzz-Fassung' } },
      admin,
    );
    versions.push(version.data.createDocumentVersion.version.id);
  } catch {
    // Versions need the collab server's internal endpoint; without one the placeholders get random ids.
  }
  const invitation = await gql<{ createInvitation: { invitation: { link: string } } }>(
    product,
    'mutation FuzzInvite($input: CreateInvitationInput!) { createInvitation(input: $input) { invitation { link } } }',
    { input: { email: 'fuzz-eingeladen@lip.example', name: 'Fuzz Eingeladen' } },
    admin,
  );
  const invitationToken = invitation.data.createInvitation.invitation.link.split('/').at(-1) ?? '';

  const demoEmails = new Set(Object.values(EMAILS));
  const refs: Record<RefKind, string[]> = {
    document: data.documents.map((d) => d.id),
    group: data.process.actionFields.flatMap((field) => (field.group ? [field.group.id] : [])),
    // Never the fuzzer's own accounts: a generated role change must not lock the fuzzer out.
    person: data.people.filter((p) => !demoEmails.has(p.email)).map((p) => p.id),
    body: data.bodies.map((b) => b.id),
    task: data.tasks.nodes.map((t) => t.id),
    thread: threads,
    milestone: data.process.milestones.map((m) => m.id),
    organisation: data.organisations.map((o) => o.id),
    process: data.processes.map((p) => p.id),
    version: versions,
    invitationToken: [invitationToken],
  };

  const tickets = new Map<string, Ticket>();
  /** Identities signed in again since the last {@link FuzzContext.renewLostSessions}. */
  const renewed = new Set<Identity>();
  return {
    product,
    schema,
    fuzzDocumentId,
    cookie: (identity) => cookies.get(identity),
    resolveRefs(text) {
      return text.replace(REF_PATTERN, (_match, kind: string, index: string) => {
        const pool = refs[kind as RefKind] ?? [];
        // An empty pool still yields a well-formed id that names nothing.
        return pool.length > 0 ? pool[Number(index) % pool.length]! : '0123456789abcdef01234567';
      });
    },
    async renewLostSessions() {
      const lost: Identity[] = [...renewed];
      renewed.clear();
      for (const identity of Object.keys(EMAILS) as Exclude<Identity, 'anonymous'>[]) {
        const { data: who } = await gql<{ viewer: { id: string } | null }>(
          product,
          'query FuzzWhoAmI { viewer { id } }',
          {},
          cookies.get(identity),
        );
        if (who.viewer) continue;
        if (!lost.includes(identity)) lost.push(identity);
        // An account a case made unusable stays signed out; its cases are then anonymous.
        await signIn(identity).catch(() => undefined);
      }
      if (lost.length > 0) tickets.clear();
      return lost;
    },
    async warmUp() {
      // The search resolver waits for the index's first build.
      await gql(product, 'query FuzzWarmUp { search(query: "Schule") { total } }', {}, admin);
    },
    async startConversation() {
      conversations += 1;
      if (conversations % FUZZ_DOCUMENT_ROTATION === 0) {
        fuzzDocumentIds = await createFuzzDocuments(conversations / FUZZ_DOCUMENT_ROTATION + 1);
      }
    },
    async ticketUrl(identity, slot = 0) {
      const documentId = fuzzDocumentIds[slot % FUZZ_DOCUMENT_SLOTS]!;
      const key = `${identity}:${documentId}`;
      // The URL is built on every call: after a restart the collab server has a new port.
      const toUrl = (ticket: Ticket) =>
        `${product.collabUrl}/${ticket.room}?ticket=${encodeURIComponent(ticket.ticket)}`;
      const cached = tickets.get(key);
      if (cached && cached.expiresAtMs - Date.now() > 20_000) return toUrl(cached);
      const issue = () =>
        gql<{
          collabTicket: { ticket: string; url: string; room: string; expiresAt: string };
        }>(
          product,
          'mutation FuzzTicket($id: ID!) { collabTicket(documentId: $id) { ticket url room expiresAt } }',
          { id: documentId },
          cookies.get(identity),
        );
      // A case may have ended the session (see renewLostSessions): sign in again, once.
      const { data: ticketData } = await issue().catch(async (error: unknown) => {
        if (!String(error).includes('UNAUTHENTICATED')) throw error;
        renewed.add(identity);
        await signIn(identity);
        return issue();
      });
      const issued = ticketData.collabTicket;
      const ticket = {
        room: issued.room,
        ticket: issued.ticket,
        expiresAtMs: Date.parse(issued.expiresAt),
      };
      tickets.set(key, ticket);
      return toUrl(ticket);
    },
  };
}
