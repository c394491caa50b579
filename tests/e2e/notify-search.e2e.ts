import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startProduct, type RunningProduct } from './support/product';
import {
  axeViolations,
  documentIdByTitle,
  launchChromium,
  newPersonContext,
  saveScreenshot,
  signIn,
} from './support/browser';

/**
 * Notifications and search end to end in Chromium: a mention that notifies live, the bell and
 * its panel, the notification and settings pages, the development outbox, and a search that
 * opens a comment thread; axe and screenshots at 1280 and 390 px on each new page.
 */
// jest applies `testTimeout` only at the top level of the config, not per project.
jest.setTimeout(180_000);

const SHARED_DRAFT = 'Bildung: Ausgangslage und Ziele';

let product: RunningProduct;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function person(email: string, next = '/'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newPersonContext(browser, product.apiUrl);
  contexts.push(context);
  const page = await signIn(context, email, next);
  return { context, page };
}

async function checkPage(page: Page, name: string): Promise<void> {
  await saveScreenshot(page, `${name}-1280`);
  expect({ page: name, violations: await axeViolations(page) }).toEqual({
    page: name,
    violations: [],
  });
  await page.setViewportSize({ width: 390, height: 844 });
  await saveScreenshot(page, `${name}-390`);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect({ page: name, width }).toEqual({ page: name, width: 390 });
  expect({ page: `${name}@390`, violations: await axeViolations(page) }).toEqual({
    page: `${name}@390`,
    violations: [],
  });
  await page.setViewportSize({ width: 1280, height: 900 });
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

describe('notifications and search in Chromium', () => {
  it('notifies a person mentioned in a comment: the bell counts it live and links to the thread', async () => {
    const daniel = await person('bildung2@lip.example');
    const bell = daniel.page.getByRole('button', { name: /^Benachrichtigungen/ });
    await expect(bell.getAttribute('aria-label')).resolves.toBe('Benachrichtigungen');

    const ayse = await person('bildung@lip.example');
    const documentId = await documentIdByTitle(ayse.context, SHARED_DRAFT);
    await ayse.page.goto(`/documents/${documentId}`);
    const box = ayse.page.getByLabel('Neuer Kommentar');
    await box.click();
    await box.pressSequentially('Bitte prüfen @');
    const picker = ayse.page.getByRole('combobox', { name: 'Person erwähnen' });
    await picker.waitFor();
    // axe while the picker is open; its list (React Aria) hides the rest of the page from
    // assistive technology while it shows, which axe cannot tell from a mistake.
    expect(await axeViolations(ayse.page)).toEqual([]);
    await picker.pressSequentially('Dan');
    await ayse.page.getByRole('option', { name: 'Daniel Okafor' }).waitFor();
    await saveScreenshot(ayse.page, 'mention-picker-1280');
    await picker.press('ArrowDown');
    await picker.press('Enter');
    await expect(box.inputValue()).resolves.toBe('Bitte prüfen @Daniel Okafor ');
    await box.pressSequentially('die Zahlen zu Sprachkitas.');
    await ayse.page.getByRole('button', { name: 'Kommentieren' }).click();
    await ayse.page.getByText('die Zahlen zu Sprachkitas.').first().waitFor();

    // Daniel's bell counts the new notification without a reload.
    await daniel.page
      .getByRole('button', { name: 'Benachrichtigungen, 1 ungelesen' })
      .waitFor({ timeout: 15_000 });
    await daniel.page.getByRole('button', { name: 'Benachrichtigungen, 1 ungelesen' }).click();
    const link = daniel.page.getByRole('link', {
      name: /hat Sie in einem Kommentar zu „Bildung: Ausgangslage und Ziele“ erwähnt/,
    });
    await link.waitFor();
    await saveScreenshot(daniel.page, 'bell-popover-1280');
    expect(await axeViolations(daniel.page)).toEqual([]);
    await link.click();
    await daniel.page.waitForURL(new RegExp(`/documents/${documentId}\\?thread=`));
    const thread = daniel.page.locator('.thread--active');
    await thread.waitFor();
    await expect(thread.textContent()).resolves.toContain('die Zahlen zu Sprachkitas.');
    await daniel.page.getByRole('button', { name: 'Benachrichtigungen', exact: true }).waitFor();
  });

  it('finds a comment by a German word form and opens its thread', async () => {
    const { page } = await person('bildung@lip.example');
    const search = page.getByRole('searchbox', { name: 'Suchen' });
    // The comment says "Sprachkitas"; the search goes through the index within seconds.
    await search.fill('sprachkita');
    await search.press('Enter');
    await page.waitForURL(/\/search\?q=sprachkita/);
    const result = page.getByRole('heading', { name: 'Kommentare' });
    await result.waitFor({ timeout: 15_000 });
    await expect(page.locator('.search-result mark').first().textContent()).resolves.toBe(
      'Sprachkitas',
    );
    await checkPage(page, 'search-results');
    await page.locator('.search-group', { has: result }).getByRole('link').first().click();
    await page.waitForURL(/\/documents\/[0-9a-f]{24}\?thread=/);
    await page.locator('.thread--active').waitFor();
  });

  it('shows the notifications page and saves e-mail settings', async () => {
    const { page } = await person('bildung2@lip.example', '/notifications');
    await page.getByRole('heading', { name: 'Benachrichtigungen', level: 1 }).waitFor();
    await page.locator('.notification').first().waitFor();
    await checkPage(page, 'notifications');

    await page.goto('/settings/notifications');
    await page.getByRole('heading', { name: 'E-Mail-Einstellungen', level: 1 }).waitFor();
    const group = page.getByRole('group', {
      name: 'Antwort in einer Diskussion, an der ich teilnehme',
    });
    await group.getByRole('radio', { name: 'Sofort' }).check();
    await page.getByRole('button', { name: 'Einstellungen speichern' }).click();
    await page.getByText('Ihre E-Mail-Einstellungen sind gespeichert.').waitFor();
    await checkPage(page, 'notification-settings');
    await page.reload();
    // The form shows the stored settings once they have loaded (before that, the defaults).
    await group.getByRole('radio', { name: 'Sofort', checked: true }).waitFor();
    await expect(group.getByRole('radio', { name: 'Sofort' }).isChecked()).resolves.toBe(true);
  });

  it('lets an admin read the development outbox with the mention mail', async () => {
    const { page } = await person('admin@lip.example', '/dev/outbox');
    await page.getByRole('heading', { name: 'Postausgang (Entwicklung)', level: 1 }).waitFor();
    await page
      .getByRole('heading', { name: /hat Sie in einem Kommentar/ })
      .first()
      .waitFor();
    await checkPage(page, 'dev-outbox');
  });
});
