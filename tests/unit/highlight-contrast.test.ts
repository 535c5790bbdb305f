/**
 * The tints in assets/public/highlight.css stand out from the page by at
 * least 1.3:1 (WCAG contrast of the tinted background against the page's),
 * the light set on white and tinted light pages, the dark set on dark ones.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { luminance, parseColor } from '../../src/page/page-theme';
import { MENTION_KINDS } from '../../src/vocabulary';

const css = readFileSync(join(__dirname, '../../assets/public/highlight.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');

function tints(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [, selectors, body] of css.matchAll(/([^{}]+)\{([^}]*)\}/g)) {
    const colour = /background-color:\s*([^;]+);?/.exec(body!)?.[1]?.trim();
    for (const [, name] of selectors!.matchAll(/::highlight\(([\w-]+)\)/g)) out[name!] = colour!;
  }
  return out;
}

function over(fg: { r: number; g: number; b: number; a: number }, bg: { r: number; g: number; b: number }) {
  return { r: fg.a * fg.r + (1 - fg.a) * bg.r, g: fg.a * fg.g + (1 - fg.a) * bg.g, b: fg.a * fg.b + (1 - fg.a) * bg.b };
}

function contrast(a: { r: number; g: number; b: number }, b: { r: number; g: number; b: number }): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const LIGHT_PAGES = { white: { r: 255, g: 255, b: 255 }, cream: { r: 244, g: 239, b: 230 }, grey: { r: 238, g: 238, b: 238 } };
const DARK_PAGES = { black: { r: 0, g: 0, b: 0 }, charcoal: { r: 18, g: 18, b: 18 }, slate: { r: 30, g: 32, b: 36 }, navy: { r: 16, g: 24, b: 40 } };

describe('highlight tints stand out from the page', () => {
  const t = tints();
  test.each(MENTION_KINDS)('%s: 1.3:1 or more on light pages (light set) and dark pages (dark set)', (kind) => {
    const light = parseColor(t[`backstory-${kind}`] ?? '');
    const dark = parseColor(t[`backstory-${kind}-dark`] ?? '');
    expect(light, `light tint of ${kind}`).not.toBeNull();
    expect(dark, `dark tint of ${kind}`).not.toBeNull();
    for (const [page, bg] of Object.entries(LIGHT_PAGES)) expect(contrast(over(light!, bg), bg), `${kind} on ${page}`).toBeGreaterThanOrEqual(1.3);
    for (const [page, bg] of Object.entries(DARK_PAGES)) expect(contrast(over(dark!, bg), bg), `${kind} on ${page}`).toBeGreaterThanOrEqual(1.3);
  });
});

describe('the tints for shadow roots', () => {
  test('HIGHLIGHT_CSS (adopted into shadow roots) has the same rules as highlight.css', async () => {
    const { HIGHLIGHT_CSS } = await import('../../src/page/highlight-css');
    const rules = (text: string) => {
      const out: Record<string, string> = {};
      for (const [, selectors, body] of text.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([^{}]+)\{([^}]*)\}/g)) {
        const colour = /background-color:\s*([^;]+);?/.exec(body!)?.[1]?.trim();
        for (const [, name] of selectors!.matchAll(/::highlight\(([\w-]+)\)/g)) out[name!] = colour!.replace(/\s+/g, '');
      }
      return out;
    };
    const fromCss = rules(css.replace(/\/\*[\s\S]*?\*\//g, ''));
    expect(Object.keys(fromCss).length).toBe(10);
    expect(rules(HIGHLIGHT_CSS)).toEqual(fromCss);
  });
});
