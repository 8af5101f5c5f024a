/**
 * The one place where the offline "real VS Code" toolchains are pinned. Changing a value here re-runs that
 * toolchain's installer (its marker file records these values).
 */
export interface RealVsCodeToolchain {
  /** The VS Code release the code-server build ships (workbench and extension host). */
  vscode: string;
  codeServer: string;
  /** The Node whose major code-server's postinstall demands; this npm package carries the official Linux x64 build. */
  nodeLinuxX64: string;
  /** File in .vscode-test/ recording what was installed. */
  installMarker: string;
}

/** code-server 4.139.1 ships the VS Code 1.139.1 workbench and extension host; its postinstall accepts only Node 24. */
export const REAL_VSCODE_VERSIONS: RealVsCodeToolchain = {
  vscode: '1.139.1',
  codeServer: '4.139.1',
  nodeLinuxX64: '24.21.0',
  installMarker: 'real-vscode-install.json',
};

/**
 * The oldest VS Code the manifest accepts (`engines.vscode` in package.json must name this one): code-server 4.96.4,
 * the oldest code-server on npm at or above VS Code 1.95, ships VS Code 1.96.4; its postinstall accepts only Node 20.
 * The extension-host suite runs on it too.
 */
export const OLDEST_VSCODE_VERSIONS: RealVsCodeToolchain = {
  vscode: '1.96.4',
  codeServer: '4.96.4',
  nodeLinuxX64: '20.20.2',
  installMarker: 'real-vscode-install-4.96.4.json',
};

/** Debian packages the harness needs: a headless browser, the toolchain for code-server's native modules, and rg. */
export const REQUIRED_DEBIAN_PACKAGES = ['chromium', 'build-essential', 'python3', 'libkrb5-dev', 'ripgrep'] as const;

/** From the Debian package ripgrep: the rg that older code-server builds would download from GitHub. */
export const RIPGREP_EXECUTABLE = '/usr/bin/rg';

export const CHROMIUM_EXECUTABLE = '/usr/bin/chromium';
