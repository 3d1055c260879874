// What every browser journey checks on each page it reaches: axe-core finds no serious or critical
// violation and nothing is wider than the screen. Plus the keyboard helpers the journeys use to
// prove a path works without a mouse, and the screenshots they leave for the README.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Where the journeys save their screenshots (not committed; README pictures are copied from here). */
export const SHOTS = path.resolve(import.meta.dirname, 'screenshots');

type AxeResult = { violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: string[]; failureSummary?: string }> }> };

/**
 * What axe and the layout check found on the page now ([] when nothing). axe is injected as a
 * script, so the page's context needs `bypassCSP: true` (the app's CSP allows only its own scripts).
 */
export async function check(page: Page, where: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
  await settled(page);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: Document, o: object) => Promise<AxeResult> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  const problems = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${where}: axe ${v.id} (${v.impact}) on ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} (${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 200)})`).join(' | ')}`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  if (overflow > 0) problems.push(`${where}: the page is ${overflow}px wider than the screen`);
  return problems;
}

/**
 * Waits until no transition or finite animation is running, so axe reads the colours a person
 * sees and not a frame between two (a button turning from amber to red as its label changes;
 * reduced motion shortens transitions but a style change still starts one). Looping animations
 * (a live dot) are left alone; gives up after two seconds.
 */
async function settled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    const deadline = performance.now() + 2000;
    await frame();
    while (performance.now() < deadline) {
      const running = document.getAnimations().filter((a) => a.playState === 'running' && Number.isFinite(a.effect?.getComputedTiming().endTime ?? Infinity));
      if (running.length === 0) break;
      await Promise.race([Promise.all(running.map((a) => a.finished.catch(() => undefined))), new Promise((resolve) => setTimeout(resolve, 250))]);
      await frame();
    }
  });
}

/** Saves a screenshot of the page as `name`.png under SHOTS. */
export async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage });
}

/**
 * Presses Tab (Shift+Tab with `back`) until `target` has the keyboard focus, as someone without a
 * mouse would, and checks that the focus is visible there (an outline or a focus ring).
 */
export async function tabTo(page: Page, target: Locator, { back = false, max = 80 } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) {
      const visible = await target.evaluate((el) => {
        const s = getComputedStyle(el);
        return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
      });
      if (!visible) throw new Error(`the keyboard focus on ${String(target)} is not visible`);
      return;
    }
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  const focused = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 160));
  throw new Error(`${max} presses of Tab did not reach ${String(target)}; the focus is on ${focused}`);
}
