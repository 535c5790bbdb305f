/**
 * The card's stylesheet, applied inside its shadow root only. `all: initial`
 * on the host keeps inherited page styles (fonts, colours, line heights) out;
 * page selectors cannot reach into the shadow tree at all.
 *
 * The card is not the reader's page: user-select keeps its text out of a
 * select-all and so out of what the reader copies (tests/e2e/card-in-view).
 * --bs-room-width/--bs-room-height are the room beside the mention, set by
 * mount.tsx as it places the card: the card is never bigger than that room.
 * Custom properties inherit through the shadow boundary and `all` does not
 * reset them, so every one the card reads is declared on the card itself.
 */
export const CARD_CSS = `
:host { all: initial !important; -webkit-user-select: none !important; user-select: none !important; position: fixed !important; top: 0 !important; left: 0 !important; width: 0 !important; height: 0 !important; z-index: 2147483647 !important; display: block !important; }
/* overscroll-behavior: scrolling to the end of a cut card does not go on to scroll the page (and carry the mention away). */
.bs-card {
  --bs-room-width: calc(100vw - 16px); --bs-room-height: calc(100vh - 16px);
  --bs-bg: #ffffff; --bs-fg: #1d1f23; --bs-muted: #5d636e; --bs-line: #e3e5e9; --bs-edge: #b9bec7; --bs-accent: #2a5bd7; --bs-shadow: 0 6px 24px rgba(15, 20, 30, .22), 0 1px 3px rgba(15, 20, 30, .16);
  position: fixed; top: 0; left: 0; box-sizing: border-box; width: max-content; max-width: min(360px, var(--bs-room-width));
  max-height: min(480px, var(--bs-room-height)); overflow: auto; overscroll-behavior: contain; -webkit-user-select: none; user-select: none; padding: 12px 14px; border-radius: 10px;
  background: var(--bs-bg); color: var(--bs-fg); border: 1px solid var(--bs-edge); box-shadow: var(--bs-shadow);
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK JP", "Hiragino Sans", sans-serif;
  text-align: left; letter-spacing: normal; word-break: normal; overflow-wrap: anywhere; direction: ltr; pointer-events: auto;
}
@media (prefers-color-scheme: dark) {
  .bs-card { --bs-bg: #1f2228; --bs-fg: #e8eaed; --bs-muted: #a3a9b4; --bs-line: #3a3f48; --bs-edge: #5b6270; --bs-accent: #8ab4f8; --bs-shadow: 0 0 0 1px rgba(255, 255, 255, .06), 0 8px 28px rgba(0, 0, 0, .6); }
}
/* The page's own colours under the mention decide (mount.tsx); the OS preference above is the fallback. The edge
   contrasts with the page in both: a darker rim and shadow on a light page, a lighter rim and halo on a dark one. */
.bs-card[data-theme="light"] { --bs-bg: #ffffff; --bs-fg: #1d1f23; --bs-muted: #5d636e; --bs-line: #e3e5e9; --bs-edge: #b9bec7; --bs-accent: #2a5bd7; --bs-shadow: 0 6px 24px rgba(15, 20, 30, .22), 0 1px 3px rgba(15, 20, 30, .16); }
.bs-card[data-theme="dark"] { --bs-bg: #23262d; --bs-fg: #e8eaed; --bs-muted: #a3a9b4; --bs-line: #3a3f48; --bs-edge: #5b6270; --bs-accent: #8ab4f8; --bs-shadow: 0 0 0 1px rgba(255, 255, 255, .06), 0 8px 28px rgba(0, 0, 0, .6); }
.bs-card * { box-sizing: border-box; margin: 0; padding: 0; font: inherit; color: inherit; }
.bs-head { display: flex; align-items: flex-start; gap: 8px; }
.bs-flag { font-size: 22px; line-height: 1.1; }
.bs-titles { flex: 1; min-width: 0; }
.bs-name { font-size: 15px; font-weight: 650; line-height: 1.3; }
.bs-native, .bs-sub { color: var(--bs-muted); font-size: 12px; }
.bs-close { flex: none; border: 0; background: transparent; cursor: pointer; font-size: 18px; line-height: 1; width: 24px; height: 24px; border-radius: 6px; color: var(--bs-muted); }
.bs-close:hover, .bs-close:focus-visible { background: var(--bs-line); color: var(--bs-fg); outline: none; }
.bs-role { margin-top: 8px; font-weight: 600; }
.bs-term, .bs-now, .bs-asof { color: var(--bs-muted); font-size: 12px; }
.bs-now { margin-top: 2px; }
.bs-facts { margin-top: 8px; display: grid; grid-template-columns: auto 1fr; gap: 2px 10px; }
.bs-facts dt { color: var(--bs-muted); }
.bs-summary { margin-top: 8px; }
.bs-events { margin-top: 10px; border-top: 1px solid var(--bs-line); padding-top: 8px; }
.bs-events h3 { font-size: 12px; font-weight: 600; color: var(--bs-muted); text-transform: none; }
.bs-events h4 { margin-top: 6px; font-size: 11px; font-weight: 600; color: var(--bs-muted); }
.bs-events ul { list-style: none; margin-top: 2px; }
.bs-events li { margin-top: 4px; }
.bs-events time { color: var(--bs-muted); font-size: 12px; margin-right: 6px; white-space: nowrap; }
/* One line of summary under each event; the whole of it is in the item's tooltip. */
.bs-ev-summary { color: var(--bs-muted); font-size: 12px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; overflow-wrap: normal; }
.bs-foot { margin-top: 10px; display: flex; justify-content: space-between; align-items: baseline; gap: 10px; font-size: 12px; color: var(--bs-muted); }
/* The link keeps its word whole; the line saying why the name matched wraps instead. */
.bs-foot a { flex: none; white-space: nowrap; }
.bs-why { font-style: italic; }
.bs-card a { color: var(--bs-accent); text-decoration: underline; text-underline-offset: 2px; cursor: pointer; }
.bs-card a:focus-visible { outline: 2px solid var(--bs-accent); outline-offset: 2px; }
.bs-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
