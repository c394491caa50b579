import { strFromU8, unzipSync } from 'fflate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
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
 * One complete review round in Chromium against the real product (API, collab server, embedded
 * database): a coordinator opens it for two councils, a council member writes and submits a
 * statement with a remark on a passage of the frozen version, the group answers and a speaker
 * approves, the coordinator evaluates, the steering group returns the document with a reason,
 * and the group finds the task. Every new page is checked with axe at 1280 and 390 px.
 */
jest.setTimeout(600_000);

const DOCUMENT = 'Bildung: Maßnahmen (Entwurf)';
const PASSAGE = 'Erste Sammlung von Maßnahmen der Expert*innengruppe.';
const REMARK = 'Bitte Sprachkitas in der Nordstadt als eigene Maßnahme aufnehmen.';
const RESPONSE = 'Wird als Maßnahme 4 aufgenommen.';
const RETURN_REASON = 'Maßnahme zu Sprachkitas ausformulieren';

let product: RunningProduct;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function person(email: string, next = '/'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newPersonContext(browser, product.apiUrl);
  contexts.push(context);
  const page = await signIn(context, email, next);
  return { context, page };
}

/** Screenshots at 1280 and 390 px, axe, and no sideways scrolling on the phone. */
async function checkPage(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 900 });
  await saveScreenshot(page, `${name}-1280`);
  expect({ page: name, violations: await axeViolations(page) }).toEqual({
    page: name,
    violations: [],
  });
  await page.setViewportSize({ width: 390, height: 844 });
  await saveScreenshot(page, `${name}-390`);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect({ page: name, overflow }).toEqual({ page: name, overflow: 0 });
  await page.setViewportSize({ width: 1280, height: 900 });
}

function isoDay(daysFromNow: number): string {
  return new Date(Date.now() + daysFromNow * 86_400_000).toISOString().slice(0, 10);
}

beforeAll(async () => {
  product = await startProduct();
  browser = await launchChromium();
});

afterAll(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
  await browser?.close();
  await product?.stop();
});

