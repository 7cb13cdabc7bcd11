import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** The rules every page is held to: WCAG 2.0, 2.1 and 2.2, levels A and AA. */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** Axe's full result for the page as it is now, against `WCAG_TAGS`. */
export function analyzeAccessibility(page: Page) {
  return new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
}

/** Axe finds no violation on the page as it is now. */
export async function expectAccessible(page: Page, name: string) {
  expect((await analyzeAccessibility(page)).violations, name).toEqual([]);
}

/** Axe finds no violation in the light and in the dark colour scheme; the page is left in light. */
export async function expectAccessibleInBothSchemes(page: Page, name: string) {
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectAccessible(page, `${name} (${scheme})`);
  }
  await page.emulateMedia({ colorScheme: "light" });
}
