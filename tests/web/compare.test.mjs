// The page's compare mode in real headless Chromium: two days side by side or as a
// difference. Which pieces differ is computed here from `histmap state --by-piece`
// (the binary's own answer), never written into the test.
// Usage: HISTMAP_BINARY=build/histmap node --test tests/web/compare.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { openSite } from "./browser.mjs";

const bin = process.env.HISTMAP_BINARY;
const work = mkdtempSync(join(tmpdir(), "histmap-compare-"));
const site = join(work, "site");
const shots = process.env.HISTMAP_SCREENSHOT_DIR ?? work;
let browser, page;

// Every piece's state on a day, as `histmap state` gives it: piece id -> entry.
const byPiece = (date, sources) => {
  const args = ["state", "--date", date, "--by-piece", "--format", "json", ...(sources ? ["--sources", sources] : [])];
  const rows = JSON.parse(execFileSync(bin, args));
  return new Map(rows.map((r) => [r.piece, r]));
};
// The pieces whose state differs between two days, or on one day between two source sets
// (everything but the day itself compared).
const differ = (a, b, setA, setB) => {
  const A = byPiece(a, setA), B = byPiece(b, setB);
  const same = (x, y) => JSON.stringify({ ...x, date: null }) === JSON.stringify({ ...y, date: null });
  return [...A.keys()].filter((id) => !same(A.get(id), B.get(id))).sort();
};

before(async () => { ({ browser, page } = await openSite(bin, site)); });

after(async () => { await browser?.close(); });

const fresh = async (rest) => { await page.goto("about:blank"); await page.goto(`file://${site}/index.html${rest}`); };
const listed = () => page.locator("#compare-list > li").evaluateAll((ls) => ls.flatMap((l) => l.dataset.pieces.split(" ")).sort());
const marked = () => page.locator("#map [data-diff=changed]").evaluateAll((gs) => gs.map((g) => g.dataset.piece).sort());
const setSecondDay = (iso) => page.locator("#slider2").evaluate((s, iso) => {
  s.value = Math.round(Date.parse(iso) / 86400000);
  s.dispatchEvent(new Event("input"));
}, iso);

test("two days side by side: the list names exactly the pieces histmap state finds different", async () => {
  await fresh("#1920-04-01");
  const toggle = page.getByRole("button", { name: "Compare", exact: true });
  assert.equal(await toggle.getAttribute("aria-pressed"), "false");
  assert.ok(await page.locator("#mapframe2").isHidden());
  await toggle.click();
  assert.equal(await toggle.getAttribute("aria-pressed"), "true");
  assert.ok(await page.locator("#map2").isVisible(), "the second map opens");
  // On a desktop both maps, both sliders and the compare choices stay on the first screen.
  for (const sel of ["#map", "#map2", "#slider", "#slider2", "#compare"]) {
    const b = await page.locator(sel).boundingBox();
    assert.ok(b.y >= 0 && b.y + b.height <= 1000 && b.x + b.width <= 1600, `${sel} at ${JSON.stringify(b)} in 1600x1000`);
  }
  assert.ok((await page.locator("#map").boundingBox()).width >= 400, "each map stays readable");
  await setSecondDay("1920-12-01");
  assert.equal(new URL(page.url()).hash, "#compare=1920-04-01,1920-12-01");
  const expected = differ("1920-04-01", "1920-12-01");
  assert.ok(expected.length > 3, `the days differ somewhere (${expected.length} pieces)`);
  assert.deepEqual(await listed(), expected);
  assert.ok(expected.length < (await page.locator("#map .piece").count()), "not every piece differs");
  // The second map shows the second day: its controllers are histmap state's for that day.
  const B = byPiece("1920-12-01");
  for (const id of expected.slice(0, 8))
    assert.equal(await page.locator(`#map2 [data-piece="${id}"]`).getAttribute("data-controller"), B.get(id).controller ?? "", id);
  // Captions name each map's day; each list entry gives both days' states and their assertions.
  assert.equal(await page.locator("#map-caption").textContent(), "1 April 1920");
  assert.equal(await page.locator("#map2-caption").textContent(), "1 December 1920");
  const first = page.locator("#compare-list > li").first();
  assert.match(await first.textContent(), /1 April 1920: .*1 December 1920: /s);
  const ids = await first.locator("li[data-assertion]").evaluateAll((ls) => ls.map((l) => l.dataset.assertion));
  const A = byPiece("1920-04-01"), id0 = (await first.getAttribute("data-pieces")).split(" ")[0];
  assert.deepEqual(new Set(ids), new Set([...A.get(id0).assertions, ...B.get(id0).assertions]));
  assert.match(await first.locator(".loc").first().textContent(), /^\[[\w-]+( \([^)]+\))?, .+\]$/, "source and locator");
  // An entry groups pieces of one uyezd that read the same on both days.
  for (const group of await page.locator("#compare-list > li").evaluateAll((ls) => ls.map((l) => l.dataset.pieces.split(" ")))) {
    const key = (id) => JSON.stringify([A.get(id).region, A.get(id).assertions, B.get(id).assertions]);
    for (const id of group) assert.equal(key(id), key(group[0]), `${id} grouped with ${group[0]}`);
  }
  // The map pair sits side by side on a desktop.
  const m1 = await page.locator("#map").boundingBox(), m2 = await page.locator("#map2").boundingBox();
  assert.ok(m2.x >= m1.x + m1.width - 1 && Math.abs(m2.y - m1.y) < 2, "side by side");
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(shots, "page-compare-desktop.png") });
});

