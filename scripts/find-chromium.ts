import fs from "node:fs";

/** CHROMIUM_PATH, else Debian's /usr/bin/chromium, else Playwright's own download; null when none exists. */
export async function findChromium(): Promise<string | null> {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  for (const c of candidates) if (c && fs.existsSync(c)) return c;
  try {
    const { chromium } = await import("@playwright/test");
    const own = chromium.executablePath();
    if (own && fs.existsSync(own)) return own;
  } catch {
    // Playwright has no browser of its own here.
  }
  return null;
}

export const NO_CHROMIUM_MESSAGE = `No Chromium found for the end-to-end tests. Get one either way, then run npm test again:
  - Debian/Ubuntu:   sudo apt-get install -y chromium        (then it is found at /usr/bin/chromium)
  - Playwright's:    npx playwright install chromium
  - or point CHROMIUM_PATH at any Chromium or Chrome binary.`;

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
