import * as vscode from 'vscode';
import type { TlsTrust } from '../../core/model/serverConfig';
import { loadProtocol } from '../protocolLoader';

const PROBE_TIMEOUT_MS = 10_000;

/**
 * The server presented a certificate the system does not trust: shows who it claims to be and its SHA-256
 * fingerprint, and lets the user pin it for this server only, or pick a CA file. Resolves undefined on Cancel.
 */
export async function askCertificateTrust(url: string, log: vscode.LogOutputChannel): Promise<TlsTrust | undefined> {
  const { probeCertificate } = await loadProtocol();
  let info;
  try {
    info = await probeCertificate(url, { timeoutMs: PROBE_TIMEOUT_MS });
  } catch (e) {
    log.warn(`certificate probe of ${url} failed: ${e instanceof Error ? e.message : String(e)}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not read the certificate of {0}.', url));
    return undefined;
  }
  const detail = [
    vscode.l10n.t('Subject: {0}', info.subject),
    vscode.l10n.t('Issuer: {0}', info.issuer),
    vscode.l10n.t('Valid: {0} – {1}', info.validFrom, info.validTo),
    info.subjectAltName ? vscode.l10n.t('Names: {0}', info.subjectAltName) : undefined,
    vscode.l10n.t('SHA-256 fingerprint: {0}', info.fingerprint256),
    info.authorizationError ? vscode.l10n.t('Reason: {0}', info.authorizationError) : undefined,
    '',
    vscode.l10n.t('Compare the fingerprint with the one shown on the server before trusting it. Trust applies to this server only.'),
  ]
    .filter((line) => line !== undefined)
    .join('\n');
  const trust = vscode.l10n.t('Trust This Certificate');
  const useCa = vscode.l10n.t('Use CA File…');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('The certificate of {0} is not trusted.', url),
    { modal: true, detail },
    trust,
    useCa,
  );
  if (choice === trust) return { mode: 'fingerprint', sha256: info.fingerprint256 };
  if (choice === useCa) return pickCaFile();
  return undefined;
}

/** A PEM file the user picks; its content is kept in the server's trust setting (certificates are public). */
export async function pickCaFile(): Promise<TlsTrust | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    openLabel: vscode.l10n.t('Use as CA'),
    filters: { [vscode.l10n.t('Certificates')]: ['pem', 'crt', 'cer'] },
  });
  if (!picked?.[0]) return undefined;
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(picked[0]));
  if (!text.includes('-----BEGIN CERTIFICATE-----')) {
    void vscode.window.showErrorMessage(vscode.l10n.t('That file holds no PEM certificate.'));
    return undefined;
  }
  return { mode: 'ca', caPem: text };
}
