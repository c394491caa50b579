import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startProduct, type RunningProduct } from './support/product';
import {
  axeViolations,
  graphqlAs,
  launchChromium,
  newPersonContext,
  saveScreenshot,
} from './support/browser';
import {
  freePort,
  KEYCLOAK_CLIENT_ID,
  keycloakIssuer,
  newClientSecret,
  startKeycloak,
  type RunningKeycloak,
} from './support/keycloak';

/**
 * Sign-in through a real Keycloak 26 (development mode, realm from tests/keycloak/realm.json) in
 * Chromium: Keycloak's own login page, the linked person on the dashboard, sign-out at both ends,
 * a back-channel logout from Keycloak, and a person without access. Keycloak needs 20 s to a few
 * minutes to start on a busy machine (plus a one-time build), hence the long limits.
 */
jest.setTimeout(600_000);

let product: RunningProduct;
let keycloak: RunningKeycloak;
let browser: Browser;
const contexts: BrowserContext[] = [];

const BUTTON = 'Mit dem Konto der Stadt anmelden';

beforeAll(async () => {
  const [appPort, keycloakPort] = [await freePort(), await freePort()];
  const appUrl = `http://127.0.0.1:${appPort}`;
  const clientSecret = newClientSecret();
  // Both start at once: the app discovers the provider only on the first sign-in.
  [keycloak, product] = await Promise.all([
    startKeycloak({ appUrl, port: keycloakPort, clientSecret }),
    startProduct(180_000, {
      PORT: String(appPort),
      PUBLIC_URL: appUrl,
      OIDC_ISSUER: keycloakIssuer(keycloakPort),
      OIDC_CLIENT_ID: KEYCLOAK_CLIENT_ID,
      OIDC_CLIENT_SECRET: clientSecret,
      OIDC_ACCESS_CONTACT: 'das Koordinationsteam (lip@hannover-stadt.example)',
    }),
  ]);
  browser = await launchChromium();
}, 600_000);

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

afterAll(async () => {
  await browser?.close();
  await product?.stop();
  await keycloak?.stop();
});

async function newContext(): Promise<BrowserContext> {
  const context = await newPersonContext(browser, product.apiUrl);
  contexts.push(context);
  return context;
}

/** From the app's sign-in page through Keycloak's login form; returns once back in the app. */
async function signInAtKeycloak(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByRole('link', { name: BUTTON }).click();
  await page.waitForURL((url) => url.href.startsWith(keycloak.issuer), { timeout: 30_000 });
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('#kc-login').click();
  await page.waitForURL((url) => url.href.startsWith(product.apiUrl), { timeout: 30_000 });
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

const VIEWER = 'query E2eViewer { viewer { signInMethod person { name email } } }';

describe('sign-in through a real Keycloak', () => {
  it('signs a linked person in on Keycloak’s login page, lands on the dashboard, and signs out at both ends', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByRole('link', { name: BUTTON }).waitFor();
    await checkPage(page, 'sign-in-city-account');

    await signInAtKeycloak(page, 'ayse.demir', 'Stadt-Test-Passwort-1');
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.locator('.banner__user').textContent()).toBe('Ayşe Demir');
    const viewer = await graphqlAs<{ viewer: unknown }>(context, VIEWER);
    expect(viewer.viewer).toEqual({
      signInMethod: 'CITY_ACCOUNT',
      person: { name: 'Ayşe Demir', email: 'bildung@lip.example' },
    });

    // Sign-out goes through Keycloak's end-session endpoint and back to our sign-in page.
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.waitForURL((url) => url.href === `${product.apiUrl}/sign-in`, { timeout: 30_000 });
    expect((await graphqlAs<{ viewer: unknown }>(context, VIEWER)).viewer).toBeNull();
    // The session at Keycloak ended too: the button shows Keycloak's login form again.
    await page.getByRole('link', { name: BUTTON }).click();
    await page.waitForURL((url) => url.href.startsWith(keycloak.issuer), { timeout: 30_000 });
    await page.locator('#username').waitFor();
  });

  it('ends the session here when Keycloak ends it (back-channel logout)', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await signInAtKeycloak(page, 'ayse.demir', 'Stadt-Test-Passwort-1');
    expect((await graphqlAs<{ viewer: unknown }>(context, VIEWER)).viewer).not.toBeNull();

    const users = (await (
      await keycloak.admin('/users?username=ayse.demir&exact=true')
    ).json()) as {
      id: string;
    }[];
    const logout = await keycloak.admin(`/users/${users[0]!.id}/logout`, { method: 'POST' });
    expect(logout.status).toBe(204);
    const deadline = Date.now() + 10_000;
    let viewer: unknown = {};
    while (viewer !== null && Date.now() < deadline) {
      viewer = (await graphqlAs<{ viewer: unknown }>(context, VIEWER)).viewer;
      if (viewer !== null) await new Promise((r) => setTimeout(r, 100));
    }
    expect(viewer).toBeNull();
  });

  it('shows a person without an account or invitation the “no access yet” page, with whom to ask', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await signInAtKeycloak(page, 'gast.person', 'Stadt-Test-Passwort-2');
    await page.waitForURL((url) => url.pathname === '/sign-in/city-account', { timeout: 30_000 });
    await page.getByRole('heading', { level: 1, name: 'Sie haben noch keinen Zugang' }).waitFor();
    await page.getByText('lip@hannover-stadt.example', { exact: false }).waitFor();
    expect((await graphqlAs<{ viewer: unknown }>(context, VIEWER)).viewer).toBeNull();
    await checkPage(page, 'city-account-no-access');
  });
});
