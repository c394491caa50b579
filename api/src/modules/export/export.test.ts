import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Types } from 'mongoose';
import { errorCode, startTestApp, type TestApp, type TestClient } from '../../testing/test-app';
import { sweepExportJobs } from './export.service';
import {
  createOfficeConverter,
  OfficeConversionError,
  type OfficeConverter,
} from './office-converter';
import { pdfPageToPng, readPdf, unzipXml, xmlText } from './testing/open-export';

jest.setTimeout(120_000);

let t: TestApp;
let realOffice: OfficeConverter;

const REQUEST = `mutation ($input: RequestExportInput!) { requestExport(input: $input) {
  job { id status format title } } }`;
const JOB = `query ($id: ID!) { exportJob(id: $id) { id status progress stage fileName bytes error
  errorCode downloadUrl } }`;
const FORMATS = 'query { exportFormats { format available reason } }';

beforeAll(async () => {
  t = await startTestApp(__filename, { collab: true });
  realOffice = t.app.deps.office;
});

afterAll(() => t.close());

afterEach(() => {
  t.app.deps.office = realOffice;
});

async function exportAndWait(client: TestClient, target: Record<string, unknown>, format: string) {
  const requested = await client.gql(REQUEST, { input: { target, format } });
  if (requested.errors) throw new Error(JSON.stringify(requested.errors));
  await t.app.deps.exportQueue.idle();
  return (await client.gql(JOB, { id: requested.data?.requestExport.job.id })).data?.exportJob;
}

async function download(client: TestClient, url: string) {
  return fetch(`${t.url}${url}`, { headers: client.cookie ? { cookie: client.cookie } : {} });
}

describe('exports of the paper', () => {
  it('makes a tagged PDF of the live paper on the server that the coordinator downloads', async () => {
    const coordinator = await t.signIn('koordination@lip.example');
    const job = await exportAndWait(coordinator, { kind: 'PAPER' }, 'PDF');
    expect(job).toMatchObject({ status: 'DONE', progress: 100, error: null });
    expect(job.fileName).toMatch(/^Grundlagenpapier-Arbeitsstand-\d{4}-\d\d-\d\d\.pdf$/);
    const response = await download(coordinator, job.downloadUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toContain(job.fileName);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(bytes.byteLength).toBe(job.bytes);
    const { info, text, raw } = await readPdf(bytes);
    expect(info.Tagged).toBe('yes');
    expect(info.Title).toBe('Grundlagenpapier');
    expect(raw).toContain('/Lang(de-DE)');
    expect(text).toContain('Vorwort');
    expect(text).toContain('Handlungsfeld Bildung');
    expect(text).toContain('BIL-01 · Mehrsprachige Elternbegleitung an Grundschulen');
    expect(text).toMatch(/Grundlagenpapier · Arbeitsstand · \d/);
    const dir = resolve(__dirname, '..', '..', '..', '..', 'test-results', 'screenshots');
    mkdirSync(dir, { recursive: true });
    await pdfPageToPng(bytes, 1, join(dir, 'export-paper-pdf-page-1.png'));
  });

  it('makes DOCX and Markdown of one measure sheet', async () => {
    const member = await t.signIn('bildung@lip.example');
    const measure = await t.app.deps.models.Measure.findOne({ code: 'BIL-01' }).lean();
    const target = { kind: 'MEASURE', measureId: String(measure?._id) };
    const docx = await exportAndWait(member, target, 'DOCX');
    const docxFile = await download(member, docx.downloadUrl);
    const xml = unzipXml(new Uint8Array(await docxFile.arrayBuffer()));
    expect(xmlText(xml['word/document.xml'] ?? '')).toContain('Fachbereich Schule');
    const markdown = await exportAndWait(member, target, 'MARKDOWN');
    const text = await (await download(member, markdown.downloadUrl)).text();
    expect(text).toContain('| BIL-01 | Mehrsprachige Elternbegleitung an Grundschulen |');
    expect(text).toContain('| **Federführung** | Landeshauptstadt Hannover, Fachbereich Schule |');
    expect(text).toContain('• Begleitete Familien (Ausgangswert: 0; Ziel: 300 pro Jahr;');
  });

  it('makes an ODT of the catalogue of one field', async () => {
    const coordinator = await t.signIn('koordination@lip.example');
    const job = await exportAndWait(
      coordinator,
      { kind: 'CATALOGUE', actionFieldKey: 'economy' },
      'ODT',
    );
    expect(job.status).toBe('DONE');
    const xml = unzipXml(
      new Uint8Array(await (await download(coordinator, job.downloadUrl)).arrayBuffer()),
    );
    const content = xmlText(xml['content.xml'] ?? '');
    expect(content).toContain('WIR-01 Anerkennungsberatung im Quartier');
    expect(content).toContain('WIR-02 Gründungslots*innen für Migrant*innen');
    expect(content).not.toContain('BIL-01');
  });
});

describe('who may export and download', () => {
  it('refuses a council member the paper, naming why, and records no job', async () => {
    const council = await t.signIn('beirat-nord@lip.example');
    const before = await t.app.deps.models.ExportJob.countDocuments({});
    const refused = await council.gql(REQUEST, {
      input: { target: { kind: 'PAPER' }, format: 'PDF' },
    });
    expect(errorCode(refused)).toBe('FORBIDDEN');
    expect(refused.errors?.[0]?.message).toContain('Sie dürfen nicht alle Teile lesen.');
    expect(await t.app.deps.models.ExportJob.countDocuments({})).toBe(before);
  });

  it('serves a file only to the person who asked, and not after they lost access to a part', async () => {
    const steering = await t.signIn('lenkung@lip.example');
    const measure = await t.app.deps.models.Measure.findOne({ code: 'STA-02' }).lean();
    const job = await exportAndWait(
      steering,
      { kind: 'MEASURE', measureId: String(measure?._id) },
      'DOCX',
    );
    expect(job.status).toBe('DONE');
    const other = await t.signIn('koordination@lip.example');
    expect((await download(other, job.downloadUrl)).status).toBe(404);
    expect((await download(t.anonymous(), job.downloadUrl)).status).toBe(401);
    // The group withdraws the proposal: the steering group no longer sees the draft.
    await t.app.deps.models.Measure.updateOne({ _id: measure?._id }, { $set: { status: 'draft' } });
    try {
      expect((await download(steering, job.downloadUrl)).status).toBe(403);
    } finally {
      await t.app.deps.models.Measure.updateOne(
        { _id: measure?._id },
        { $set: { status: 'proposed' } },
      );
    }
  });
});

describe('when the converter is missing or fails', () => {
  it('says clearly that ODT and PDF are unavailable while DOCX and Markdown still work', async () => {
    t.app.deps.office = createOfficeConverter({
      command: '/nonexistent/soffice',
      slots: 1,
      timeoutMs: 5_000,
    });
    const coordinator = await t.signIn('koordination@lip.example');
    const formats = (await coordinator.gql(FORMATS)).data?.exportFormats;
    expect(
      formats.map((f: { format: string; available: boolean }) => `${f.format}:${f.available}`),
    ).toEqual(['DOCX:true', 'ODT:false', 'PDF:false', 'MARKDOWN:true']);
    const refused = await coordinator.gql(REQUEST, {
      input: { target: { kind: 'PAPER' }, format: 'ODT' },
    });
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]?.message).toContain(
      'LibreOffice ist auf dem Server nicht installiert',
    );
    expect((await exportAndWait(coordinator, { kind: 'PAPER' }, 'DOCX')).status).toBe('DONE');
  });

  it('leaves no file when a conversion fails, and tells the person why', async () => {
    t.app.deps.office = {
      status: async () => ({ available: true, version: 'test' }),
      convert: async () => {
        throw new OfficeConversionError('failed', 'boom');
      },
      close: async () => undefined,
    };
    const coordinator = await t.signIn('koordination@lip.example');
    const job = await exportAndWait(coordinator, { kind: 'PAPER' }, 'PDF');
    expect(job).toMatchObject({
      status: 'FAILED',
      errorCode: 'conversion-failed',
      error: 'Die Umwandlung ist fehlgeschlagen. Bitte versuchen Sie es noch einmal.',
      downloadUrl: null,
    });
    expect(
      await t.app.deps.models.ExportChunk.countDocuments({ jobId: new Types.ObjectId(job.id) }),
    ).toBe(0);
    expect((await download(coordinator, `/exports/${job.id}/download`)).status).toBe(404);
  });
});

