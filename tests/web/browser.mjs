// Headless Debian Chromium through playwright-core, as every page test starts it: writes the site
// with the histmap under test, opens one page at the given window size, fails on page errors.
import { execFileSync } from "node:child_process";
import { chromium } from "playwright-core";

export async function openSite(bin, site, width = 1600, height = 1000) {
  execFileSync(bin, ["site", "-o", site]);
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
  const page = await browser.newPage({ viewport: { width, height } });
  page.on("pageerror", (e) => { throw e; });
  return { browser, page };
}
