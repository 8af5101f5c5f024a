import type { TimelineSummary } from '../../core/timeline/timelineStats';
import { h } from '../elements';
import { svg } from './svgElements';
import { formatDuration } from '../../shared/duration';

function figure(label: string, value: number, testId: string, tone?: string): HTMLElement {
  return h('div', { className: 'tl-figure', testId, attrs: tone ? { 'data-tone': tone } : {} }, h('span', { className: 'tl-figure-value' }, String(value)), h('span', { className: 'tl-figure-label' }, label));
}

/** A bar per bucket, scaled to the largest; its words (for screen readers) list every bucket. */
function sparkline(summary: TimelineSummary): HTMLElement {
  const width = 160;
  const height = 28;
  const max = Math.max(1, ...summary.starts);
  const step = width / summary.starts.length;
  const picture = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, class: 'tl-sparkline', 'aria-hidden': 'true' });
  summary.starts.forEach((count, i) => {
    const barHeight = count === 0 ? 1 : Math.max(2, (count / max) * height);
    picture.appendChild(svg('rect', { x: (i * step).toFixed(1), y: (height - barHeight).toFixed(1), width: Math.max(1, step - 1).toFixed(1), height: barHeight.toFixed(1), class: count === 0 ? 'tl-spark-empty' : 'tl-spark' }));
  });
  const unit = summary.bucketMs >= 3_600_000 ? 'hour' : `${Math.round(summary.bucketMs / 60_000)} minutes`;
  const total = summary.starts.reduce((a, b) => a + b, 0);
  const words = `Starts per ${unit}: ${summary.starts.join(', ')} (${total} in all, at most ${max === 1 && total === 0 ? 0 : max})`;
  const wrapper = h('div', { className: 'tl-figure tl-spark-figure', testId: 'sparkline', attrs: { role: 'img', 'aria-label': words, title: words } });
  wrapper.append(picture, h('span', { className: 'tl-figure-label' }, `Starts per ${unit}`));
  return wrapper;
}

function durationsTable(summary: TimelineSummary): HTMLElement {
  if (summary.durations.length === 0) return h('p', { className: 'muted', testId: 'durations' }, 'No finished restore in this window.');
  const head = h('tr', {}, h('th', { attrs: { scope: 'col' } }, 'Restore type'), h('th', { attrs: { scope: 'col' } }, 'Finished'), h('th', { attrs: { scope: 'col' } }, 'Median'), h('th', { attrs: { scope: 'col' } }, '95th percentile'));
  const body = summary.durations.map((d) =>
    h('tr', {}, h('th', { attrs: { scope: 'row' } }, d.typeLabel), h('td', {}, String(d.count)), h('td', {}, formatDuration(d.medianMs)), h('td', {}, formatDuration(d.p95Ms))),
  );
  return h('table', { className: 'tl-durations', testId: 'durations' }, h('thead', {}, head), h('tbody', {}, ...body));
}

/** The figures above the timeline for its window. */
export function summaryElement(summary: TimelineSummary): HTMLElement {
  const figures = h(
    'div',
    { className: 'tl-figures' },
    figure('Running now', summary.runningNow, 'running-now', 'running'),
    figure('Finished', summary.finished, 'finished'),
    figure('Failed', summary.failed, 'failed', summary.failed > 0 ? 'failed' : undefined),
    figure('Most at once', summary.peakConcurrent, 'peak'),
    sparkline(summary),
  );
  return h('section', { className: 'tl-summary', attrs: { 'aria-label': 'Summary of this window' } }, figures, durationsTable(summary));
}