test("the difference view marks exactly the differing pieces and fades the others", async () => {
  // Two days with some pieces unchanged in every set (with all sets loaded, 1919 and 1921 differ everywhere).
  await fresh("#compare=1921-01-10,1921-03-16");
  await page.getByRole("radio", { name: "Difference" }).click();
  assert.equal(new URL(page.url()).hash, "#compare=1921-01-10,1921-03-16&view=difference");
  assert.ok(await page.locator("#mapframe2").isHidden(), "one map in the difference view");
  const expected = differ("1921-01-10", "1921-03-16");
  assert.ok(expected.length > 0 && expected.length < 193, "some pieces change and some do not");
  assert.deepEqual(await marked(), expected);
  assert.deepEqual(await listed(), expected);
  const total = await page.locator("#map .piece").count();
  assert.equal(await page.locator("#map .piece.muted").count(), total - expected.length);
  assert.equal(await page.locator("#map .piece.changed").count(), expected.length);
  const opacity = (sel) => page.locator(sel).first().evaluate((g) => +getComputedStyle(g).opacity);
  assert.ok((await opacity("#map .piece.muted")) < 0.5 && (await opacity("#map .piece.changed")) === 1);
  // Moving the main slider keeps the mode and recomputes the marks.
  await page.locator("#slider").evaluate((s) => { s.value = Math.round(Date.UTC(1920, 6, 28) / 86400000); s.dispatchEvent(new Event("input")); });
  assert.equal(new URL(page.url()).hash, "#compare=1920-07-28,1921-03-16&view=difference");
  assert.deepEqual(await marked(), differ("1920-07-28", "1921-03-16"));
  await page.screenshot({ path: join(shots, "page-compare-difference.png") });
});

test("the address round-trips: a link opens the comparison, closing it returns to one day", async () => {
  await fresh("#compare=1918-12-01,1920-06-15&view=difference");
  assert.equal(await page.locator("#compare-toggle").getAttribute("aria-pressed"), "true");
  assert.ok(await page.getByRole("radio", { name: "Difference" }).isChecked());
  assert.equal(await page.locator("#date").textContent(), "1 December 1918");
  assert.equal(await page.locator("#slider2").getAttribute("aria-valuetext"), "15 June 1920");
  assert.deepEqual(await marked(), differ("1918-12-01", "1920-06-15"));
  await page.getByRole("radio", { name: "Side by side" }).click();
  assert.equal(new URL(page.url()).hash, "#compare=1918-12-01,1920-06-15");
  assert.deepEqual(await marked(), [], "no marks side by side");
  await page.evaluate(() => { location.hash = "#compare=1919-06-01,1920-12-01"; });
  await page.waitForFunction(() => document.getElementById("map2-caption").textContent === "1 December 1920");
  assert.deepEqual(await listed(), differ("1919-06-01", "1920-12-01"));
  await page.getByRole("button", { name: "Compare", exact: true }).click();
  assert.equal(new URL(page.url()).hash, "#1919-06-01");
  assert.ok(await page.locator("#mapframe2").isHidden());
  assert.ok(await page.locator("#compare-box").isHidden());
  // A second day outside the period is clamped, and the address says so once something moves.
  await fresh("#compare=1919-06-01,1930-01-01");
  assert.equal(await page.locator("#slider2").getAttribute("aria-valuetext"), await page.evaluate(() => {
    const D = window.HISTMAP_DATA, [y, m, d] = D.period[1].split("-").map(Number);
    return D.words.en["date.day"].replace("{d}", d).replace("{month_of}", D.words.en["month_of." + m]).replace("{y}", y);
  }));
});

test("keyboard: Tab reaches Compare, Enter opens it, the second slider moves with arrows", async () => {
  await fresh("#1920-04-01");
  await page.locator("#speed").focus();
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.id), "compare-toggle");
  await page.keyboard.press("Enter");
  assert.equal(await page.locator("#compare-toggle").getAttribute("aria-expanded"), "true");
  const slider2 = page.getByRole("slider", { name: "Second date" });
  await slider2.focus();
  const v = +(await slider2.inputValue()), date = await page.locator("#date").textContent();
  await page.keyboard.press("ArrowRight");
  assert.equal(+(await slider2.inputValue()), v + 1, "the second day moves");
  assert.equal(await page.locator("#date").textContent(), date, "the first day stays");
  assert.equal(await page.getByRole("radiogroup").count(), 2);
});

