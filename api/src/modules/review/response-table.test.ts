import { strFromU8, unzipSync } from 'fflate';
import { countCommands } from '../../db/connection';
import { startFakeCollab, type FakeCollab } from '../../testing/fake-collab';
import { startTestApp, type TestApp, type TestClient } from '../../testing/test-app';
import { addBulkReviewRound } from './bulk-review';
import { loadResponseTable } from './response-table.service';

let t: TestApp;
let collab: FakeCollab;
let seededEvaluated: string;
let seededOpen: string;

/** The query the response table page sends (rows with their passage and capabilities). */
export const RESPONSE_TABLE_QUERY = `query ($id: ID!) {
  responseTable(roundId: $id) {
    round { id number title status }
    counts { total open draft approved warnings }
    rows {
      position bodyName submittedAt documentTitle status vote reason draftedByName approvedByName warnings
      viewerCanDraft viewerCanApprove viewerCanSendBack viewerCanCreateTask
      remark { id label quote text proposedWording itemIndex task { id title } }
      passage { status frozenText currentText changed parts { kind text } }
    }
  }
}`;

beforeAll(async () => {
  // The mail worker and the search catch-up read on the same connection; keep them quiet while
  // commands are counted.
  t = await startTestApp(__filename, {
    app: { mailPollMs: 3_600_000, searchCatchUpMs: 3_600_000 },
  });
  collab = await startFakeCollab(t.app.deps.secrets.collabSecret);
  t.app.deps.config.collabInternalUrl = collab.url;
  const rounds = await t.app.deps.models.ReviewRound.find({}).sort({ number: 1 }).lean();
  seededEvaluated = String(rounds[0]?._id);
  seededOpen = String(rounds[1]?._id);
}, 60_000);
afterAll(async () => {
  await collab.close();
  await t.close();
});

async function download(client: TestClient, roundId: string, format: string) {
  const response = await fetch(
    `${t.url}/exports/review-rounds/${roundId}/response-table.${format}`,
    {
      headers: client.cookie ? { cookie: client.cookie } : {},
    },
  );
  return { response, body: Buffer.from(await response.arrayBuffer()) };
}

/** The text of an XML part without its markup. */
function textOf(xml: string): string {
  return xml.replace(/<[^>]+>/g, '');
}

describe('response table size', () => {
  it('makes the same number of database round trips for 5 and for 300 remarks from 14 bodies', async () => {
    const scope = await t.scopeFor('koordination@lip.example');
    await loadResponseTable(scope, seededOpen); // freezes the seeded version once
    const small = await countCommands(t.app.deps.connection, async () =>
      loadResponseTable(await t.scopeFor('koordination@lip.example'), seededOpen),
    );
    const { roundId } = await addBulkReviewRound(t.app.deps.models, { bodies: 14, remarks: 300 });
    await loadResponseTable(scope, roundId);
    const large = await countCommands(t.app.deps.connection, async () =>
      loadResponseTable(await t.scopeFor('koordination@lip.example'), roundId),
    );
    expect(large.result.rows).toHaveLength(300);
    expect(new Set(large.result.rows.map((r) => r.body?.name)).size).toBe(14);
    expect(small.commands.length).toBeLessThanOrEqual(8);
    expect(large.commands).toEqual(small.commands);

    const client = await t.signIn('koordination@lip.example');
    const smallHttp = await countCommands(t.app.deps.connection, () =>
      client.gql(RESPONSE_TABLE_QUERY, { id: seededOpen }),
    );
    const largeHttp = await countCommands(t.app.deps.connection, () =>
      client.gql(RESPONSE_TABLE_QUERY, { id: roundId }),
    );
    expect(largeHttp.result.errors).toBeUndefined();
    expect(largeHttp.result.data?.responseTable.rows).toHaveLength(300);
    expect(largeHttp.commands.length).toBeLessThanOrEqual(smallHttp.commands.length + 2);
    expect(largeHttp.commands.length).toBeLessThanOrEqual(14);
  }, 120_000);
});

