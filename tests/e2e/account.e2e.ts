import type { Browser, BrowserContext, Page } from 'playwright-core';
import { currentTotpCode } from '../../api/src/modules/second-factor/totp';
import { startProduct, type RunningProduct } from './support/product';
import {
  axeViolations,
  DEMO_PASSWORD,
  launchChromium,
  newPersonContext,
  saveScreenshot,
  signIn,
} from './support/browser';

/**
 * "Meine Daten" and "Anmeldung und Sicherheit" in Chromium: the second factor set up with the QR
 * code's secret and then asked for at sign-in, the devices list, deleting one's own account, and
 * coordinators seeing how each person signs in. Axe and screenshots at 1280 and 390 px.
 */
jest.setTimeout(180_000);

let product: RunningProduct;
let browser: Browser;
const contexts: BrowserContext[] = [];

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

async function person(email: string, next = '/'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newPersonContext(browser, product.apiUrl);
  contexts.push(context);
  return { context, page: await signIn(context, email, next) };
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

describe('personal data and sign-in security in Chromium', () => {
  it('sets up a second factor with the QR code and asks for it at the next sign-in', async () => {
    const { page } = await person('admin@lip.example', '/settings/security');
    await page.getByRole('heading', { level: 1, name: 'Anmeldung und Sicherheit' }).waitFor();
    await checkPage(page, 'security');
    await page.getByRole('button', { name: 'Zweiten Faktor einrichten' }).click();
    await page.getByRole('img', { name: 'QR-Code für die Authenticator-App' }).waitFor();
    const secret = (await page.locator('code.secret').textContent())!.trim();
    await checkPage(page, 'security-setup');
    // A wrong code is refused in plain words and changes nothing.
    await page.getByLabel('Code').fill('000000');
    await page.getByRole('button', { name: 'Einrichtung bestätigen' }).click();
    await page.getByRole('alert').filter({ hasText: 'Dieser Code stimmt nicht' }).waitFor();
    await page.getByLabel('Code').fill(currentTotpCode(secret));
    await page.getByRole('button', { name: 'Einrichtung bestätigen' }).click();
    await page.getByRole('heading', { name: 'Ihre Wiederherstellungscodes' }).waitFor();
    expect(await page.locator('.recovery-codes li').count()).toBe(10);
    const recoveryCode = (await page.locator('.recovery-codes code').first().textContent())!;
    await checkPage(page, 'security-recovery-codes');

    // The next sign-in asks for the second factor after the password.
    const next = await browser.newContext({
      baseURL: product.apiUrl,
      locale: 'de-DE',
      viewport: { width: 1280, height: 900 },
    });
    contexts.push(next);
    const again = await next.newPage();
    await again.goto('/sign-in');
    await again.getByLabel('E-Mail-Adresse').fill('admin@lip.example');
    await again.getByLabel('Passwort').fill(DEMO_PASSWORD);
    await again.getByRole('button', { name: 'Anmelden' }).click();
    await again.getByRole('heading', { level: 1, name: 'Zweiter Faktor' }).waitFor();
    await checkPage(again, 'sign-in-second-factor');
    // The code just used for the set-up counts once per time step: a recovery code signs in.
    await again.getByLabel('Code').fill(recoveryCode);
    await again.getByRole('button', { name: 'Bestätigen' }).click();
    await again.waitForURL((url) => url.pathname === '/', { timeout: 20_000 });
  });

  it('shows a person their data and devices, signs out another device, and deletes the account after explaining what stays', async () => {
    const other = await person('bildung2@lip.example');
    const { page } = await person('bildung2@lip.example', '/my-data');
    await page.getByRole('heading', { level: 1, name: 'Meine Daten' }).waitFor();
    await page.getByRole('heading', { name: 'Angemeldete Geräte' }).waitFor();
    await checkPage(page, 'my-data');
    const endButtons = page.getByRole('button', { name: /abmelden$/ });
    expect(await endButtons.count()).toBeGreaterThanOrEqual(1);
    await endButtons.first().click();
    await page.waitForFunction(
      () => document.querySelectorAll('.device-list li').length === 1,
      undefined,
      { timeout: 10_000 },
    );
    await other.page.reload();
    await other.page.waitForURL((url) => url.pathname === '/sign-in', { timeout: 20_000 });

    await page.getByText('ehemaliges Mitglied', { exact: false }).waitFor();
    await page.getByLabel(/Zur Bestätigung/).fill('falsch@lip.example');
    await page.getByRole('button', { name: 'Konto endgültig löschen' }).click();
    await page.getByRole('alert').waitFor();
    await page.getByLabel(/Zur Bestätigung/).fill('bildung2@lip.example');
    await page.getByRole('button', { name: 'Konto endgültig löschen' }).click();
    await page.waitForURL((url) => url.pathname === '/sign-in', { timeout: 20_000 });
  });

  it('shows coordinators how each person signs in', async () => {
    const { page } = await person('koordination@lip.example', '/people');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByText('Anmeldung: Passwort', { exact: false }).first().waitFor();
    await checkPage(page, 'people-sign-in-methods');
  });
});