test("every language names the compare controls from its words table", async () => {
  const langs = await page.evaluate(() => Object.keys(window.HISTMAP_DATA.words));
  assert.equal(langs.length, 5);
  for (const lang of langs) {
    await fresh(`?lang=${lang}#compare=1919-06-01,1920-12-01`);
    const w = await page.evaluate((l) => window.HISTMAP_DATA.words[l], lang);
    for (const key of ["page.compare", "page.compare_side", "page.compare_difference", "page.compare_date2"]) assert.ok(w[key], key);
    assert.equal(await page.locator("#compare-toggle").textContent(), w["page.compare"]);
    assert.equal(await page.getByRole("radio", { name: w["page.compare_difference"] }).count(), 1, lang);
    assert.equal(await page.getByRole("slider", { name: w["page.compare_date2"] }).count(), 1, lang);
    if (lang !== "en") assert.notEqual(w["page.compare"], "Compare", `${lang} has its own word`);
  }
});

test("at phone size (420x900) both maps are visible one above the other, no sideways scrolling", async () => {
  await page.setViewportSize({ width: 420, height: 900 });
  await fresh("#compare=1920-04-01,1920-12-01");
  const width = await page.evaluate(() => document.documentElement.clientWidth);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth));
  const m1 = await page.locator("#map").boundingBox(), m2 = await page.locator("#map2").boundingBox();
  for (const m of [m1, m2]) {
    assert.ok(m.x >= -0.5 && m.x + m.width <= width + 0.5, `map within the width: ${m.x} + ${m.width} of ${width}`);
    assert.ok(m.width > width * 0.9 && m.height > 150, "a map of a usable size");
  }
  assert.ok(m2.y >= m1.y + m1.height - 1, "the second map is below the first");
  assert.ok(m2.y + m2.height <= 900, "both maps on the first screen");
  await page.screenshot({ path: join(shots, "page-compare-phone.png") });
  await page.setViewportSize({ width: 1600, height: 1000 });
});

// The source sets the shipped dataset has: folders under geodata/sets with a set.yaml.
const setsDir = join(dirname(fileURLToPath(import.meta.url)), "../../geodata/sets");
const shippedSets = readdirSync(setsDir).filter((d) => existsSync(join(setsDir, d, "set.yaml"))).sort();
const setIndex = (id) => page.evaluate((id) => window.HISTMAP_DATA.sets.findIndex((s) => s.id === id), id);

// Runs once the dataset loads its sets by default (each folder has its set.yaml).
test("two source sets on one day: the list and the marks are where histmap state --sources disagrees",
  { skip: shippedSets.length < 2 && "the dataset does not load source sets by default (no geodata/sets/*/set.yaml)" }, async () => {
  const onPage = await page.evaluate(() => (window.HISTMAP_DATA.sets || []).map((s) => s.id).sort());
  assert.deepEqual(onPage, shippedSets, "the page was built with every set");
  await fresh("#1920-12-01");
  await page.getByRole("button", { name: "Compare", exact: true }).click();
  await page.getByRole("radio", { name: "Two source sets" }).click();
  const [x, y] = [shippedSets[0], shippedSets[shippedSets.length - 1]];
  await page.getByRole("combobox", { name: "Set X" }).selectOption(String(await setIndex(x)));
  await page.getByRole("combobox", { name: "Set Y" }).selectOption(String(await setIndex(y)));
  assert.equal(new URL(page.url()).hash, `#sets=${x},${y}&date=1920-12-01`);
  const expected = differ("1920-12-01", "1920-12-01", x, y);
  assert.ok(expected.length > 0, "the sets disagree somewhere");
  assert.deepEqual(await listed(), expected);
  const title = (id) => page.evaluate((id) => window.HISTMAP_DATA.sets.find((s) => s.id === id).title.en, id);
  assert.equal(await page.locator("#map-caption").textContent(), await title(x));
  assert.equal(await page.locator("#map2-caption").textContent(), await title(y));
  // Each map draws its own set: controllers as histmap state --sources gives them.
  const X = byPiece("1920-12-01", x), Y = byPiece("1920-12-01", y);
  for (const id of expected.slice(0, 6)) {
    assert.equal(await page.locator(`#map [data-piece="${id}"]`).getAttribute("data-controller"), X.get(id).controller ?? "", id);
    assert.equal(await page.locator(`#map2 [data-piece="${id}"]`).getAttribute("data-controller"), Y.get(id).controller ?? "", id);
  }
  await page.getByRole("radio", { name: "Difference" }).click();
  assert.deepEqual(await marked(), expected);
  // A link opens the same comparison; another day recomputes it.
  await fresh(`#sets=${y},${x}&date=1919-06-01&view=difference`);
  assert.equal(await page.locator("#set-x").inputValue(), String(await setIndex(y)));
  assert.deepEqual(await marked(), differ("1919-06-01", "1919-06-01", y, x));
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(shots, "page-compare-sets.png") });
});
