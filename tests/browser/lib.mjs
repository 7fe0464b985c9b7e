// Shared by run.mjs and screenshots.mjs: start headless Chromium as this machine needs it.
// Playwright gives every launch a fresh, empty user-data-dir of its own (a temporary
// directory it removes on close), so no profile is shared between runs.
import { chromium } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

export const FLAGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

/** Headless Chromium with the flags above. */
export async function launch() {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  return { browser, close: () => browser.close() };
}
