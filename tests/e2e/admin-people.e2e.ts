import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { currentTotpCode } from '../../api/src/modules/second-factor/totp';
import { startProduct, type RunningProduct } from './support/product';
import {
  axeViolations,
  graphqlAs,
  launchChromium,
  newPersonContext,
  saveScreenshot,
  signIn,
} from './support/browser';

/**
 * Admins acting on someone else's account in Chromium: the person's data page reached from the
 * people page (download, ending a device's session, resetting the second factor, deleting the
 * account after a refused confirmation), the audit trail listing each of these actions, and a
 * coordinator who sees no link and gets "no access" on both addresses. Axe and screenshots at
 * 1280 and 390 px on both pages.
 */
jest.setTimeout(240_000);

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

/** Whether the context's session still signs it in. */
async function signedIn(context: BrowserContext): Promise<boolean> {
  const data = await graphqlAs<{ viewer: { id: string } | null }>(
    context,
    'query E2eViewer { viewer { id } }',
  );
  return data.viewer !== null;
}

const TARGET = 'person3@lip.example';

describe('admins acting on someone else’s account in Chromium', () => {
  it('opens a person’s data, ends a session, resets the second factor, reads the audit trail and deletes the account', async () => {
    // The person is signed in on two devices and has a second factor.
    const laptop = await person(TARGET);
    const phone = await person(TARGET);
    const { personalData } = await graphqlAs<{
      personalData: { person: { id: string; name: string } };
    }>(laptop.context, 'query E2eMe { personalData { person { id name } } }');
    const { id: targetId, name } = personalData.person;
    const setup = await graphqlAs<{ startSecondFactorSetup: { secret: string } }>(
      laptop.context,
      'mutation E2eSetup { startSecondFactorSetup { secret } }',
    );
    await graphqlAs(
      laptop.context,
      'mutation E2eConfirm($code: String!) { confirmSecondFactorSetup(input: { code: $code }) { recoveryCodes } }',
      { code: currentTotpCode(setup.startSecondFactorSetup.secret) },
    );

    // From the people page to the person's data.
    const admin = await person('admin@lip.example', '/people');
    const page = admin.page;
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByLabel('Suche nach Name oder E-Mail').fill(TARGET);
    await page.getByRole('link', { name: `Daten von ${name}` }).waitFor();
    await page.getByRole('link', { name: 'Verwaltungsprotokoll' }).waitFor();
    await checkPage(page, 'people-admin');
    await page.getByRole('link', { name: `Daten von ${name}` }).click();
    await page.getByRole('heading', { level: 1, name: `Daten von ${name}` }).waitFor();
    await page.getByText(`Anmeldung: Passwort, zweiter Faktor`).waitFor();
    const endButtons = page.getByRole('button', {
      name: `Sitzung von ${name} auf Chrome (Linux) beenden`,
    });
    await page.waitForFunction(() => document.querySelectorAll('.device-list li').length === 2);
    await checkPage(page, 'person-data');

    // The ZIP holds the person's data (and the download is audited).
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: `Alle Daten von ${name} herunterladen (ZIP)` }).click(),
    ]);
    const zip = unzipSync(new Uint8Array(readFileSync(await file.path())));
    expect(JSON.parse(strFromU8(zip['daten.json']!)).profile.email).toBe(TARGET);

    // Ending one device signs out exactly one of the two.
    await endButtons.first().click();
    await page.waitForFunction(() => document.querySelectorAll('.device-list li').length === 1);
    expect([await signedIn(laptop.context), await signedIn(phone.context)].sort()).toEqual([
      false,
      true,
    ]);

    // Resetting the second factor is explained first, then ends every session.
    await page.getByRole('button', { name: `Zweiten Faktor von ${name} zurücksetzen` }).click();
    const dialog = page.getByRole('dialog', { name: `Zweiten Faktor von ${name} zurücksetzen?` });
    await dialog.getByText('alle Sitzungen', { exact: false }).waitFor();
    await saveScreenshot(page, 'person-data-reset-dialog-1280');
    await dialog.getByRole('button', { name: 'Ja, zurücksetzen' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Der zweite Faktor von ${name} ist zurückgesetzt` })
      .waitFor();
    await page.getByText(`${name} hat keinen zweiten Faktor eingerichtet`).waitFor();
    await page.getByText('Keine angemeldeten Geräte.').waitFor();
    expect([await signedIn(laptop.context), await signedIn(phone.context)]).toEqual([false, false]);

    // The audit trail about this person lists each action, newest first.
    await page.getByRole('link', { name: `Verwaltungsprotokoll zu ${name}` }).click();
    await page.getByRole('heading', { level: 2, name: `Einträge zu ${name}` }).waitFor();
    const actions = async () =>
      (await page.locator('.audit-table tbody th').allTextContents()).map((text) => text.trim());
    expect(await actions()).toEqual([
      'Zweiter Faktor zurückgesetzt',
      'Sitzung beendet',
      'Daten heruntergeladen',
    ]);
    await page.getByRole('cell', { name: 'Miriam Schulte' }).first().waitFor();
    await checkPage(page, 'audit-trail-person');
    // "Alle Personen" shows the whole trail again.
    await page.getByLabel('Person').selectOption({ label: 'Alle Personen' });
    await page.getByRole('heading', { level: 2, name: 'Alle Einträge' }).waitFor();
    await checkPage(page, 'audit-trail');

    // Deleting: a wrong confirmation is refused in the API's words, the right one deletes.
    await page.goBack();
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: `Daten von ${name}` }).waitFor();
    await page.getByText('ehemaliges Mitglied', { exact: false }).first().waitFor();
    const confirm = page.getByLabel(`Zur Bestätigung die E-Mail-Adresse von ${name}`, {
      exact: false,
    });
    await confirm.fill('falsch@lip.example');
    await page.getByRole('button', { name: `Konto von ${name} endgültig löschen` }).click();
    await page.getByRole('alert').filter({ hasText: 'Bestätigung stimmt nicht' }).waitFor();
    await confirm.fill(TARGET);
    await page.getByRole('button', { name: `Konto von ${name} endgültig löschen` }).click();
    await page.getByText(`Das Konto von ${name} ist gelöscht.`).waitFor();
    await page.getByRole('link', { name: `Verwaltungsprotokoll zu ${name}` }).click();
    await page.getByRole('rowheader', { name: 'Konto gelöscht' }).waitFor();
    expect((await actions())[0]).toBe('Konto gelöscht');
    const stillListed = await graphqlAs<{ people: { id: string }[] }>(
      admin.context,
      'query E2ePeople { people { id } }',
    );
    expect(stillListed.people.some((p) => p.id === targetId)).toBe(false);
  });

  it('shows a coordinator neither link and says "no access" on both addresses', async () => {
    const { page } = await person('koordination@lip.example', '/people');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('table').waitFor();
    expect(await page.getByRole('link', { name: /^Daten von / }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Verwaltungsprotokoll' }).count()).toBe(0);
    const someone = await graphqlAs<{ people: { id: string }[] }>(
      page.context(),
      'query E2ePeople { people { id } }',
    );
    await page.goto(`/people/${someone.people[0]!.id}/data`);
    await page.getByRole('heading', { level: 1, name: 'Kein Zugriff' }).waitFor();
    await page.getByText('nur Personen mit Administrationsrechten', { exact: false }).waitFor();
    await checkPage(page, 'person-data-no-access');
    await page.goto('/audit');
    await page.getByRole('heading', { level: 1, name: 'Kein Zugriff' }).waitFor();
    await page.getByText('Das Verwaltungsprotokoll sehen nur', { exact: false }).waitFor();
  });
});
