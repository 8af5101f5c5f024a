import * as fs from 'fs';
import { runCommand } from './runCommand';
import { CHROMIUM_EXECUTABLE, REQUIRED_DEBIAN_PACKAGES } from './realVsCodeVersions';

/** Debian packages from the required list that dpkg does not report as installed. */
async function missingDebianPackages(): Promise<string[]> {
  const missing: string[] = [];
  for (const name of REQUIRED_DEBIAN_PACKAGES) {
    const status = await runCommand('dpkg-query', ['-W', '-f=${Status}', name], { capture: true }).catch(() => '');
    if (!status.includes('install ok installed')) missing.push(name);
  }
  return missing;
}

/**
 * Makes sure Chromium and the native build toolchain are present: installs them with apt-get when running as root,
 * otherwise fails with the exact command to run.
 */
export async function ensureSystemPackages(log: (line: string) => void): Promise<void> {
  if (!fs.existsSync('/usr/bin/dpkg-query')) {
    if (fs.existsSync(CHROMIUM_EXECUTABLE)) return; // not Debian: trust a pre-provisioned machine
    throw new Error(`No dpkg and no ${CHROMIUM_EXECUTABLE}: install Chromium, a C/C++ toolchain, python3 and the Kerberos headers.`);
  }
  const missing = await missingDebianPackages();
  if (missing.length === 0) return;
  const installLine = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) {
    throw new Error(`Missing Debian packages: ${missing.join(', ')}. Install them as root, then re-run:\n  sudo sh -c '${installLine}'`);
  }
  log(`Installing Debian packages: ${missing.join(' ')} (a few minutes)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await runCommand('apt-get', ['update'], { env, capture: true });
  await runCommand('apt-get', ['install', '-y', ...missing], { env, capture: true });
}
