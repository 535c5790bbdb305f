/** happy-dom lacks the CSS Custom Highlight API: a Map-backed stand-in, installed on the window as `Highlight` and `CSS.highlights`. */
type Win = Window & typeof globalThis;

export class FakeHighlight extends Set<AbstractRange> {}
export type FakeRegistry = Map<string, FakeHighlight>;

/** Installs the stand-in (with `registry`, or a new one) and returns the registry. */
export function installHighlights(win: Win, registry: FakeRegistry = new Map()): FakeRegistry {
  (win as unknown as { Highlight: unknown }).Highlight = FakeHighlight;
  (win as unknown as { CSS: unknown }).CSS = { highlights: registry };
  return registry;
}

export function removeHighlights(win: Win): void {
  delete (win as unknown as { Highlight?: unknown }).Highlight;
  delete (win as unknown as { CSS?: unknown }).CSS;
}
