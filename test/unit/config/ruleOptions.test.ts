import { strict as assert } from 'node:assert';
import { emptyConfig } from '../../../src/core/config/loadConfig';
import { configuredOptions, defineRule } from '../../../src/core/rules/defineRule';
import { historyDetectorOptions } from '../../../src/core/rules/builtin/pollutedHistory';
import type { RuleContext } from '../../../src/core/rules/rule';

/** A rule that reports the options its check received. */
const echo = defineRule({
  id: 'echo-options',
  description: 'Echoes its options',
  tags: [],
  defaultSeverity: 'info',
  optionsSchema: {
    limit: { type: 'integer', minimum: 1, description: 'A limit.' },
    strict: { type: 'boolean', description: 'A switch.' },
  },
  defaultOptions: { limit: 3, strict: false },
  check: (context, options) => [{ message: `${options.limit} ${options.strict}` }],
});

describe("a rule's options from the config", () => {
  const context = {} as RuleContext;

  it('reach the check merged over the defaults, key by key', () => {
    assert.equal(echo.check(context, {})[0].message, '3 false');
    assert.equal(echo.check(context, { strict: true })[0].message, '3 true');
    assert.equal(echo.check(context, { limit: 9, strict: true })[0].message, '9 true');
  });

  it('are the same outside the check (configuredOptions)', () => {
    const config = { ...emptyConfig(), rules: { 'echo-options': { options: { limit: 7 } } } };
    assert.deepEqual(configuredOptions(echo, config), { limit: 7, strict: false });
    assert.deepEqual(configuredOptions(echo, undefined), { limit: 3, strict: false });
  });

  it('give the session detector polluted-history’s thresholds', () => {
    const config = { ...emptyConfig(), rules: { 'polluted-history': { options: { minPasteTokens: 80 } } } };
    assert.deepEqual(historyDetectorOptions(config), { minRepeatTokens: 80, largeToolOutputTokens: 500 });
    assert.deepEqual(historyDetectorOptions(undefined), { minRepeatTokens: 50, largeToolOutputTokens: 500 });
  });

  it('derive the docs page from the id and default to enabled', () => {
    assert.equal(echo.docs, 'docs/rules/echo-options.md');
    assert.equal(echo.enabledByDefault, true);
  });
});
