import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { askBackground, askTab, serve, type BackgroundProtocol, type TabProtocol } from '../../src/platform/messages';

type Listener = (msg: unknown, sender: unknown, sendResponse: (reply: unknown) => void) => unknown;

const PORT_CLOSED = 'The message port closed before a response was received.';

/**
 * One-time messaging as Chromium delivers it natively. The fake browser
 * resolves with whatever a listener returns, so it would accept a listener
 * that returns a Promise; Chromium keeps the channel open only for a listener
 * that returns exactly `true`, and answers only through sendResponse.
 */
function chromiumDeliver(listeners: readonly Listener[], msg: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let answered = false;
    let open = false;
    const sendResponse = (reply: unknown) => {
      if (answered) return;
      answered = true;
      resolve(reply);
    };
    for (const listener of listeners) {
      if (listener(msg, { id: fakeBrowser.runtime.id }, sendResponse) === true) open = true;
    }
    if (!answered && !open) reject(new Error(PORT_CLOSED));
  });
}

let listeners: Listener[] = [];

beforeEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
  listeners = [];
  vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener').mockImplementation((l) => {
    listeners.push(l as Listener);
  });
  vi.spyOn(fakeBrowser.runtime.onMessage, 'removeListener').mockImplementation((l) => {
    listeners = listeners.filter((x) => x !== l);
  });
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((msg: unknown) => chromiumDeliver(listeners, msg)) as never);
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(((_tab: number, msg: unknown) => chromiumDeliver(listeners, msg)) as never);
});

afterEach(() => {
  vi.restoreAllMocks();
});

function only(): Listener {
  expect(listeners).toHaveLength(1);
  return listeners[0]!;
}

/** Lets pending promise callbacks (the listener's reply) run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
  await new Promise((r) => setTimeout(r, 0));
}

describe('the Chromium delivery model used below', () => {
  test('refuses a listener that answers by returning a Promise', async () => {
    const promising: Listener = async () => 'answer';
    await expect(chromiumDeliver([promising], { type: 'card' })).rejects.toThrow(PORT_CLOSED);
  });
});

describe('serve() as runtime.onMessage sees it', () => {
  test('a synchronous answer reaches the asker through sendResponse', async () => {
    serve<Pick<TabProtocol, 'reveal'>>({ reveal: ({ entity }) => entity === 'Wang Yi' });
    await expect(askTab(7, 'reveal', { entity: 'Wang Yi' })).resolves.toBe(true);
    await expect(askTab(7, 'reveal', { entity: 'Nobody' })).resolves.toBe(false);
  });

  test('an asynchronous answer reaches the asker through sendResponse', async () => {
    const summary = { url: 'https://example.com/', date: '2020-01-01', dateSource: 'meta' as const, entities: [] };
    serve<Pick<TabProtocol, 'summary'>>({ summary: async () => summary });
    await expect(askTab(7, 'summary', {})).resolves.toEqual(summary);
  });

  test('the background protocol round-trips the same way', async () => {
    serve<Pick<BackgroundProtocol, 'search'>>({
      search: (m) => [{ id: m.query, kind: 'person', name: m.query, flag: '', detail: m.date }],
    });
    await expect(askBackground('search', { query: 'wang', date: '2020-01-01' })).resolves.toEqual([
      { id: 'wang', kind: 'person', name: 'wang', flag: '', detail: '2020-01-01' },
    ]);
  });

  test('a handled message keeps the channel open with exactly true, never a Promise', () => {
    serve<Pick<TabProtocol, 'summary'>>({ summary: () => new Promise(() => undefined) });
    const returned = only()({ type: 'summary' }, {}, () => undefined);
    expect(returned).toBe(true);
  });

  test.each([
    ['another type', { type: 'other' }],
    ['an inherited name', { type: 'toString' }],
    ['no type', { entity: 'x' }],
    ['a non-string type', { type: 7 }],
    ['a string', 'summary'],
    ['null', null],
    ['undefined', undefined],
  ])('%s is left to other listeners, with no reply and no open channel', async (_name, msg) => {
    const handler = vi.fn(() => true);
    serve<Pick<TabProtocol, 'reveal'>>({ reveal: handler });
    const sendResponse = vi.fn();
    const returned = only()(msg, {}, sendResponse);
    expect(returned === true || returned instanceof Promise).toBe(false);
    await settle();
    expect(handler).not.toHaveBeenCalled();
    expect(sendResponse).not.toHaveBeenCalled();
  });

  test('a handler that throws gives a rejected reply at once, and nothing is thrown', async () => {
    serve<Pick<TabProtocol, 'reveal'>>({
      reveal: () => {
        throw new Error('boom');
      },
    });
    const sendResponse = vi.fn();
    expect(() => only()({ type: 'reveal', entity: 'x' }, {}, sendResponse)).not.toThrow();
    await settle();
    expect(sendResponse).not.toHaveBeenCalled();
    await expect(askTab(7, 'reveal', { entity: 'x' })).rejects.toThrow(PORT_CLOSED);
  });

  test('a handler that rejects sends no reply and leaves no unhandled rejection', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      serve<Pick<TabProtocol, 'summary'>>({ summary: () => Promise.reject(new Error('boom')) });
      const sendResponse = vi.fn();
      expect(only()({ type: 'summary' }, {}, sendResponse)).toBe(true);
      await settle();
      expect(sendResponse).not.toHaveBeenCalled();
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });

  test('a reply to an asker that has gone away is dropped quietly', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      serve<Pick<TabProtocol, 'reveal'>>({ reveal: () => true });
      const sendResponse = vi.fn(() => {
        throw new Error('Attempting to use a disconnected port object');
      });
      expect(only()({ type: 'reveal', entity: 'x' }, {}, sendResponse)).toBe(true);
      await settle();
      expect(sendResponse).toHaveBeenCalledWith(true);
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });

  test('unsubscribing removes the listener', async () => {
    const stop = serve<Pick<TabProtocol, 'reveal'>>({ reveal: () => true });
    expect(listeners).toHaveLength(1);
    stop();
    expect(listeners).toHaveLength(0);
    await expect(askTab(7, 'reveal', { entity: 'x' })).rejects.toThrow(PORT_CLOSED);
  });
});
