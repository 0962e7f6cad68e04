import { strict as assert } from 'node:assert';
import type { Finding } from '../../../src/core/rules/finding';
import { orderSuggestions } from '../../../src/core/rules/suggestionOrder';

const finding = (ruleId: string, tokens: number, wh: number, removesContent = false): Finding => ({
  ruleId,
  severity: 'warning',
  message: ruleId,
  saving: { tokens, wh },
  fix: { title: ruleId, edits: [], ...(removesContent ? { removesContent: true } : {}) },
});

describe('orderSuggestions', () => {
  it('puts a deletion after every reduction that keeps the content, even when it saves more', () => {
    const remove = finding('unreferenced-attachment', 5000, 0.5, true);
    const convert = finding('spreadsheet-attachment', 700, 0.08);
    const tail = finding('pasted-log', 1200, 0.12);
    assert.deepEqual(orderSuggestions([remove, convert, tail]).map((f) => f.ruleId), ['pasted-log', 'spreadsheet-attachment', 'unreferenced-attachment']);
  });
  it('orders by measured saving, then severity, then position; keeps the input untouched', () => {
    const a: Finding = { ruleId: 'a', severity: 'info', message: 'a' };
    const b: Finding = { ruleId: 'b', severity: 'error', message: 'b' };
    const input = [a, b, finding('c', 10, 0.001)];
    assert.deepEqual(orderSuggestions(input).map((f) => f.ruleId), ['c', 'b', 'a']);
    assert.deepEqual(input.map((f) => f.ruleId), ['a', 'b', 'c']);
  });
});
