import assert from 'node:assert/strict';
import { layoutLineChart, niceStep, sampleIndexes } from '../../../src/extension/energyPanel/lineChart';

function parsePoints(points: string): Array<[number, number]> {
  return points.split(' ').map((p) => p.split(',').map(Number) as [number, number]);
}

describe('panel line chart layout', () => {
  it('chooses nice steps', () => {
    assert.equal(niceStep(10, 4), 2.5);
    assert.equal(niceStep(7.3, 4), 2);
    assert.equal(niceStep(0.013, 4), 0.005);
    assert.equal(niceStep(0, 4), 1);
  });

  it('thins long series but keeps both ends', () => {
    const indexes = sampleIndexes(2000, 200);
    assert.equal(indexes.length, 200);
    assert.equal(indexes[0], 0);
    assert.equal(indexes[199], 1999);
    assert.deepEqual(sampleIndexes(3, 200), [0, 1, 2]);
  });

  it('maps values into the 0–100 plot space with the top tick at or above the maximum', () => {
    const chart = layoutLineChart(
      [
        { id: 'a', label: 'A', values: [1, 4, 9, 16] },
        { id: 'b', label: 'B', values: [1, 2, 3, 4] },
      ],
      { ariaLabel: 'x', xLabel: 'Turn', yLabel: 'Wh', formatY: (v) => `${v}` },
    );
    const a = parsePoints(chart.series[0].points);
    assert.deepEqual(a.map(([x]) => x), [0, 33.33, 66.67, 100]);
    // y grows downwards in SVG: larger values sit higher (smaller y).
    for (let i = 1; i < a.length; i++) {
      assert.ok(a[i][1] < a[i - 1][1]);
    }
    assert.ok(a[3][1] >= 0);
    assert.deepEqual(chart.series[0].last, { x: 100, y: a[3][1] });
    const top = chart.yTicks[chart.yTicks.length - 1];
    assert.equal(top.position, 0);
    assert.ok(Number(top.text) >= 16);
    assert.equal(chart.yTicks[0].text, '0');
    assert.equal(chart.yTicks[0].position, 100);
  });

  it('labels turns with whole numbers from the first to the last', () => {
    const chart = layoutLineChart([{ id: 'a', label: 'A', values: Array.from({ length: 11 }, (_, i) => i) }], {
      ariaLabel: 'x',
      xLabel: 'Turn',
      yLabel: 'Wh',
      formatY: String,
    });
    const texts = chart.xTicks.map((t) => t.text);
    assert.equal(texts[0], '1');
    assert.equal(texts[texts.length - 1], '11');
    for (const t of texts) {
      assert.ok(Number.isInteger(Number(t)), t);
    }
  });

  it('places a single turn in the middle', () => {
    const chart = layoutLineChart([{ id: 'a', label: 'A', values: [0.3] }], {
      ariaLabel: 'x',
      xLabel: 'Turn',
      yLabel: 'Wh',
      formatY: String,
    });
    assert.equal(chart.series[0].last.x, 50);
    assert.deepEqual(chart.xTicks, [{ position: 50, text: '1' }]);
  });
});
