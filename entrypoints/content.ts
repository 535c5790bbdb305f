import { defineContentScript } from 'wxt/utils/define-content-script';

// PLACEHOLDER: the page side (src/page) replaces this.
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main() {
    document.documentElement.dataset.backstoryLoaded = '1';
  },
});
