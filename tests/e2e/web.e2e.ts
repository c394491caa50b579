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
 * The web app end to end: the real API (serving web/dist), collab server and embedded database,
 * driven by Debian's Chromium with one browser context per person.
 */
// jest applies `testTimeout` only at the top level of the config, not per project.
jest.setTimeout(120_000);

const SHARED_DRAFT = 'Bildung: Ausgangslage und Ziele';
const GROUP_DRAFT = 'Bildung: Maßnahmen (Entwurf)';

let product: RunningProduct;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function person(email: string, next = '/'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newPersonContext(browser, product.apiUrl);
  contexts.push(context);
  const page = await signIn(context, email, next);
  return { context, page };
}

function editorOf(page: Page) {
  return page.locator('.editor__content .prose');
}

async function expectNoAxeViolations(page: Page, name: string): Promise<void> {
  await saveScreenshot(page, name);
  expect({ page: name, violations: await axeViolations(page) }).toEqual({
    page: name,
    violations: [],
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

describe('web app in Chromium', () => {
  it('lets two group members co-edit a draft, see each other’s text and caret, and keeps the text after a reload', async () => {
    const ayse = await person('bildung@lip.example');
    const documentId = await documentIdByTitle(ayse.context, GROUP_DRAFT);
    await ayse.page.goto(`/documents/${documentId}`);
    const daniel = await person('bildung2@lip.example', `/documents/${documentId}`);

    await editorOf(ayse.page).waitFor();
    await editorOf(daniel.page).waitFor();
    await ayse.page.getByRole('status').filter({ hasText: 'gespeichert' }).waitFor();

    await editorOf(ayse.page).click();
    await ayse.page.keyboard.press('Control+End');
    await ayse.page.keyboard.type(' Sprachkitas ausbauen.');
    await editorOf(daniel.page).getByText('Sprachkitas ausbauen.').waitFor();

    await editorOf(daniel.page).click();
    await daniel.page.keyboard.press('Control+End');
    await daniel.page.keyboard.press('Enter');
    await daniel.page.keyboard.type('Elternarbeit stärken.');
    await editorOf(ayse.page).getByText('Elternarbeit stärken.').waitFor();

    // Each sees the other's caret with the name, and both names in the presence list.
    await ayse.page.locator('.collaboration-carets__label', { hasText: 'Daniel Okafor' }).waitFor();
    await daniel.page.locator('.collaboration-carets__label', { hasText: 'Ayşe Demir' }).waitFor();
    await ayse.page.locator('.presence__person', { hasText: 'Daniel Okafor' }).waitFor();

    await expectNoAxeViolations(ayse.page, 'document-editor');
    await ayse.page.getByRole('status').filter({ hasText: 'alles gespeichert' }).waitFor();

    await ayse.page.reload();
    await editorOf(ayse.page).getByText('Elternarbeit stärken.').waitFor();
    await expect(editorOf(ayse.page).textContent()).resolves.toContain('Sprachkitas ausbauen.');
  });

  it('lets a council member comment on a selected passage read-only, and the group sees and resolves it live', async () => {
    const ayse = await person('bildung@lip.example');
    const documentId = await documentIdByTitle(ayse.context, SHARED_DRAFT);
    await ayse.page.goto(`/documents/${documentId}`);
    await editorOf(ayse.page).waitFor();
    await ayse.page.getByRole('heading', { name: 'Kommentare' }).waitFor();

    // Her start page leads to the round's statement; the shared draft itself is read here.
    const elena = await person('beirat-nord@lip.example');
    await elena.page.goto(`/documents/${documentId}`);
    const editor = editorOf(elena.page);
    await editor.waitFor();
    await elena.page.getByRole('status').filter({ hasText: 'nur lesen' }).waitFor();
    await expect(editor.getAttribute('contenteditable')).resolves.toBe('false');

    // The council member cannot type into the document.
    const before = await editor.textContent();
    await editor.click();
    await elena.page.keyboard.type('XYZ-nicht-erlaubt');
    await expect(editor.textContent()).resolves.toBe(before);

    // Select a passage and comment on it.
    await editor.getByText('Bildung ist ein Schlüssel für Teilhabe.', { exact: false }).click({
      clickCount: 3,
    });
    await elena.page.getByText('Kommentar zur markierten Stelle:').waitFor();
    await elena.page.getByLabel('Neuer Kommentar').fill('Bitte Zahlen zur Nordstadt ergänzen.');
    await elena.page.getByRole('button', { name: 'Kommentieren' }).click();
    await elena.page
      .getByRole('list', { name: 'Offene Kommentare' })
      .getByRole('article', { name: /Kommentar von Elena Petrova/ })
      .filter({ hasText: 'Bitte Zahlen zur Nordstadt ergänzen.' })
      .waitFor();
    await expectNoAxeViolations(elena.page, 'document-council-comment');

    // The group member sees it appear without reloading, on the highlighted passage, and resolves it.
    // The seed has an earlier remark of the same council member: this test's thread by its text.
    const thread = ayse.page
      .getByRole('article', { name: /Kommentar von Elena Petrova/ })
      .filter({ hasText: 'Bitte Zahlen zur Nordstadt ergänzen.' });
    await thread.waitFor({ timeout: 15_000 });
    await thread.getByText('Bitte Zahlen zur Nordstadt ergänzen.').waitFor();
    await ayse.page.locator('.comment-mark').first().click();
    await ayse.page
      .locator('.thread--active', { hasText: 'Bitte Zahlen zur Nordstadt ergänzen.' })
      .waitFor();
    await thread.getByRole('button', { name: 'Als erledigt markieren' }).click();
    await ayse.page.getByRole('button', { name: /erledigten Kommentar anzeigen/ }).waitFor();
    await expect(
      ayse.page
        .getByRole('list', { name: 'Offene Kommentare' })
        .getByText('Bitte Zahlen zur Nordstadt ergänzen.')
        .count(),
    ).resolves.toBe(0);
  });

  it('lets a coordinator create and assign a task that the assignee moves to done with the keyboard only', async () => {
    const jonas = await person('koordination@lip.example', '/tasks');
    await jonas.page.getByRole('heading', { name: 'Aufgaben', level: 1 }).waitFor();
    await jonas.page.getByRole('button', { name: 'Neue Aufgabe' }).click();
    const dialog = jonas.page.getByRole('dialog', { name: 'Neue Aufgabe anlegen' });
    await dialog.waitFor();
    await expectNoAxeViolations(jonas.page, 'tasks-create-dialog');
    const title = `Elternabend vorbereiten ${Date.now()}`;
    await dialog.getByLabel('Titel').fill(title);
    await dialog.getByLabel('Handlungsfeld').selectOption('education');
    await dialog.getByRole('combobox', { name: 'Person hinzufügen' }).fill('Ayşe');
    await jonas.page.getByRole('listbox').getByRole('option', { name: 'Ayşe Demir' }).click();
    await dialog.getByLabel('Frist').fill('2030-06-30');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.waitFor({ state: 'detached' });
    await jonas.page.getByRole('article', { name: title }).waitFor();

    const ayse = await person('bildung@lip.example');
    const myTasks = ayse.page.getByRole('list', { name: 'Meine Aufgaben' });
    const card = myTasks.getByRole('article', { name: title });
    await card.waitFor();

    // Keyboard only: focus the move button by tabbing, open the menu, pick "Erledigt".
    const moveButton = card.getByRole('button', { name: `„${title}“ verschieben` });
    await ayse.page.locator('body').focus();
    for (let presses = 0; presses < 200; presses += 1) {
      if (await moveButton.evaluate((element) => element === document.activeElement)) break;
      await ayse.page.keyboard.press('Tab');
    }
    await expect(
      moveButton.evaluate((element) => element === document.activeElement),
    ).resolves.toBe(true);
    await ayse.page.keyboard.press('Enter');
    await ayse.page.getByRole('menu').waitFor();
    await ayse.page.keyboard.press('End');
    await ayse.page.keyboard.press('Enter');
    await ayse.page.getByText('Aufgabe verschoben nach „Erledigt“.').waitFor();

    // The coordinator's board follows live (taskChanged subscription), without a reload.
    await jonas.page
      .getByRole('region', { name: /Erledigt/ })
      .getByRole('article', { name: title })
      .waitFor({ timeout: 15_000 });

    await ayse.page.goto('/tasks?assignee=me&view=list');
    const row = ayse.page.getByRole('row', { name: new RegExp(title) });
    await row.getByRole('cell', { name: 'Erledigt' }).waitFor();
  });

  it('moves a task to another column by dragging it with the mouse', async () => {
    const jonas = await person('koordination@lip.example', '/tasks?field=education');
    const open = jonas.page.getByRole('region', { name: /Offen/ });
    const card = open.getByRole('article').first();
    const title = (await card.getByRole('heading').textContent()) ?? '';
    expect(title).not.toBe('');
    const blocked = jonas.page.getByRole('region', { name: /Blockiert/ });
    await card.dragTo(blocked);
    await blocked.getByRole('article', { name: title }).waitFor();
    await jonas.page.getByText(`„${title}“ verschoben nach „Blockiert“.`).waitFor();
  });

  it('lets an admin assign a person to a body from the directory', async () => {
    const miriam = await person('admin@lip.example', '/people');
    const row = miriam.page.getByRole('row', { name: /Mehmet Yılmaz/ });
    await row
      .getByRole('button', { name: 'Mehmet Yılmaz einer Gruppe oder einem Gremium zuordnen' })
      .click();
    const dialog = miriam.page.getByRole('dialog', { name: 'Mehmet Yılmaz zuordnen' });
    await dialog.getByLabel('Gremium').selectOption({ label: 'Integrationsbeirat Nord' });
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.waitFor({ state: 'detached' });
    await row.getByText('Integrationsbeirat Nord').waitFor();
  });

  it('shows a clear "no access" page to someone outside the group', async () => {
    const ayse = await person('bildung@lip.example');
    const documentId = await documentIdByTitle(ayse.context, GROUP_DRAFT);
    const mehmet = await person('wirtschaft@lip.example', `/documents/${documentId}`);
    await mehmet.page.getByRole('heading', { name: 'Kein Zugriff', level: 1 }).waitFor();
    await expectNoAxeViolations(mehmet.page, 'no-access');
  });

  it('lets a group member save a named version, view it read-only after changing the text, and restore it', async () => {
    const ayse = await person('bildung@lip.example');
    const documentId = await documentIdByTitle(ayse.context, GROUP_DRAFT);
    await ayse.page.goto(`/documents/${documentId}`);
    const editor = editorOf(ayse.page);
    await editor.waitFor();
    await ayse.page.locator('[data-status="saved"]').waitFor();

    const stamp = Date.now();
    const oldText = `Stand vor der Sitzung ${stamp}.`;
    const newText = `Neu formuliert ${stamp}.`;
    const label = `Vor der Überarbeitung ${stamp}`;
    await editor.click();
    await ayse.page.keyboard.press('Control+End');
    await ayse.page.keyboard.press('Enter');
    await ayse.page.keyboard.type(oldText);
    await ayse.page.getByRole('status').filter({ hasText: 'alles gespeichert' }).waitFor();

    // Save a named version; the dialog announces it and lists it first.
    const versionsButton = ayse.page.getByRole('button', { name: 'Versionen', exact: true });
    await versionsButton.click();
    const versions = ayse.page.getByRole('dialog', { name: 'Versionen' });
    await versions.getByLabel('Name der Version').fill(label);
    await versions.getByRole('button', { name: 'Version speichern' }).click();
    await versions
      .getByRole('status')
      .filter({ hasText: `Version „${label}“ gespeichert.` })
      .waitFor();
    await expect(versions.getByRole('listitem').first().textContent()).resolves.toContain(label);
    await expectNoAxeViolations(ayse.page, 'document-versions-dialog');
    await versions.getByRole('button', { name: 'Schließen' }).click();
    await versions.waitFor({ state: 'detached' });
    await expect(
      versionsButton.evaluate((element) => element === document.activeElement),
    ).resolves.toBe(true);

    // Change the text: replace the paragraph just written.
    await editor.getByText(oldText).click();
    await ayse.page.keyboard.press('End');
    await ayse.page.keyboard.press('Shift+Home');
    await ayse.page.keyboard.type(newText);
    await editor.getByText(newText).waitFor();
    await expect(editor.textContent()).resolves.not.toContain(oldText);
    await ayse.page.getByRole('status').filter({ hasText: 'alles gespeichert' }).waitFor();

    // The version opens read-only with the old text.
    await versionsButton.click();
    await versions.getByRole('button', { name: `Version „${label}“ ansehen` }).click();
    const view = ayse.page.getByRole('dialog', { name: `Version „${label}“` });
    const content = view.getByRole('region', { name: `Text der Version „${label}“` });
    await content.getByText(oldText).waitFor();
    await expect(content.textContent()).resolves.not.toContain(newText);
    await expect(content.locator('[contenteditable="true"]').count()).resolves.toBe(0);
    await expectNoAxeViolations(ayse.page, 'document-version-view');
    await view.getByRole('button', { name: 'Schließen' }).click();
    await view.waitFor({ state: 'detached' });

    // Restoring asks first, then the live editor shows the old text again.
    await versions.getByRole('button', { name: `Version „${label}“ wiederherstellen` }).click();
    const confirm = ayse.page.getByRole('dialog', { name: `Version „${label}“ wiederherstellen?` });
    await confirm
      .getByText('als neue Änderung auf den aktuellen Stand', { exact: false })
      .waitFor();
    await expectNoAxeViolations(ayse.page, 'document-version-restore-confirm');
    await confirm.getByRole('button', { name: 'Ja, wiederherstellen' }).click();
    await versions
      .getByRole('status')
      .filter({ hasText: `Version „${label}“ wiederhergestellt.` })
      .waitFor();
    await versions.getByRole('button', { name: 'Schließen' }).click();
    await editor.getByText(oldText).waitFor();
    await expect(editor.textContent()).resolves.not.toContain(newText);
  });

  it('shows a council member the versions of a shared draft without save or restore', async () => {
    const ayse = await person('bildung@lip.example');
    const documentId = await documentIdByTitle(ayse.context, SHARED_DRAFT);
    const label = `Zur Beratung ${Date.now()}`;
    await graphqlAs(
      ayse.context,
      'mutation E2eVersion($input: CreateDocumentVersionInput!) { createDocumentVersion(input: $input) { version { id } } }',
      { input: { documentId, label } },
    );

    const elena = await person('beirat-nord@lip.example', `/documents/${documentId}`);
    await editorOf(elena.page).waitFor();
    await elena.page.getByRole('button', { name: 'Versionen', exact: true }).click();
    const versions = elena.page.getByRole('dialog', { name: 'Versionen' });
    await versions.getByRole('button', { name: `Version „${label}“ ansehen` }).click();
    await elena.page
      .getByRole('region', { name: `Text der Version „${label}“` })
      .getByText('Bildung ist ein Schlüssel für Teilhabe.', { exact: false })
      .waitFor();
    const view = elena.page.getByRole('dialog', { name: `Version „${label}“` });
    await view.getByRole('button', { name: 'Schließen' }).click();
    await view.waitFor({ state: 'detached' });
    // The list is accessible again (not hidden behind the view) and offers viewing only.
    await versions.getByRole('button', { name: `Version „${label}“ ansehen` }).waitFor();
    await versions.getByText('Speichern und wiederherstellen kann nur', { exact: false }).waitFor();
    await expect(versions.getByRole('button', { name: /wiederherstellen/ }).count()).resolves.toBe(
      0,
    );
    await expect(versions.getByRole('button', { name: 'Version speichern' }).count()).resolves.toBe(
      0,
    );
    await expect(versions.getByLabel('Name der Version').count()).resolves.toBe(0);
  });

  it('takes the editor away, with a clear message, from someone removed from the group while editing', async () => {
    const daniel = await person('bildung2@lip.example');
    const documentId = await documentIdByTitle(daniel.context, GROUP_DRAFT);
    await daniel.page.goto(`/documents/${documentId}`);
    await daniel.page.locator('[data-status="saved"]').waitFor();

    // Removes Daniel Okafor from the education group, and adds him back with the same role
    // and sector afterwards, so the tests stay independent of their order.
    const jonas = await person('koordination@lip.example');
    const field = await graphqlAs<{
      actionField: {
        group: {
          id: string;
          members: { personId: string; name: string; role: string; sector: string }[];
        };
      };
    }>(
      jonas.context,
      'query E2eGroup { actionField(key: "education") { group { id members { personId name role sector } } } }',
    );
    const groupId = field.actionField.group.id;
    const member = field.actionField.group.members.find((item) => item.name === 'Daniel Okafor');
    expect(member).toBeDefined();
    const { personId, role, sector } = member!;
    await graphqlAs(
      jonas.context,
      'mutation E2eRemove($input: RemoveGroupMemberInput!) { removeGroupMember(input: $input) { group { id } } }',
      { input: { groupId, personId } },
    );
    try {
      // The collab server closes the connection (AccessRevoked); a fresh ticket is refused.
      await daniel.page.locator('[data-status="noAccess"]').waitFor({ timeout: 20_000 });
      await expect(daniel.page.locator('.editor__content .prose').count()).resolves.toBe(0);
      await daniel.page.reload();
      await daniel.page.getByRole('heading', { name: 'Kein Zugriff', level: 1 }).waitFor();
    } finally {
      await graphqlAs(
        jonas.context,
        'mutation E2eAddBack($input: AddGroupMemberInput!) { addGroupMember(input: $input) { group { id } } }',
        { input: { groupId, personId, role, sector } },
      );
    }
  });

  it('lets an invited person set a password, arrive signed in, and sign out again', async () => {
    const jonas = await person('koordination@lip.example', '/people');
    await jonas.page.getByRole('button', { name: 'Person einladen' }).click();
    const dialog = jonas.page.getByRole('dialog', { name: 'Person einladen' });
    await dialog.getByLabel('Name').fill('Leyla Arslan');
    await dialog.getByLabel('E-Mail-Adresse').fill(`leyla-${Date.now()}@lip.example`);
    await dialog
      .getByLabel('Expert*innengruppe')
      .selectOption({ label: 'Expert*innengruppe Bildung' });
    await dialog.getByRole('button', { name: 'Einladung erstellen' }).click();
    const link = await dialog.getByLabel('Einladungslink').inputValue();
    expect(link).toMatch(/\/invitation\/.+/);

    const invited = await newPersonContext(browser, product.apiUrl);
    contexts.push(invited);
    const page = await invited.newPage();
    await page.goto(new URL(link).pathname);
    await page.getByText('Willkommen, Leyla Arslan!', { exact: false }).waitFor();
    await page.getByLabel('Neues Passwort').fill('ein-sicheres-Passwort');
    await page.getByLabel('Passwort wiederholen').fill('ein-sicheres-Passwort');
    await page.getByRole('button', { name: 'Passwort festlegen und anmelden' }).click();
    await page.getByRole('heading', { name: 'Übersicht', level: 1 }).waitFor();
    await page.getByText('Leyla Arslan').first().waitFor();

    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.getByRole('heading', { name: 'Anmelden', level: 1 }).waitFor();
    await page.goto('/tasks');
    await page.waitForURL(/\/sign-in\?next=%2Ftasks/);
  });

  it('runs under its Content Security Policy without a single violation, editor included', async () => {
    const { context, page } = await person('bildung@lip.example');
    const violations: string[] = [];
    await context.exposeFunction('reportCspViolation', (line: string) => violations.push(line));
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        const report = (window as unknown as { reportCspViolation(line: string): void })
          .reportCspViolation;
        report(
          `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`,
        );
      });
    });
    const documentId = await documentIdByTitle(context, GROUP_DRAFT);
    await page.goto(`/documents/${documentId}`);
    await editorOf(page).waitFor();
    await page.getByRole('status').filter({ hasText: 'gespeichert' }).waitFor();
    await page.goto('/tasks');
    await page.locator('.board').waitFor();
    await page.goto('/');
    await page.getByRole('heading', { name: 'Handlungsfelder' }).waitFor();
    expect(violations).toEqual([]);
  });

  it('shows a council member the directory without other people’s email and role', async () => {
    const { page } = await person('beirat-nord@lip.example', '/people');
    await page.getByRole('heading', { name: 'Personenverzeichnis' }).waitFor();
    await page.getByRole('row', { name: /Jonas Becker/ }).waitFor();
    expect(await page.getByText('koordination@lip.example').count()).toBe(0);
    expect(await page.getByRole('columnheader', { name: 'Rolle', exact: true }).count()).toBe(0);
    await page.getByText('beirat-nord@lip.example').waitFor();
    await expectNoAxeViolations(page, 'people-council-1280');
    await page.setViewportSize({ width: 390, height: 844 });
    await saveScreenshot(page, 'people-council-390');
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);
  });

  it('passes axe (WCAG 2 A/AA) on every page', async () => {
    const anonymous = await newPersonContext(browser, product.apiUrl);
    contexts.push(anonymous);
    const guest = await anonymous.newPage();
    await guest.goto('/sign-in');
    await guest.getByRole('heading', { name: 'Anmelden' }).waitFor();
    await expectNoAxeViolations(guest, 'sign-in');
    await guest.goto('/invitation/unknown-token');
    await guest.getByRole('heading', { name: 'Einladung annehmen' }).waitFor();
    await expectNoAxeViolations(guest, 'invitation');

    const jonas = await person('koordination@lip.example');
    const { page } = jonas;
    await page.getByRole('heading', { name: 'Handlungsfelder' }).waitFor();
    await expectNoAxeViolations(page, 'dashboard');

    await page.getByRole('link', { name: 'Bildung', exact: true }).click();
    await page.getByRole('heading', { name: 'Bildung', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Aufgaben', level: 2 }).waitFor();
    await expectNoAxeViolations(page, 'action-field');

    await page.goto('/tasks');
    await page.locator('.board').waitFor();
    await expectNoAxeViolations(page, 'tasks-board');
    await page.goto('/tasks?view=list');
    await page.getByRole('table').waitFor();
    await expectNoAxeViolations(page, 'tasks-list');

    await page.goto('/people');
    await page.getByRole('heading', { name: 'Personenverzeichnis' }).waitFor();
    await expectNoAxeViolations(page, 'people');
    await page.getByRole('button', { name: 'Person einladen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Person einladen' });
    await dialog.getByLabel('Name').fill('Neue Person');
    await dialog.getByLabel('E-Mail-Adresse').fill(`neu-${Date.now()}@lip.example`);
    await dialog.getByRole('button', { name: 'Einladung erstellen' }).click();
    const link = dialog.getByLabel('Einladungslink');
    await link.waitFor();
    await expect(link.inputValue()).resolves.toMatch(/\/invitation\//);
    await expectNoAxeViolations(page, 'people-invite-dialog');

    await page.goto('/does-not-exist');
    await page.getByRole('heading', { name: 'Seite nicht gefunden' }).waitFor();
    await expectNoAxeViolations(page, 'not-found');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en');
  });
});
