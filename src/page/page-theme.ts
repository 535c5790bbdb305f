/**
 * Light or dark, as the page is under a piece of its text: the card takes its
 * theme from it, and the highlights their set of tints.
 */
export type CardTheme = 'light' | 'dark';

/** "rgb(1, 2, 3)", "rgba(1, 2, 3, 0.5)", "rgb(1 2 3 / 50%)" as red, green, blue (0–255) and alpha (0–1); null for other forms. */
export function parseColor(css: string): { r: number; g: number; b: number; a: number } | null {
  const m = /^rgba?\(\s*([\d.]+)[,\s]\s*([\d.]+)[,\s]\s*([\d.]+)\s*(?:[,/]\s*([\d.]+)(%?)\s*)?\)$/i.exec(css.trim());
  if (!m) return null;
  const a = m[4] === undefined ? 1 : Number(m[4]) / (m[5] ? 100 : 1);
  return { r: Number(m[1]), g: Number(m[2]), b: Number(m[3]), a };
}

/** WCAG relative luminance of an sRGB colour. */
export function luminance({ r, g, b }: { r: number; g: number; b: number }): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/**
 * Light or dark, as the page is under the mention: the first background colour
 * that is not transparent on the way up from the mention's element, dark where
 * black text would read worse on it than white; where the page paints none
 * (or in a form not read here), the reader's OS preference.
 */
export function pageTheme(anchor: { startContainer: Node }): CardTheme {
  const node = anchor.startContainer;
  const doc = node.ownerDocument ?? (node as Document);
  const win = doc.defaultView;
  let el: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
  try {
    for (; el && win; el = el.parentElement) {
      const c = parseColor(win.getComputedStyle(el).backgroundColor);
      if (c && c.a > 0) return luminance(c) < 0.179 ? 'dark' : 'light';
    }
  } catch {
    // A page that breaks getComputedStyle: fall back to the OS preference.
  }
  try {
    return win?.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  } catch {
    return 'light';
  }
}

