import type { BarTone } from '../../core/timeline/barPlacement';
import type { TimelineLayout } from '../../core/timeline/timelineLayout';
import { axisLabels, AXIS_HEIGHT, gridLines } from './axisView';
import { svg, svgText } from './svgElements';
import type { TimelineGeometry } from './timelineGeometry';
import { rowDefinitions, rowElement, type Palette } from './timelineRows';
import { dateTimeText } from './timeText';
import { TONE_COLOURS, TONE_WORDS } from './toneStyle';

/** Rows an exported picture holds at most: beyond that it would be a poster, not a figure for a report. */
export const MAX_EXPORT_ROWS = 2000;
const TITLE_HEIGHT = 48;
const LEGEND_HEIGHT = 24;

/** The theme's colours now, for a picture that must look the same outside VS Code. */
export function currentPalette(): Palette {
  const style = getComputedStyle(document.body);
  const read = (name: string, fallback: string): string => style.getPropertyValue(name).trim() || fallback;
  const fallbacks: Record<BarTone, string> = { running: '#0e70c0', success: '#388a34', warning: '#bf8803', failed: '#e51400', stopped: '#8b8b8b', unknown: '#8b8b8b' };
  const tone = Object.fromEntries((Object.keys(TONE_COLOURS) as BarTone[]).map((t) => [t, read(TONE_COLOURS[t], fallbacks[t])])) as Record<BarTone, string>;
  return {
    tone,
    foreground: read('--vscode-foreground', '#333333'),
    muted: read('--vscode-descriptionForeground', '#717171'),
    grid: read('--vscode-editorRuler-foreground', read('--vscode-panel-border', '#80808059')),
    background: read('--vscode-editor-background', '#ffffff'),
  };
}

/**
 * The whole window as a standalone SVG document: title, axis, every row (up to MAX_EXPORT_ROWS), a legend, with the
 * theme's colours written in. Text goes in as text nodes and XMLSerializer escapes it, so server names stay text.
 */
export function timelineSvg(layout: TimelineLayout, g: TimelineGeometry, now: number, title: string): string {
  const palette = currentPalette();
  const rows = layout.rows.slice(0, MAX_EXPORT_ROWS);
  const top = TITLE_HEIGHT + AXIS_HEIGHT;
  const width = g.labelWidth + g.chartWidth + 8;
  const height = top + rows.length * g.rowHeight + LEGEND_HEIGHT + 8;
  const font = getComputedStyle(document.body).fontFamily || 'sans-serif';
  const picture = svg('svg', { xmlns: 'http://www.w3.org/2000/svg', width, height, viewBox: `0 0 ${width} ${height}`, 'font-family': font, 'font-size': 12 });
  picture.appendChild(rowDefinitions(g, palette));
  picture.appendChild(svg('rect', { x: 0, y: 0, width, height, fill: palette.background }));
  picture.appendChild(svgText(title, { x: 6, y: 18, 'font-size': 15, 'font-weight': 600, fill: palette.foreground }));
  const cut = layout.rows.length > rows.length ? ` (first ${rows.length} of ${layout.rows.length} rows)` : '';
  picture.appendChild(svgText(`${dateTimeText(g.window.start)} – ${dateTimeText(g.window.end)}${cut}`, { x: 6, y: 36, fill: palette.muted }));
  picture.appendChild(axisLabels(g, TITLE_HEIGHT, palette));
  picture.appendChild(gridLines(g, now, top, rows.length * g.rowHeight, palette));
  let sessionIndex = 0;
  rows.forEach((row, i) => {
    picture.appendChild(rowElement(row, top + i * g.rowHeight, g, row.kind === 'session' ? sessionIndex++ : -1, false, palette));
  });
  // The legend names each colour and glyph: the picture is read without the panel's labels.
  const legend = svg('g', {});
  let x = 6;
  const legendY = top + rows.length * g.rowHeight + 16;
  for (const tone of Object.keys(TONE_WORDS) as BarTone[]) {
    legend.appendChild(svg('rect', { x, y: legendY - 6, width: 12, height: 12, rx: 2, fill: palette.tone[tone] }));
    legend.appendChild(svgText(TONE_WORDS[tone], { x: x + 16, y: legendY, 'dominant-baseline': 'central', fill: palette.foreground }));
    x += 30 + TONE_WORDS[tone].length * 7;
  }
  picture.appendChild(legend);
  return new XMLSerializer().serializeToString(picture);
}

/** The SVG drawn onto a canvas, as a PNG data URL (twice the pixels, for sharp text in a report). */
export async function svgToPng(svgText: string, width: number, height: number): Promise<string> {
  const image = new Image();
  const loaded = new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error('The picture could not be drawn.'));
  });
  // A data: URL (the CSP allows data: images); UTF-8 text encoded by hand, btoa takes Latin-1 only.
  const bytes = new TextEncoder().encode(svgText);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  image.src = `data:image/svg+xml;base64,${btoa(binary)}`;
  await loaded;
  const canvas = document.createElement('canvas');
  canvas.width = width * 2;
  canvas.height = height * 2;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('The picture could not be drawn.');
  context.scale(2, 2);
  context.drawImage(image, 0, 0, width, height);
  return canvas.toDataURL('image/png');
}
