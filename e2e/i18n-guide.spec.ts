import { expect, test, type Page } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import { expectAccessibleInBothSchemes } from "./support/accessibility";

/*
 * Both public guides in every language the app speaks (Playwright's locale sets Accept-Language):
 * the step headings are translated on the same anchors, the drawn console labels stay English and
 * the captions say the console is English, no message key leaks, nothing overflows at 360 px,
 * and the Japanese pages pass axe.
 */
const SHOTS = path.resolve("test-results", "screenshots");

const GUIDES = {
  apiKey: {
    path: "/guides/tailscale-api-key",
    anchors: ["step-1-finding-your-organization-name", "step-2-generating-an-api-access-token"],
    consoleLabel: "Generate access token…",
  },
  oauth: {
    path: "/guides/tailscale-oauth-client",
    anchors: [
      "step-1-opening-trust-credentials",
      "step-2-choosing-read-scopes",
      "step-3-copying-the-client-id-and-secret",
      "step-4-choosing-the-tailnet",
    ],
    consoleLabel: "Generate credential",
  },
} as const;

const LANGUAGES = [
  {
    lang: "de",
    locale: "de-DE",
    apiKey: ["Schritt 1: Den Organisationsnamen finden", "Schritt 2: Ein API-Zugriffstoken erzeugen"],
    oauth: "Schritt 2: Scopes nur zum Lesen wählen",
    consoleInEnglish: /auf Englisch/,
  },
  {
    lang: "fr",
    locale: "fr-FR",
    apiKey: ["Étape 1 : Trouver le nom de votre organisation", "Étape 2 : Générer un jeton d’accès API"],
    oauth: "Étape 2 : Choisir des scopes en lecture seule",
    consoleInEnglish: /en anglais/,
  },
  {
    lang: "es",
    locale: "es-ES",
    apiKey: ["Paso 1: Encontrar el nombre de tu organización", "Paso 2: Generar un token de acceso a la API"],
    oauth: "Paso 2: Elegir scopes de solo lectura",
    consoleInEnglish: /en inglés/,
  },
  {
    lang: "ja",
    locale: "ja-JP",
    apiKey: ["ステップ 1：組織名を確認する", "ステップ 2：API アクセストークンを生成する"],
    oauth: "ステップ 2：読み取り専用のスコープを選ぶ",
    consoleInEnglish: /英語表示/,
  },
] as const;

async function expectNoOverflowAt360(page: Page, name: string) {
  await page.setViewportSize({ width: 360, height: 780 });
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}-360.png`), fullPage: true });
  expect(scrollWidth, `${name} is wider than 360 px`).toBeLessThanOrEqual(clientWidth);
  await page.setViewportSize({ width: 1280, height: 900 });
}

for (const language of LANGUAGES) {
  test.describe(`guides in ${language.lang}`, () => {
    test.use({ locale: language.locale });

    test("API-key guide: translated steps on the same anchors, English console labels, fits 360 px", async ({
      page,
    }) => {
      await page.goto(GUIDES.apiKey.path);
      await expect(page.locator("html")).toHaveAttribute("lang", language.lang);
      for (const [i, anchor] of GUIDES.apiKey.anchors.entries()) {
        await expect(page.locator(`#${anchor}`)).toHaveText(language.apiKey[i]!);
      }
      await expect(page.locator("svg text", { hasText: GUIDES.apiKey.consoleLabel }).first()).toBeAttached();
      await expect(page.locator("figcaption").filter({ hasText: language.consoleInEnglish }).first()).toBeVisible();
      await expect(page.locator("main")).not.toContainText(/tailscaleGuide\.|If something goes wrong/);
      await expectNoOverflowAt360(page, `guide-api-key-${language.lang}`);
      if (language.lang === "ja") await expectAccessibleInBothSchemes(page, "guide api-key ja");
    });

    test("OAuth-client guide: translated steps on the same anchors, English console labels, fits 360 px", async ({
      page,
    }) => {
      await page.goto(GUIDES.oauth.path);
      for (const anchor of GUIDES.oauth.anchors) await expect(page.locator(`#${anchor}`)).toBeVisible();
      await expect(page.locator(`#${GUIDES.oauth.anchors[1]}`)).toHaveText(language.oauth);
      await expect(page.locator("svg text", { hasText: GUIDES.oauth.consoleLabel }).first()).toBeAttached();
      await expect(page.locator("figcaption").filter({ hasText: language.consoleInEnglish }).first()).toBeVisible();
      await expect(page.locator("main")).not.toContainText(/tailscaleOauthGuide\.|Before you start/);
      await expectNoOverflowAt360(page, `guide-oauth-${language.lang}`);
      if (language.lang === "ja") await expectAccessibleInBothSchemes(page, "guide oauth ja");
    });
  });
}
