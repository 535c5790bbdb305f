import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'src/generated/', 'test-results/', 'bench/.scratch/', '.stryker-tmp/', 'reports/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The extension speaks through an imported `browser` (wxt/browser, or webextension-polyfill outside the content script); only tests script chrome.* inside the browser.
    files: ['src/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-globals': ['error', { name: 'chrome', message: "Import { browser } from 'wxt/browser' in entrypoints/ or src/platform/." }],
    },
  },
  {
    // The content script runs on every page load, and the polyfill's set-up alone cost ~4 ms of it; the browsers' own promise API is enough.
    files: ['entrypoints/backstory.ts', 'src/platform/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'webextension-polyfill', message: "The content script and the platform modules it shares use { browser } from 'wxt/browser', not the polyfill." }] }],
    },
  },
  {
    // browser.* belongs to the glue: entrypoints/ and src/platform/ only; and the pure rooms share their vocabulary through src/vocabulary.ts, never through src/platform/.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/platform/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'webextension-polyfill', message: 'Only entrypoints/ and src/platform/ touch the browser API.' }, { name: 'wxt/browser', message: 'Only entrypoints/ and src/platform/ touch the browser API.' }],
        patterns: [{ group: ['**/platform', '**/platform/**'], message: 'Matching, knowledge, page and UI code take shared types from src/vocabulary.ts, never from src/platform/ (the browser layer).' }],
      }],
    },
  },
  {
    // The shared vocabulary imports nothing (other rooms' types are named inline), so any room can depend on it.
    files: ['src/vocabulary.ts'],
    rules: {
      'no-restricted-syntax': ['error', { selector: 'ImportDeclaration', message: 'src/vocabulary.ts imports nothing: name another room\'s type inline with import(\'…\').' }],
    },
  },
);
