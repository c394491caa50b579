import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

/** The password of every seeded demo account. */
export const DEMO_PASSWORD = 'Hannover-LIP-demo';

const screenshotDir = resolve(__dirname, '..', '..', '..', 'test-results', 'screenshots');

/** Launches Debian's Chromium (never a downloaded browser) with the flags CI needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh browser context (its own cookies: one person) with German as the browser language. */
export function newPersonContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({ baseURL, locale: 'de-DE', viewport: { width: 1280, height: 900 } });
}

/** Signs a demo person in through the sign-in page and waits for the dashboard. */
export async function signIn(context: BrowserContext, email: string, next = '/'): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'), { timeout: 20_000 });
  return page;
}

/** Runs axe (WCAG 2 A and AA) on the page as it is now and returns the violations, summarised. */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return result.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes
        .slice(0, 3)
        .map((node) => node.target.join(' '))
        .join(' | ')})`,
  );
}

/** Saves a full-page screenshot under test-results/screenshots/<name>.png. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

/** Runs a GraphQL request with the context's session cookie (to look up ids for a test). */
export async function graphqlAs<T>(
  context: BrowserContext,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await context.request.post('/graphql', {
    data: { query, variables },
    headers: { 'content-type': 'application/json' },
  });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (!body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** The id of a document the context's person can see, by its title. */
export async function documentIdByTitle(context: BrowserContext, title: string): Promise<string> {
  const data = await graphqlAs<{ documents: { id: string; title: string }[] }>(
    context,
    'query E2eDocuments { documents { id title } }',
  );
  const found = data.documents.find((document) => document.title === title);
  if (!found) throw new Error(`document "${title}" not visible`);
  return found.id;
}
