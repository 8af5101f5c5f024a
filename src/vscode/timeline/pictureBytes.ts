import type { ExportFormat } from '../../shared/timelineProtocol';

const PNG_DATA_URL = 'data:image/png;base64,';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * The file bytes of a picture the page exported; undefined when it is not what it claims (an SVG document, a PNG
 * data URL whose bytes start with the PNG signature): nothing else is written under a .svg or .png name.
 */
export function exportBytes(format: ExportFormat, data: string): Uint8Array | undefined {
  if (format === 'svg') return /^\s*<svg[\s>]/.test(data) ? new TextEncoder().encode(data) : undefined;
  if (!data.startsWith(PNG_DATA_URL)) return undefined;
  const bytes = Buffer.from(data.slice(PNG_DATA_URL.length), 'base64');
  return bytes.subarray(0, 8).equals(PNG_SIGNATURE) ? new Uint8Array(bytes) : undefined;
}