describe('keeping jobs tidy', () => {
  it('fails jobs whose process stopped and removes expired jobs with their files', async () => {
    const coordinator = await t.signIn('koordination@lip.example');
    const done = await exportAndWait(coordinator, { kind: 'PAPER' }, 'MARKDOWN');
    const person = new Types.ObjectId(await t.personId('koordination@lip.example'));
    const long = new Date(Date.now() - 60 * 60_000);
    const stale = await t.app.deps.models.ExportJob.create({
      processId: new Types.ObjectId(),
      requestedById: person,
      target: { kind: 'paper' },
      format: 'pdf',
      status: 'running',
      heartbeatAt: long,
      expiresAt: new Date(Date.now() + 60_000),
    });
    await t.app.deps.models.ExportChunk.create({
      _id: `${String(stale._id)}:0`,
      jobId: stale._id,
      n: 0,
      data: Buffer.from('half'),
    });
    await t.app.deps.models.ExportJob.updateOne(
      { _id: new Types.ObjectId(done.id) },
      { $set: { expiresAt: long } },
    );
    await sweepExportJobs(t.app.deps.models);
    const swept = await t.app.deps.models.ExportJob.findOne({ _id: stale._id }).lean();
    expect(swept?.status).toBe('failed');
    expect(swept?.error?.code).toBe('interrupted');
    expect(await t.app.deps.models.ExportChunk.countDocuments({ jobId: stale._id })).toBe(0);
    expect(
      await t.app.deps.models.ExportJob.countDocuments({ _id: new Types.ObjectId(done.id) }),
    ).toBe(0);
    expect(
      await t.app.deps.models.ExportChunk.countDocuments({ jobId: new Types.ObjectId(done.id) }),
    ).toBe(0);
  });

  it('limits how many exports one person runs at once', async () => {
    const member = await t.signIn('bildung@lip.example');
    const person = new Types.ObjectId(await t.personId('bildung@lip.example'));
    await t.app.deps.models.ExportJob.insertMany(
      [0, 1, 2].map(() => ({
        processId: new Types.ObjectId(),
        requestedById: person,
        target: { kind: 'paper' },
        format: 'pdf',
        status: 'queued',
        heartbeatAt: new Date(),
        expiresAt: new Date(Date.now() + 60_000),
      })),
    );
    const measure = await t.app.deps.models.Measure.findOne({ code: 'BIL-01' }).lean();
    const refused = await member.gql(REQUEST, {
      input: { target: { kind: 'MEASURE', measureId: String(measure?._id) }, format: 'DOCX' },
    });
    expect(errorCode(refused)).toBe('RATE_LIMITED');
    expect(refused.errors?.[0]?.message).toContain('Es laufen schon 3 Exporte von Ihnen.');
    await t.app.deps.models.ExportJob.deleteMany({ requestedById: person, status: 'queued' });
  });
});
