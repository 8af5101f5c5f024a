import * as assert from 'assert';
import { barSpan, MIN_BAR_WIDTH, xOf, type TimelineGeometry } from '../../src/webview/timeline/timelineGeometry';

const g: TimelineGeometry = { window: { start: 1000, end: 2000 }, labelWidth: 100, chartWidth: 500, rowHeight: 22 };

describe('timeline geometry', () => {
  it('maps the window onto the chart, right of the labels', () => {
    assert.strictEqual(xOf(g, 1000), 100);
    assert.strictEqual(xOf(g, 2000), 600);
    assert.strictEqual(xOf(g, 1500), 350);
  });

  it('cuts a bar at the chart edges, never into the label column', () => {
    assert.deepStrictEqual(barSpan(g, 0, 1500), { x: 100, width: 250 });
    assert.deepStrictEqual(barSpan(g, 1500, 9000), { x: 350, width: 250 });
  });

  it('keeps a point or a very short session visible and clickable, inside the chart', () => {
    assert.deepStrictEqual(barSpan(g, 1500, 1500), { x: 350, width: MIN_BAR_WIDTH });
    const atEnd = barSpan(g, 2000, 2000);
    assert.ok(atEnd.x + atEnd.width <= 600, `the bar pokes out of the chart at ${atEnd.x}`);
  });
});
