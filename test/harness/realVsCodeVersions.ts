/**
 * The one place where the offline "real VS Code" toolchain is pinned. Changing a value here re-runs the installer
 * (its marker file records these values).
 */
export const REAL_VSCODE_VERSIONS = {
  /** code-server 4.139.1 ships the VS Code 1.139.1 workbench and extension host. */
  codeServer: '4.139.1',
  /** code-server's postinstall accepts only Node 24; this npm package carries the official Linux x64 build. */
  nodeLinuxX64: '24.21.0',
} as const;

/** Debian packages the harness needs: a headless browser and the toolchain for code-server's native modules. */
export const REQUIRED_DEBIAN_PACKAGES = ['chromium', 'build-essential', 'python3', 'libkrb5-dev'] as const;

export const CHROMIUM_EXECUTABLE = '/usr/bin/chromium';
