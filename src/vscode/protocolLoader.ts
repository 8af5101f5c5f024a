import type * as Protocol from '../core/protocol';

/**
 * The only door to the heavy protocol layer (undici, fast-xml-parser). esbuild rewrites this module path to
 * `./protocol.js`, a bundle of its own, so activation does not pay for it.
 *
 * `require` rather than `import()`: under TypeScript's node16 resolution a dynamic import needs a `.js`
 * extension (which the esbuild rewrite does not match), and in the CommonJS test build `import()` would go
 * through Node's ESM loader. `require` behaves the same in both builds.
 */
export function loadProtocol(): Promise<typeof Protocol> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return Promise.resolve().then(() => require('../core/protocol') as typeof Protocol);
}
