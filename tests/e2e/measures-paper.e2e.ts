import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  pdfPageToPng,
  readPdf,
  unzipXml,
  xmlText,
} from '../../api/src/modules/export/testing/open-export';
import { startProduct, type RunningProduct } from './support/product';
import {
  axeViolations,
  documentIdByTitle,
  graphqlAs,
  launchChromium,
  newPersonContext,
  saveScreenshot,
  signIn,
} from './support/browser';

/**
 * The measures catalogue, the paper, editions, comparison and exports end to end: the real
 * API (serving web/dist), collab server and embedded database, in Debian's Chromium.
 */
jest.setTimeout(240_000);

let product: RunningProduct;
let browser: Browser;
const contexts: BrowserContext[] = [];
const results = resolve(__dirname, '..', '..', 'test-results');

async function person(email: string, next = '/'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newPersonContext(browser, product.apiUrl);
  contexts.push(context);
  const page = await signIn(context, email, next);
  return { context, page };
}

/** axe finds nothing, and the page neither at 1280 nor at 390 px scrolls sideways. */
async function checkPage(page: Page, name: string): Promise<void> {
  await saveScreenshot(page, `${name}-1280`);
  expect({ page: name, violations: await axeViolations(page) }).toEqual({
    page: name,
    violations: [],
  });
  const wide = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await saveScreenshot(page, `${name}-390`);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  const wideElements =
    overflow > 0
      ? await page.evaluate(() =>
          [...document.querySelectorAll('body *')]
            .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
            .slice(0, 8)
            .map(
              (el) =>
                `${el.tagName}.${el.className} ${Math.round(el.getBoundingClientRect().right)}`,
            ),
        )
      : [];
  expect({ page: name, overflow, wideElements }).toEqual({
    page: name,
    overflow: 0,
    wideElements: [],
  });
  if (wide) await page.setViewportSize(wide);
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((done) => setTimeout(done, 200));
  }
}

async function download(page: Page, format: RegExp, extension: string): Promise<Buffer> {
  const exports = page.getByRole('region', { name: 'Exportieren' });
  await exports.getByRole('button', { name: format }).click();
  const link = exports.getByRole('link', { name: new RegExp(`\\.${extension} herunterladen`) });
  await link.first().waitFor({ timeout: 90_000 });
  const [file] = await Promise.all([page.waitForEvent('download'), link.first().click()]);
  const path = await file.path();
  return readFileSync(path);
}

beforeAll(async () => {
  product = await startProduct();
  browser = await launchChromium();
});

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

afterAll(async () => {
  await browser?.close();
  await product?.stop();
});