describe('response table export', () => {
  it('exports CSV with a header, every remark, its response and vote', async () => {
    const client = await t.signIn('koordination@lip.example');
    const { response, body } = await download(client, seededEvaluated, 'csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toContain('abwaegungstabelle-runde-1.csv');
    const text = body.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toContain('"Nr.";"Gremium und Datum";"Dokument";"Textstelle";"Anmerkung"');
    expect(lines).toHaveLength(4);
    expect(text).toContain('Es fehlen Ziele zur Mehrsprachigkeit der Bürgerämter.');
    expect(text).toContain('Wird als eigenes Ziel in Abschnitt 2 aufgenommen.');
    expect(text).toContain('"Berücksichtigt"');
  });

  it('exports DOCX and ODT that open again with the cover page, the remark and the response', async () => {
    const client = await t.signIn('koordination@lip.example');
    const docx = await download(client, seededEvaluated, 'docx');
    expect(docx.response.status).toBe(200);
    const docxText = textOf(strFromU8(unzipSync(new Uint8Array(docx.body))['word/document.xml']!));
    for (const expected of [
      'Abwägungstabelle',
      'Beratungsrunde 1: Grundlagenkapitel Stadtverwaltung und Demokratie',
      'Aktualisierung des Lokalen Integrationsplans',
      'Es fehlen Ziele zur Mehrsprachigkeit der Bürgerämter.',
      'Wird als eigenes Ziel in Abschnitt 2 aufgenommen.',
      'Teilweise berücksichtigt',
      'Textänderung',
    ]) {
      expect(docxText).toContain(expected);
    }
    const odt = await download(client, seededEvaluated, 'odt');
    expect(odt.response.status).toBe(200);
    expect(odt.response.headers.get('content-type')).toBe(
      'application/vnd.oasis.opendocument.text',
    );
    const files = unzipSync(new Uint8Array(odt.body));
    expect(strFromU8(files.mimetype!)).toBe('application/vnd.oasis.opendocument.text');
    const odtText = textOf(strFromU8(files['content.xml']!));
    expect(odtText).toContain('Es fehlen Ziele zur Mehrsprachigkeit der Bürgerämter.');
    expect(odtText).toContain('Liegt außerhalb des Auftrags der Expert*innengruppe');
  }, 120_000);

  it('refuses people who may not read the round, and names the format error', async () => {
    const economy = await t.signIn('wirtschaft@lip.example');
    const hidden = await download(economy, seededEvaluated, 'csv');
    // A round is readable only by those it concerns (its groups, bodies, the project team).
    expect(hidden.response.status).toBe(404);
    expect(JSON.parse(hidden.body.toString('utf8'))).toMatchObject({
      error: { code: 'NOT_FOUND' },
    });
    const anonymous = await download(t.anonymous(), seededEvaluated, 'csv');
    expect(anonymous.response.status).toBe(401);
    const client = await t.signIn('koordination@lip.example');
    expect((await download(client, seededEvaluated, 'exe')).response.status).toBe(404);
    expect((await download(client, '000000000000000000000000', 'csv')).response.status).toBe(404);
  });

  it('shows a council other bodies’ remarks and the responses only once the round is evaluated', async () => {
    const elena = await t.signIn('beirat-nord@lip.example');
    // Round 2 is open: Nord has not submitted, and other councils' statements stay hidden.
    const open = (await download(elena, seededOpen, 'csv')).body.toString('utf8');
    expect(open.trim().split('\r\n')).toHaveLength(1);
    expect(open).not.toContain('Teilhabe beginnt vor der Schule');
    // Round 1 is evaluated: every submitted statement and every approved response is published.
    const evaluated = (await download(elena, seededEvaluated, 'csv')).body.toString('utf8');
    expect(evaluated).toContain('Es fehlen Ziele zur Mehrsprachigkeit der Bürgerämter.');
    expect(evaluated).toContain('Wird als eigenes Ziel in Abschnitt 2 aufgenommen.');
  });
});
