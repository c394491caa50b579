import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startProduct, type RunningProduct } from './support/product';
import {
  axeViolations,
  documentIdByTitle,
  graphqlAs,
  launchChromium,
  saveScreenshot,
  signIn,
} from './support/browser';

/**
 * Everyday work end to end: the role-first start page, milestones, tasks with several assignees
 * and undo, people administration, and every page at phone width (390 px), with axe on every
 * page and open dialog. One product for the file, one browser context per person.
 */
// Generous: several engineers share two cores, and one test walks seven pages with axe.
jest.setTimeout(240_000);

const SHARED_DRAFT = 'Bildung: Ausgangslage und Ziele';
const GROUP_DRAFT = 'Bildung: Maßnahmen (Entwurf)';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

let product: RunningProduct;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function person(
  email: string,
  next = '/',
  viewport = DESKTOP,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: product.apiUrl,
    locale: 'de-DE',
    viewport,
  });
  contexts.push(context);
  const page = await signIn(context, email, next);
  return { context, page };
}

async function expectNoAxeViolations(page: Page, name: string): Promise<void> {
  await saveScreenshot(page, name);
  expect({ page: name, violations: await axeViolations(page) }).toEqual({
    page: name,
    violations: [],
  });
}

/** How much wider than the window the page is, with the widest elements when it is. */
async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; widest: string[] }> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const widest = Array.from(document.querySelectorAll('body *'))
      .filter((element) => element.getBoundingClientRect().right > width + 1)
      .slice(0, 3)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`);
    return { scrollWidth: document.documentElement.scrollWidth, widest };
  });
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

describe('everyday work in Chromium', () => {
  it('starts each role with its own work: the council its statement, the coordinator what is overdue', async () => {
    const elena = await person('beirat-nord@lip.example');
    const review = elena.page.getByRole('region', { name: 'Stellungnahmen Ihres Gremiums' });
    const first = review.getByRole('listitem').first();
    // The seeded open round is named after the chapter it reviews.
    await first.getByRole('link', { name: SHARED_DRAFT }).waitFor();
    await expect(first.textContent()).resolves.toMatch(
      /Stellungnahme fällig bis \d\d\.\d\d\.\d{4}/,
    );
    // The work comes before the overview of the six action fields.
    const order = await elena.page.evaluate(() =>
      Array.from(document.querySelectorAll('h2')).map((h) => h.textContent),
    );
    expect(order.indexOf('Was für Sie ansteht')).toBeLessThan(order.indexOf('Handlungsfelder'));
    // No card pretends there are no tasks: the council does not see them.
    await expect(elena.page.getByText('Offene Aufgaben').count()).resolves.toBe(0);
    await expectNoAxeViolations(elena.page, 'dashboard-council');

    const jonas = await person('koordination@lip.example');
    const coordination = jonas.page.getByRole('region', {
      name: 'Koordination: Fristen und was hängt',
    });
    const overdue = coordination.getByRole('link', { name: /überfällige Aufgabe/ }).first();
    await overdue.click();
    await jonas.page.waitForURL(/\/tasks\?field=.+&deadline=overdue/);
    await jonas.page.getByRole('table').waitFor();
    await expect(jonas.page.getByText('Überfällig').count()).resolves.toBeGreaterThan(0);
  });

  it('starts the steering group with its decisions and tells the observer there is nothing to do', async () => {
    const thomas = await person('lenkung@lip.example');
    const decisions = thomas.page.getByRole('region', {
      name: 'Entscheidungen der Lenkungsgruppe',
    });
    await decisions.getByRole('link', { name: SHARED_DRAFT }).waitFor();
    await expectNoAxeViolations(thomas.page, 'desktop-dashboard-steering');

    // Sara reads English (her account's language).
    const sara = await person('beobachtung@lip.example');
    await sara.page
      .getByRole('region', { name: 'Observing' })
      .getByText('There is nothing for you to do', { exact: false })
      .waitFor();
    await expectNoAxeViolations(sara.page, 'desktop-dashboard-observer');
  });

  it('lets a coordinator create, edit and delete a milestone', async () => {
    const jonas = await person('koordination@lip.example', '/milestones');
    await jonas.page.getByRole('heading', { name: 'Meilensteine', level: 1 }).waitFor();
    await expectNoAxeViolations(jonas.page, 'milestones');
    await jonas.page.getByRole('button', { name: 'Neuer Meilenstein' }).click();
    const dialog = jonas.page.getByRole('dialog', { name: 'Neuer Meilenstein' });
    const title = `Fachtag Bildung ${Date.now()}`;
    await dialog.getByLabel('Titel').fill(title);
    await dialog.getByLabel('Datum').fill('2030-05-04');
    await dialog.getByLabel('Gilt für').selectOption({ label: 'Bildung' });
    await expectNoAxeViolations(jonas.page, 'milestones-create-dialog');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.waitFor({ state: 'detached' });
    const education = jonas.page.getByRole('region', { name: 'Bildung' });
    await education.getByText(title, { exact: true }).waitFor();
    await expect(education.getByText('04.05.2030').count()).resolves.toBe(1);

    // The education page shows it in its timeline.
    await jonas.page.goto('/action-fields/education');
    await jonas.page.getByText(title, { exact: true }).waitFor();

    await jonas.page.goto('/milestones');
    await jonas.page.getByRole('button', { name: `„${title}“ bearbeiten` }).click();
    const edit = jonas.page.getByRole('dialog', { name: 'Meilenstein bearbeiten' });
    await edit.getByLabel('Titel').fill(`${title} (verschoben)`);
    await edit.getByRole('button', { name: 'Speichern' }).click();
    await edit.waitFor({ state: 'detached' });
    await jonas.page.locator('.timeline__title', { hasText: `${title} (verschoben)` }).waitFor();

    await jonas.page.getByRole('button', { name: `„${title} (verschoben)“ löschen` }).click();
    const confirm = jonas.page.getByRole('dialog', { name: /löschen\?/ });
    await expectNoAxeViolations(jonas.page, 'milestones-delete-dialog');
    await confirm.getByRole('button', { name: 'Ja, löschen' }).click();
    await confirm.waitFor({ state: 'detached' });
    await jonas.page
      .locator('.timeline__title', { hasText: `${title} (verschoben)` })
      .waitFor({ state: 'detached' });

    // A group member reads the milestones but gets no buttons to change them.
    const ayse = await person('bildung@lip.example', '/milestones');
    await ayse.page.getByRole('heading', { name: 'Meilensteine', level: 1 }).waitFor();
    await expect(
      ayse.page.getByRole('button', { name: 'Neuer Meilenstein' }).count(),
    ).resolves.toBe(0);
  });

  it('keeps both assignees of a task through an edit', async () => {
    const jonas = await person('koordination@lip.example', '/tasks?field=education');
    await jonas.page.getByRole('button', { name: 'Neue Aufgabe' }).click();
    const dialog = jonas.page.getByRole('dialog', { name: 'Neue Aufgabe anlegen' });
    const title = `Zu zweit vorbereiten ${Date.now()}`;
    await dialog.getByLabel('Titel').fill(title);
    const add = dialog.getByRole('combobox', { name: 'Person hinzufügen' });
    await add.fill('Ayşe');
    await jonas.page.getByRole('listbox').getByRole('option', { name: 'Ayşe Demir' }).click();
    await add.fill('Daniel');
    await jonas.page.getByRole('listbox').getByRole('option', { name: 'Daniel Okafor' }).click();
    await dialog.getByLabel('Priorität').selectOption('HIGH');
    await expectNoAxeViolations(jonas.page, 'tasks-two-assignees-dialog');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.waitFor({ state: 'detached' });
    const card = jonas.page.getByRole('article', { name: title });
    await card.getByText('Ayşe Demir, Daniel Okafor').waitFor();

    await card.getByRole('button', { name: `„${title}“ bearbeiten` }).click();
    const edit = jonas.page.getByRole('dialog', { name: 'Aufgabe bearbeiten' });
    await edit.getByRole('button', { name: 'Daniel Okafor entfernen' }).waitFor();
    await edit.getByLabel('Titel').fill(`${title} (neu)`);
    await edit.getByRole('button', { name: 'Speichern' }).click();
    await edit.waitFor({ state: 'detached' });
    const renamed = jonas.page.getByRole('article', { name: `${title} (neu)` });
    await renamed.getByText('Ayşe Demir, Daniel Okafor').waitFor();

    const stored = await graphqlAs<{
      tasks: { nodes: { title: string; assignees: { name: string }[] }[] };
    }>(
      jonas.context,
      'query E2eTasks { tasks(filter: { actionFieldKey: "education" }, first: 200) { nodes { title assignees { name } } } }',
    );
    expect(stored.tasks.nodes.find((task) => task.title === `${title} (neu)`)?.assignees).toEqual([
      { name: 'Ayşe Demir' },
      { name: 'Daniel Okafor' },
    ]);
  });

  it('deletes a task and brings it back with undo', async () => {
    const jonas = await person('koordination@lip.example', '/tasks?field=urban-life');
    const card = jonas.page.getByRole('article', { name: 'Quartiersbegehung planen' });
    await card.waitFor();
    await card.getByRole('button', { name: '„Quartiersbegehung planen“ löschen' }).click();
    const undo = jonas.page.getByRole('button', {
      name: 'Löschen von „Quartiersbegehung planen“ rückgängig machen',
    });
    await undo.waitFor();
    await card.waitFor({ state: 'detached' });
    await expect(undo.evaluate((element) => element === document.activeElement)).resolves.toBe(
      true,
    );
    await expectNoAxeViolations(jonas.page, 'tasks-undo');
    await undo.click();
    await jonas.page.getByText('Aufgabe „Quartiersbegehung planen“ wiederhergestellt.').waitFor();
    await jonas.page.getByRole('article', { name: 'Quartiersbegehung planen' }).waitFor();
  });

  it('shows only open tasks due in the next 14 days, by deadline', async () => {
    const jonas = await person('koordination@lip.example', '/tasks?deadline=14&view=list');
    const rows = jonas.page.getByRole('row');
    await jonas.page.getByRole('table').waitFor();
    const deadlines = await rows.evaluateAll((elements) =>
      elements.slice(1).map((row) => row.querySelector('td:nth-of-type(2)')?.textContent ?? ''),
    );
    expect(deadlines.length).toBeGreaterThan(0);
    const toTime = (text: string) => {
      const [day, month, year] = text.slice(0, 10).split('.').map(Number);
      return Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 0);
    };
    const times = deadlines.map(toTime);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    const now = Date.now();
    for (const time of times) {
      expect(time).toBeGreaterThanOrEqual(now - 2 * 86_400_000);
      expect(time).toBeLessThanOrEqual(now + 15 * 86_400_000);
    }
    await expect(jonas.page.getByRole('cell', { name: 'Erledigt' }).count()).resolves.toBe(0);
  });

  it('lets a coordinator change a member’s role, and says clearly when an invited address exists', async () => {
    const jonas = await person('koordination@lip.example', '/action-fields/economy');
    const row = jonas.page.getByRole('row', { name: /Mehmet Yılmaz/ });
    await row
      .getByRole('button', {
        name: 'Rolle von Mehmet Yılmaz in Expert*innengruppe Wirtschaft ändern',
      })
      .click();
    const dialog = jonas.page.getByRole('dialog', { name: /Rolle von Mehmet Yılmaz/ });
    await dialog.getByLabel('Rolle in der Gruppe').selectOption('ADVISER');
    await expectNoAxeViolations(jonas.page, 'group-role-dialog');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.waitFor({ state: 'detached' });
    await row.getByText('Fachberatung').waitFor();
    await row
      .getByRole('button', { name: 'Mehmet Yılmaz aus Expert*innengruppe Wirtschaft entfernen' })
      .click();
    const confirm = jonas.page.getByRole('dialog', { name: /entfernen\?/ });
    await confirm
      .getByText('ein gerade geöffneter Editor wird geschlossen', { exact: false })
      .waitFor();
    await expectNoAxeViolations(jonas.page, 'remove-member-dialog');
    await confirm.getByRole('button', { name: 'Abbrechen' }).click();

    await jonas.page.goto('/people');
    await jonas.page.getByRole('button', { name: 'Person einladen' }).click();
    const invite = jonas.page.getByRole('dialog', { name: 'Person einladen' });
    await invite.getByLabel('Name').fill('Ayşe Doppelt');
    await invite.getByLabel('E-Mail-Adresse').fill('bildung@lip.example');
    await invite.getByRole('button', { name: 'Einladung erstellen' }).click();
    const email = invite.getByLabel('E-Mail-Adresse');
    await invite
      .getByText('E-Mail-Adresse: für diese Adresse gibt es schon ein Konto', { exact: false })
      .first()
      .waitFor();
    await expect(email.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(invite.getByText('von jemand anderem geändert').count()).resolves.toBe(0);
    await expectNoAxeViolations(jonas.page, 'people-invite-exists');
    await email.fill('neu-doppelt@lip.example');
    await expect(email.getAttribute('aria-invalid')).resolves.toBeNull();
  });

  it('ends the editor of a person an admin deactivates, and lets them back after reactivation', async () => {
    const daniel = await person('bildung2@lip.example');
    const documentId = await documentIdByTitle(daniel.context, GROUP_DRAFT);
    await daniel.page.goto(`/documents/${documentId}`);
    await daniel.page.locator('[data-status="saved"]').waitFor();

    const miriam = await person('admin@lip.example', '/people');
    const row = miriam.page.getByRole('row', { name: /Daniel Okafor/ });
    await row.getByRole('button', { name: 'Daniel Okafor deaktivieren' }).click();
    const confirm = miriam.page.getByRole('dialog', { name: 'Daniel Okafor deaktivieren?' });
    await expectNoAxeViolations(miriam.page, 'people-deactivate-dialog');
    await confirm.getByRole('button', { name: 'Ja, deaktivieren' }).click();
    try {
      await row.getByText('Deaktiviert').waitFor();
      // The collab server closes the live connection; the fresh ticket it asks for is refused
      // because the session ended, so the page sends Daniel to sign in, without the editor.
      await daniel.page.waitForURL(/\/sign-in/, { timeout: 20_000 });
      await expect(daniel.page.locator('.editor__content').count()).resolves.toBe(0);
      await daniel.page.getByLabel('E-Mail-Adresse').fill('bildung2@lip.example');
      await daniel.page.getByLabel('Passwort').fill('Hannover-LIP-demo');
      await daniel.page.getByRole('button', { name: 'Anmelden' }).click();
      await daniel.page.getByText('E-Mail-Adresse oder Passwort ist nicht richtig.').waitFor();
    } finally {
      await row.getByRole('button', { name: 'Daniel Okafor wieder aktivieren' }).click();
      await row.getByText('Deaktiviert').waitFor({ state: 'detached' });
    }
    const back = await person('bildung2@lip.example', `/documents/${documentId}`);
    await back.page.locator('[data-status="saved"]').waitFor();
  });

  it('renames a document, and folds its long shared-with list so the text starts on a phone’s first screen', async () => {
    const ayse = await person('bildung@lip.example');
    const documentId = await documentIdByTitle(ayse.context, SHARED_DRAFT);
    await ayse.page.goto(`/documents/${documentId}`);
    await ayse.page.getByRole('button', { name: 'Umbenennen' }).click();
    const dialog = ayse.page.getByRole('dialog', { name: 'Dokument umbenennen' });
    const title = dialog.getByLabel('Titel');
    await title.fill('X');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.getByText('Titel: mindestens 2 Zeichen').first().waitFor();
    await expectNoAxeViolations(ayse.page, 'document-rename-error');
    await title.fill(`${SHARED_DRAFT} (überarbeitet)`);
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.waitFor({ state: 'detached' });
    await ayse.page
      .getByRole('heading', { name: `${SHARED_DRAFT} (überarbeitet)`, level: 1 })
      .waitFor();
    await graphqlAs(
      ayse.context,
      'mutation E2eRename($input: UpdateDocumentInput!) { updateDocument(input: $input) { document { id } } }',
      { input: { documentId, title: SHARED_DRAFT } },
    );

    const elena = await person('beirat-nord@lip.example', `/documents/${documentId}`, PHONE);
    const editor = elena.page.locator('.editor__content .prose');
    await editor.waitFor();
    await elena.page.getByText('Freigegeben für 14 Gremien').waitFor();
    const top = await editor.evaluate((element) => element.getBoundingClientRect().top);
    expect(top).toBeLessThan(PHONE.height);
    await saveScreenshot(elena.page, 'document-council-390');
  });

  it('fits the signed-out pages into 390 px', async () => {
    const anonymous = await browser.newContext({
      baseURL: product.apiUrl,
      locale: 'de-DE',
      viewport: PHONE,
    });
    contexts.push(anonymous);
    const guest = await anonymous.newPage();
    for (const route of ['/sign-in', '/invitation/unknown-token', '/does-not-exist']) {
      await guest.goto(route);
      await guest.locator('h1').waitFor();
      expect({ route, ...(await horizontalOverflow(guest)) }).toEqual({
        route,
        scrollWidth: PHONE.width,
        widest: [],
      });
    }
  });

  // One test per role: each visits every page of the app at 390 px.
  it.each([
    ['koordination@lip.example', 'coordinator'],
    ['bildung@lip.example', 'member'],
    ['beirat-nord@lip.example', 'council'],
    ['lenkung@lip.example', 'steering'],
    ['beobachtung@lip.example', 'observer'],
  ])('fits every page into 390 px for %s (%s), without sideways scrolling', async (email, role) => {
    const { context, page } = await person(email, '/', PHONE);
    const shared = await documentIdByTitle(context, SHARED_DRAFT);
    const routes = [
      '/',
      '/tasks',
      '/tasks?view=list',
      '/people',
      '/milestones',
      '/action-fields/education',
      `/documents/${shared}`,
    ];
    for (const route of routes) {
      await page.goto(route);
      await page.locator('h1').waitFor();
      if (route.startsWith('/documents/')) await page.locator('.editor__content .prose').waitFor();
      else await page.locator('.loading').waitFor({ state: 'detached' });
      expect({ role, route, ...(await horizontalOverflow(page)) }).toEqual({
        role,
        route,
        scrollWidth: PHONE.width,
        widest: [],
      });
      const label = route.startsWith('/documents/')
        ? 'document'
        : route.replace(/[^a-z]+/gi, '-').replace(/^-+|-+$/g, '') || 'home';
      const name = `phone-${role}-${label}`;
      // axe on every page for the coordinator (who sees every control), on the start page for all.
      if (role === 'coordinator' || route === '/') await expectNoAxeViolations(page, name);
      else await saveScreenshot(page, name);
    }
  });

  it('shows the new pages at 1280 px for the record', async () => {
    const jonas = await person('koordination@lip.example');
    for (const [route, name] of [
      ['/', 'desktop-dashboard-coordinator'],
      ['/milestones', 'desktop-milestones'],
      ['/people', 'desktop-people'],
      ['/action-fields/education', 'desktop-action-field'],
      ['/tasks?deadline=14&view=list', 'desktop-tasks-due-soon'],
    ] as const) {
      await jonas.page.goto(route);
      await jonas.page.locator('h1').waitFor();
      await jonas.page.locator('.loading').waitFor({ state: 'detached' });
      await expectNoAxeViolations(jonas.page, name);
    }
    const ayse = await person('bildung@lip.example');
    await ayse.page.getByRole('region', { name: 'In Ihrer Expert*innengruppe' }).waitFor();
    await expectNoAxeViolations(ayse.page, 'desktop-dashboard-member');
  });
});
