// Bundles the extension host code, the CLI and the webview page script.
// Usage: node esbuild.js [--production] [--watch] [--outdir=DIR]
const path = require('path');
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
// Tests build a bundle elsewhere (the production one included) without touching dist/.
const outdir = process.argv.find((arg) => arg.startsWith('--outdir='))?.slice('--outdir='.length) ?? 'dist';

/** Prints errors in the format VS Code's esbuild problem matcher understands. */
const problemMatcherPlugin = {
  name: 'problem-matcher',
  setup(build) {
    if (!watch) return;
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

// The extension bundle loads the network and XML layers (undici's pool, fast-xml-parser: ~400 KB) lazily, on first
// use, from their own bundle: activation stays cheap. `src/vscode/protocolLoader.ts` is the only importer.
const lazyProtocolPlugin = {
  name: 'lazy-protocol',
  setup(build) {
    build.onResolve({ filter: /\/core\/protocol$/ }, () => ({ path: './protocol.js', external: true }));
  },
};

// Parts of undici no request of ours can reach, left out of the bundle (~125 KB of the 600 KB budget): the non-SIMD
// build of its HTTP parser (a fallback for WebAssembly without SIMD, which every Node and Electron that runs VS Code
// has), the fetch body machinery it loads only for FormData request bodies (ours are strings) and the HTTP/2 client
// (our pools never offer h2). Each is replaced by a module that throws a plain message, should the impossible happen.
const UNDICI_LEFT_OUT = {
  'llhttp-wasm.js': "undici's non-SIMD HTTP parser is not shipped with this extension (WebAssembly SIMD is required; unset UNDICI_NO_WASM_SIMD)",
  'body.js': 'FormData request bodies are not supported by this extension',
  'client-h2.js': 'HTTP/2 is not supported by this extension',
};
// client.js loads the HTTP/2 client at start-up and calls it only for an h2 connection: its stand-in throws when called.
const CALLED_LATER = new Set(['client-h2.js']);
const undiciTrimPlugin = {
  name: 'undici-trim',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\/(llhttp\/llhttp-wasm|web\/fetch\/body|client-h2)\.js$/ }, (args) =>
      /node_modules[\\/]undici[\\/]lib[\\/]dispatcher$/.test(args.resolveDir) ? { path: path.basename(args.path), namespace: 'undici-left-out' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'undici-left-out' }, (args) => {
      const fail = `throw Object.assign(new Error(${JSON.stringify(UNDICI_LEFT_OUT[args.path])}), { code: 'VEEAM_NOT_SHIPPED' });`;
      return { contents: CALLED_LATER.has(args.path) ? `module.exports = function () { ${fail} };` : fail, loader: 'js' };
    });
  },
};

const node = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  plugins: [problemMatcherPlugin],
  // activate() hands its internals (which reach the stored passwords) to extension-host tests only: the production
  // bundle, the one the .vsix ships, does not even contain that code (src/extension.ts).
  define: { VEEAM_TEST_BUILD: production ? 'false' : 'true' },
};

const configs = [
  {
    ...node,
    entryPoints: ['src/extension.ts'],
    outfile: path.join(outdir, 'extension.js'),
    external: ['vscode'],
    plugins: [...node.plugins, lazyProtocolPlugin],
  },
  { ...node, entryPoints: ['src/core/protocol.ts'], outfile: path.join(outdir, 'protocol.js'), plugins: [...node.plugins, undiciTrimPlugin] },
  // The CLI shares dist/protocol.js too: shipping undici and fast-xml-parser twice would double the package.
  { ...node, entryPoints: ['src/cli/cli.ts'], outfile: path.join(outdir, 'cli.js'), plugins: [...node.plugins, lazyProtocolPlugin] },
  {
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    logLevel: 'warning',
    plugins: [problemMatcherPlugin],
    entryPoints: ['src/webview/main.ts'],
    outfile: path.join(outdir, 'webview', 'main.js'),
  },
];
// The Restore Activity page: its own bundle, so neither page loads the other's code.
configs.push({ ...configs[configs.length - 1], entryPoints: ['src/webview/timeline/main.ts'], outfile: path.join(outdir, 'webview', 'timeline.js') });

async function main() {
  const contexts = await Promise.all(configs.map((c) => esbuild.context(c)));
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