describe('measures, the paper, editions, comparison and exports in Chromium', () => {
  it('lets a group member create and fill a measure sheet, with clear errors for bad input', async () => {
    const ayse = await person('bildung@lip.example', '/measures?field=education');
    await ayse.page.getByRole('heading', { level: 1, name: 'Maßnahmen: Bildung' }).waitFor();
    await ayse.page.getByRole('link', { name: /BIL-01/ }).waitFor();
    await checkPage(ayse.page, 'measures-catalogue');

    await ayse.page.getByRole('button', { name: 'Neue Maßnahme' }).click();
    const dialog = ayse.page.getByRole('dialog', { name: 'Neue Maßnahme anlegen' });
    await dialog.getByLabel('Titel').fill('Lernpatenschaften in Stadtteilbibliotheken');
    await dialog.getByRole('button', { name: 'Neue Maßnahme' }).click();
    await ayse.page
      .getByRole('heading', {
        level: 1,
        name: /^BIL-\d\d Lernpatenschaften in Stadtteilbibliotheken$/,
      })
      .waitFor();

    const form = ayse.page.getByRole('form', { name: 'Maßnahmenblatt' });
    await form
      .getByLabel('Ziel', { exact: true })
      .fill('Kinder lernen mit Pat*innen aus der Nachbarschaft.');
    await form.getByLabel('Linden-Limmer').check();
    await form.getByRole('button', { name: 'Indikator hinzufügen' }).click();
    await form.getByLabel('Zielwert').fill('200 Patenschaften');
    await form.getByLabel('Betrag in Euro').fill('zwölftausend');
    await form.getByRole('button', { name: 'Maßnahmenblatt speichern' }).click();
    await form.getByText('Indikator 1: Bitte einen Namen angeben.').first().waitFor();
    await form.getByText('Budget – Betrag: muss eine Zahl sein').first().waitFor();

    await form.getByLabel('Name', { exact: true }).fill('Patenschaften');
    await form.getByLabel('Betrag in Euro').fill('12.500');
    await form.getByRole('button', { name: 'Maßnahmenblatt speichern' }).click();
    await ayse.page.getByRole('status').filter({ hasText: 'Gespeichert.' }).waitFor();
    await ayse.page.getByRole('heading', { name: 'Verlauf' }).waitFor();
    await ayse.page.getByText(/Budget: „\(leer\)“ → „12\.500/).waitFor();

    // The description is the shared editor of the chapters.
    const editor = ayse.page.locator('.editor__content .prose');
    await editor.waitFor();
    await editor.click();
    await ayse.page.keyboard.type('Ehrenamtliche begleiten einmal pro Woche.');
    await ayse.page.getByRole('status').filter({ hasText: 'alles gespeichert' }).waitFor();
    await checkPage(ayse.page, 'measure-sheet');
  });

  it('lets a coordinator order the paper, take editions, compare two versions and download the PDF and the ODT', async () => {
    const jonas = await person('koordination@lip.example', '/paper');
    const outline = jonas.page.getByRole('region', { name: 'Gliederung' });
    await outline.getByText('Einleitung', { exact: true }).waitFor();
    await checkPage(jonas.page, 'paper-outline');

    // Keyboard: the introduction moves before the preface.
    const introduction = outline.getByRole('listitem').filter({ hasText: 'Einleitung' });
    await introduction.focus();
    await jonas.page.keyboard.press('Alt+ArrowUp');
    await jonas.page.getByText('„Einleitung“ steht jetzt an Position 1').waitFor();
    // Mouse: the preface is dragged back onto the first row.
    const preface = outline.getByRole('listitem').filter({ hasText: 'Vorwort' });
    await preface.dragTo(introduction);
    await jonas.page.getByText('„Vorwort“ steht jetzt an Position 1').waitFor();
    // And the annex moves up one place with its button.
    await outline.getByRole('button', { name: '„Anhang“ nach oben' }).click();
    await outline.getByRole('button', { name: 'Gliederung speichern' }).click();
    await jonas.page.getByText('Gliederung gespeichert.').waitFor();
    const labels = await outline.locator('.outline__label').allTextContents();
    expect(labels.slice(0, 3)).toEqual(['Vorwort', 'Einleitung', 'Handlungsfeld Bildung']);
    expect(labels.at(-2)).toBe('Anhang');

    // First edition, then a change to the preface, then the second edition.
    const editions = jonas.page.getByRole('region', { name: 'Fassungen' });
    await editions.getByLabel('Name der Fassung').fill('Entwurf für die Lenkungsgruppe');
    await editions.getByRole('button', { name: 'Fassung erstellen' }).click();
    await jonas.page.getByText('Fassung „Entwurf für die Lenkungsgruppe“ erstellt.').waitFor();

    const prefaceId = await documentIdByTitle(jonas.context, 'Vorwort');
    await jonas.page.goto(`/documents/${prefaceId}`);
    const editor = jonas.page.locator('.editor__content .prose');
    await editor.waitFor();
    await jonas.page.getByRole('status').filter({ hasText: 'gespeichert' }).waitFor();
    await editor.click();
    await jonas.page.keyboard.press('Control+End');
    await jonas.page.keyboard.press('Enter');
    await jonas.page.keyboard.type('Der Rat der Stadt hat das Papier im Frühjahr beraten.');
    await jonas.page.getByRole('status').filter({ hasText: 'alles gespeichert' }).waitFor();
    // The collab server's text projection is written shortly after the last keystroke.
    await waitUntil(async () => {
      const { document } = await graphqlAs<{ document: { contentText: string | null } }>(
        jonas.context,
        'query E2ePreface($id: ID!) { document(id: $id) { contentText } }',
        { id: prefaceId },
      );
      return (document.contentText ?? '').includes('im Frühjahr beraten');
    }, 30_000);

    await jonas.page.goto('/paper');
    await editions.getByLabel('Name der Fassung').fill('Beschlussfassung');
    await editions.getByRole('button', { name: 'Fassung erstellen' }).click();
    await jonas.page.getByText('Fassung „Beschlussfassung“ erstellt.').waitFor();

    // Compare the preface between the two editions.
    const versions = await graphqlAs<{ documentVersions: { id: string; label: string }[] }>(
      jonas.context,
      'query E2eVersions($id: ID!) { documentVersions(documentId: $id) { id label } }',
      { id: prefaceId },
    );
    const first = versions.documentVersions.find((v) => v.label.includes('Entwurf'));
    const second = versions.documentVersions.find((v) => v.label.includes('Beschluss'));
    await jonas.page.goto(`/compare?document=${prefaceId}&from=${first?.id}&to=${second?.id}`);
    await jonas.page.getByText(/Änderungen: \d+ · eingefügte Wörter: \d+/).waitFor();
    await jonas.page.locator('ins', { hasText: 'im Frühjahr beraten' }).waitFor();
    await jonas.page.keyboard.press('n');
    await jonas.page
      .getByRole('status')
      .filter({ hasText: /Änderung 1 von \d+/ })
      .waitFor();
    await checkPage(jonas.page, 'compare-document');

    // The measure sheet against the first edition.
    const measures = await graphqlAs<{ measures: { items: { id: string; code: string }[] } }>(
      jonas.context,
      'query E2eMeasures { measures { items { id code } } }',
    );
    const bil01 = measures.measures.items.find((m) => m.code === 'BIL-01');
    const paper = await graphqlAs<{ paper: { editions: { id: string; name: string }[] } }>(
      jonas.context,
      'query E2eEditions { paper { editions { id name } } }',
    );
    const draft = paper.paper.editions.find((e) => e.name === 'Entwurf für die Lenkungsgruppe');
    await jonas.page.goto(`/compare?measure=${bil01?.id}`);
    await jonas.page.getByLabel('Fassung').selectOption(draft?.id ?? '');
    await jonas.page.getByRole('rowheader', { name: 'Ziel', exact: true }).waitFor();
    await checkPage(jonas.page, 'compare-measure');

    // Read the adopted edition and download it as PDF and ODT.
    await jonas.page.goto('/paper');
    await editions.getByRole('link', { name: 'Fassung „Beschlussfassung“ lesen' }).click();
    await jonas.page.getByRole('heading', { level: 1, name: 'Grundlagenpapier' }).waitFor();
    await jonas.page.getByText('Fassung „Beschlussfassung“').first().waitFor();
    await jonas.page
      .getByRole('navigation', { name: 'Inhalt' })
      .getByRole('link', { name: /Handlungsfeld Bildung/ })
      .waitFor();
    await checkPage(jonas.page, 'paper-reading');

    const pdf = await download(jonas.page, /PDF/, 'pdf');
    const { info, text } = await readPdf(pdf);
    expect(info.Tagged).toBe('yes');
    expect(info.Title).toBe('Grundlagenpapier');
    expect(text).toContain('Fassung „Beschlussfassung“');
    expect(text).toContain('im Frühjahr beraten');
    expect(text).toContain('BIL-01 · Mehrsprachige Elternbegleitung an Grundschulen');
    mkdirSync(join(results, 'screenshots'), { recursive: true });
    await pdfPageToPng(pdf, 1, join(results, 'screenshots', 'paper-edition-pdf-page-1.png'));

    const odt = unzipXml(await download(jonas.page, /ODT/, 'odt'));
    expect(odt.mimetype).toBe('application/vnd.oasis.opendocument.text');
    const odtText = xmlText(odt['content.xml'] ?? '');
    expect(odtText).toContain('Fassung „Beschlussfassung“');
    expect(odtText).toContain('VER-02 Mehrsprachige Informationen im Bürgeramt');
  });
});
