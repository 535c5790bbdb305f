import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'src/generated/', 'test-results/', 'bench/.scratch/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The extension speaks through webextension-polyfill; only tests script chrome.* inside the browser.
    files: ['src/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-globals': ['error', { name: 'chrome', message: 'Use webextension-polyfill (browser) in entrypoints/ or src/platform/.' }],
    },
  },
  {
    // browser.* belongs to the glue: entrypoints/ and src/platform/ only.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/platform/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'webextension-polyfill', message: 'Only entrypoints/ and src/platform/ touch the browser API.' }, { name: 'wxt/browser', message: 'Only entrypoints/ and src/platform/ touch the browser API.' }] }],
    },
  },
);