describe('a review round in Chromium', () => {
  it('runs from opening to the steering group’s return, with the export opened again', async () => {
    // 1. The coordinator creates the round for two councils and opens it.
    const jonas = await person('koordination@lip.example', '/review');
    await jonas.page.getByRole('heading', { name: 'Beratung', level: 1 }).waitFor();
    await checkPage(jonas.page, 'review-rounds');
    await jonas.page.getByRole('button', { name: 'Neue Beratungsrunde' }).click();
    const dialog = jonas.page.getByRole('dialog', { name: 'Neue Beratungsrunde' });
    await dialog.getByLabel('Titel der Runde').fill('Bildung: Maßnahmen');
    await dialog.getByLabel(DOCUMENT).check();
    await dialog.getByLabel('Integrationsbeirat Nord', { exact: true }).check();
    await dialog.getByLabel('Integrationsbeirat Mitte', { exact: true }).check();
    await dialog.getByLabel('Frist für die Stellungnahmen').fill(isoDay(10));
    await checkPage(jonas.page, 'review-create-round');
    await dialog.getByRole('button', { name: 'Als Entwurf anlegen' }).click();
    await jonas.page
      .getByRole('heading', { name: /Beratungsrunde 3: Bildung: Maßnahmen/, level: 1 })
      .waitFor();
    const roundUrl = new URL(jonas.page.url()).pathname;
    const roundId = roundUrl.split('/').pop()!;
    await jonas.page.getByRole('button', { name: 'Runde öffnen' }).click();
    await jonas.page.getByText('Offen', { exact: true }).first().waitFor();
    await checkPage(jonas.page, 'review-round-open');

    // A second round with the same document cannot open while this one holds it; the refusal
    // names the round.
    const { bodies } = await graphqlAs<{ bodies: { id: string; name: string }[] }>(
      jonas.context,
      'query E2eRoundBodies { bodies { id name } }',
    );
    const second = await graphqlAs<{ createReviewRound: { round: { id: string } } }>(
      jonas.context,
      'mutation E2eSecondRound($input: CreateReviewRoundInput!) { createReviewRound(input: $input) { round { id } } }',
      {
        input: {
          title: 'Bildung: Maßnahmen, zweiter Anlauf',
          documentIds: [await documentIdByTitle(jonas.context, DOCUMENT)],
          bodyIds: [bodies.find((b) => b.name === 'Integrationsbeirat Nord')!.id],
          deadline: new Date(Date.now() + 20 * 86_400_000).toISOString(),
        },
      },
    );
    const secondId = second.createReviewRound.round.id;
    await jonas.page.goto(`/review/rounds/${secondId}`);
    await jonas.page.getByRole('button', { name: 'Runde öffnen' }).click();
    await jonas.page
      .getByRole('alert')
      .filter({
        hasText: `„${DOCUMENT}“ wird schon in Beratungsrunde 3 („Bildung: Maßnahmen“, offen) beraten.`,
      })
      .waitFor();
    await checkPage(jonas.page, 'review-round-in-other-round');
    await graphqlAs(
      jonas.context,
      'mutation E2eCancelSecond($input: CancelReviewRoundInput!) { cancelReviewRound(input: $input) { round { id } } }',
      { input: { roundId: secondId } },
    );
    await jonas.page.goto(roundUrl);

    // 2. The council member finds the due statement on her start page (one item for the round),
    // follows it, writes the statement and submits.
    const elena = await person('beirat-nord@lip.example');
    const due = elena.page
      .getByRole('region', { name: 'Stellungnahmen Ihres Gremiums' })
      .getByRole('listitem')
      .filter({ has: elena.page.getByRole('link', { name: 'Bildung: Maßnahmen', exact: true }) });
    await due.waitFor();
    await expect(due.textContent()).resolves.toMatch(
      /Stellungnahme fällig bis \d\d\.\d\d\.\d{4}.*Für Integrationsbeirat Nord/,
    );
    await checkPage(elena.page, 'dashboard-council-due');
    const process = await graphqlAs<{ bodies: { id: string; name: string }[] }>(
      elena.context,
      'query E2eBodies { bodies { id name } }',
    );
    const nord = process.bodies.find((b) => b.name === 'Integrationsbeirat Nord')!.id;
    await due.getByRole('link', { name: 'Bildung: Maßnahmen', exact: true }).click();
    await elena.page.waitForURL(`**/review/rounds/${roundId}/statements/${nord}`);
    await elena.page.getByRole('button', { name: 'Stellungnahme beginnen' }).click();
    const text = elena.page.getByRole('textbox', { name: 'Text der Stellungnahme' });
    await text.waitFor();
    await elena.page.locator('[data-status="saved"]').first().waitFor({ timeout: 30_000 });
    await text.click();
    await elena.page.keyboard.press('Control+End');
    await elena.page.keyboard.press('Enter');
    await elena.page.keyboard.type('Der Beirat hat die Maßnahmen in seiner Sitzung beraten.');
    await elena.page.getByLabel('Zustimmung mit Anmerkungen').check();
    await elena.page.getByLabel('Datum der Sitzung').fill(isoDay(-1));
    await elena.page
      .getByLabel('Beschluss (Aktenzeichen oder Tagesordnungspunkt)')
      .fill('IB Nord 7/2020');
    await elena.page.getByRole('button', { name: 'Angaben speichern' }).click();
    await elena.page.getByRole('status').filter({ hasText: 'Angaben gespeichert.' }).waitFor();
    const frozen = elena.page.locator('.editor--frozen .prose');
    await frozen.getByText(PASSAGE).click({ clickCount: 3 });
    await elena.page.getByText('Anmerkung zur markierten Stelle:').waitFor();
    await elena.page.getByLabel('Anmerkung', { exact: true }).fill(REMARK);
    await elena.page
      .getByLabel('Formulierungsvorschlag (optional)')
      .fill('Sprachkitas in allen Stadtbezirken ausbauen.');
    await elena.page.getByRole('button', { name: 'Anmerkung hinzufügen' }).click();
    await elena.page
      .getByRole('article', { name: 'Integrationsbeirat Nord 1' })
      .getByText(REMARK)
      .waitFor();
    await elena.page.locator('.editor--frozen .comment-mark').first().waitFor();
    await checkPage(elena.page, 'review-statement-draft');
    await elena.page.getByRole('button', { name: 'Stellungnahme abgeben' }).click();
    const confirm = elena.page.getByRole('dialog', { name: 'Stellungnahme abgeben?' });
    await confirm.getByRole('button', { name: 'Ja, verbindlich abgeben' }).click();
    await elena.page.getByText('Abgegeben am', { exact: false }).waitFor();
    // The text turns read-only: her editor is revoked and reconnects with a read ticket.
    await elena.page
      .locator('.prose[contenteditable="false"][aria-label="Text der Stellungnahme"]')
      .waitFor({ timeout: 30_000 });
    await checkPage(elena.page, 'review-statement-submitted');

    // 3. A group member answers; a speaker approves (the education group works with four eyes).
    const daniel = await person('bildung2@lip.example', `/review/rounds/${roundId}/responses`);
    const row = daniel.page.getByRole('article', { name: /Anmerkung Integrationsbeirat Nord 1/ });
    await row.waitFor();
    await row.getByRole('button', { name: 'Antwort schreiben' }).click();
    await row.getByLabel('Votum').selectOption({ label: 'Berücksichtigt' });
    await row.getByLabel('Begründung').fill(RESPONSE);
    await row.getByRole('button', { name: 'Antwort speichern' }).click();
    await daniel.page
      .getByRole('status')
      .filter({ hasText: 'Antwort auf Integrationsbeirat Nord 1 gespeichert.' })
      .waitFor();
    await row.getByText('Entwurf: Daniel Okafor').waitFor();
    await checkPage(daniel.page, 'review-response-table');
    const ayse = await person('bildung@lip.example', `/review/rounds/${roundId}/responses`);
    const ayseRow = ayse.page.getByRole('article', { name: /Anmerkung Integrationsbeirat Nord 1/ });
    await ayseRow.getByRole('button', { name: 'Freigeben' }).click();
    await ayseRow.getByText('Freigegeben: Ayşe Demir').waitFor();

    // 4. The coordinator closes and evaluates the round.
    await jonas.page.goto(roundUrl);
    await jonas.page.getByRole('button', { name: 'Runde schließen' }).click();
    await jonas.page
      .getByRole('button', { name: 'Auswerten und Antworten veröffentlichen' })
      .click();
    await jonas.page.getByText('Ausgewertet', { exact: true }).first().waitFor();

    // 5. The steering group returns the document with a reason, after a confirmation step.
    const thomas = await person('lenkung@lip.example', '/review/inbox');
    await thomas.page
      .getByRole('heading', { name: 'Entscheidungen der Lenkungsgruppe', level: 1 })
      .waitFor();
    await checkPage(thomas.page, 'review-steering-inbox');
    await thomas.page
      .getByRole('button', { name: `Entscheidung zu „${DOCUMENT}“ erfassen` })
      .click();
    const decision = thomas.page.getByRole('dialog', { name: `Entscheidung zu „${DOCUMENT}“` });
    await decision.getByLabel('Zur Überarbeitung zurückgegeben').check();
    await decision.getByLabel('Begründung').fill(RETURN_REASON);
    await decision.getByRole('button', { name: 'Weiter zur Bestätigung' }).click();
    await decision.getByRole('heading', { name: 'Bitte bestätigen' }).waitFor();
    await checkPage(thomas.page, 'review-decision-confirm');
    await decision.getByRole('button', { name: 'Entscheidung verbindlich erfassen' }).click();
    await thomas.page.getByRole('status').filter({ hasText: 'Entscheidung erfasst' }).waitFor();

    // 6. The group sees the task made from the reason.
    await ayse.page.goto('/');
    await ayse.page.getByText(`Überarbeiten (Lenkungsgruppe): ${RETURN_REASON}`).first().waitFor();
    await ayse.page
      .getByRole('link', { name: 'Aus der Entscheidung der Lenkungsgruppe' })
      .first()
      .waitFor();

    // 7. The response table exported to DOCX and ODT, opened again.
    for (const [format, part] of [
      ['docx', 'word/document.xml'],
      ['odt', 'content.xml'],
    ] as const) {
      const response = await jonas.context.request.get(
        `/exports/review-rounds/${roundId}/response-table.${format}`,
      );
      expect(response.status()).toBe(200);
      const files = unzipSync(new Uint8Array(await response.body()));
      const xml = strFromU8(files[part]!).replace(/<[^>]+>/g, '');
      expect(xml).toContain(REMARK);
      expect(xml).toContain(RESPONSE);
      expect(xml).toContain('Berücksichtigt');
    }
  });
});
