import { existsSync } from 'node:fs';
import { defineConfig } from 'wxt';

// `npm run dev` opens these browsers; Debian names its builds chromium and firefox-esr, which the runner would not find alone.
const chromium = process.env['CHROME_PATH'] ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const firefox = process.env['FIREFOX_PATH'] ?? ['/usr/bin/firefox-esr'].find((p) => existsSync(p));

// The bench's growth runs (bench/knowledge-growth.ts) build with other knowledge: BACKSTORY_GENERATED_DIR holds its
// knowledge.json and match-index.json (in place of src/generated), BACKSTORY_OUT_DIR takes the build (in place of .output).
const generatedDir = process.env['BACKSTORY_GENERATED_DIR'];

// See README "Permissions" for why each permission is needed.
export default defineConfig({
  srcDir: '.',
  ...(process.env['BACKSTORY_OUT_DIR'] ? { outDir: process.env['BACKSTORY_OUT_DIR'] } : {}),
  entrypointsDir: 'entrypoints',
  publicDir: 'assets/public',
  modules: [],
  imports: false,
  webExt: {
    binaries: { ...(chromium ? { chrome: chromium } : {}), ...(firefox ? { firefox } : {}) },
    // Chromium refuses to start its sandbox as root (containers, CI boxes).
    ...(process.getuid?.() === 0 ? { chromiumArgs: ['--no-sandbox'] } : {}),
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // scripting (Chromium only, no install warning): the card's code is added to a frame on its first card
    // (entrypoints/card.ts) rather than loaded by every page; Firefox's MV2 tabs.executeScript needs no permission.
    permissions: browser === 'firefox' ? ['storage'] : ['storage', 'scripting'],
    // The same sites the content script already runs on (so no new install warning): lets the popup read
    // the active tab's URL, to tell a web page whose script has not loaded from a page no extension may touch.
    host_permissions: ['http://*/*', 'https://*/*'],
    action: { default_title: '__MSG_extName__' },
    // The content script is entrypoints/backstory.ts, an unlisted script (see there why), declared here.
    content_scripts: [
      { matches: ['http://*/*', 'https://*/*'], js: ['backstory.js'], css: ['highlight.css'], run_at: 'document_idle' },
    ],
    // Keyboard access to the marks (entrypoints/background.ts relays them to the tab); suggested keys only:
    // the reader can rebind them (chrome://extensions/shortcuts, Firefox's add-on shortcut settings). No permission.
    commands: {
      'next-mention': { suggested_key: { default: 'Alt+Shift+Period' }, description: '__MSG_command_next_mention__' },
      'previous-mention': { suggested_key: { default: 'Alt+Shift+Comma' }, description: '__MSG_command_previous_mention__' },
    },
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'backstory@backstory.invalid',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    json: { stringify: true },
    ...(generatedDir
      ? { resolve: { alias: [{ find: /^(?:\.\.\/)+src\/generated\/(knowledge|match-index)\.json$/, replacement: `${generatedDir}/$1.json` }] } }
      : {}),
  }),
});
