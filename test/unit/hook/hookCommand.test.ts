import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { readHookTranscript } from '../../../src/cli/hook/hookTranscript';
import { createProfileRegistry, loadBuiltinProfiles } from '../../../src/core/profiles';
import { countForProfile } from '../../../src/core/tokens/countForProfile';
import { FIXTURES, payload, runHook, workspaceWithConfig } from './hookKit';

const registry = createProfileRegistry(loadBuiltinProfiles());
const notes = readFileSync(path.join(FIXTURES, 'workspace', 'notes', 'testing.md'), 'utf8');

function message(run: { json?: Record<string, unknown> }): string {
  assert.ok(run.json, 'the hook printed JSON');
  assert.equal(typeof run.json.systemMessage, 'string');
  return run.json.systemMessage as string;
}

/** "1,234" in a message → 1234 */
function numberAfter(text: string, label: RegExp): number {
  const match = label.exec(text);
  assert.ok(match, `${label} in: ${text}`);
  return Number(match[1].replace(/,/g, ''));
}

describe('mvp hook — Claude Code', () => {
  it('coaches the user with the request size, this turn and the session so far (exit 0, JSON systemMessage)', async () => {
    const run = await runHook(payload('claude-code'));
    assert.equal(run.code, 0);
    assert.equal(run.stderr, '');
    const text = message(run);
    assert.equal(run.json!.hookSpecificOutput, undefined, 'nothing is added to the model context by default');
    assert.equal(run.json!.decision, undefined);
    assert.match(text, /^MVP: this request sends ≈[\d,]+ tokens to Claude Sonnet 4\.5 \(history [\d,]+ · prompt [\d,]+ · files [\d,]+\)/);
    assert.match(text, /for this turn/);
    assert.match(text, /session ≈[\d.]+ m?Wh after 5 requests/);
  });

  it('counts the history as the last request of the recorded usage, and the @file reference from the event cwd', async () => {
    const text = message(await runHook(payload('claude-code')));
    // Last reply (msg_014): input 6 + cache writes 260 + cache reads 17,340 + output 48.
    assert.equal(numberAfter(text, /history ([\d,]+)/), 6 + 260 + 17340 + 48);
    const sonnet = registry.resolve('claude-sonnet-4-5').profile;
    assert.equal(numberAfter(text, /files ([\d,]+)/), countForProfile(sonnet, notes).tokens);
    const total = numberAfter(text, /sends ≈([\d,]+) tokens/);
    assert.equal(total, numberAfter(text, /history ([\d,]+)/) + numberAfter(text, /prompt ([\d,]+)/) + numberAfter(text, /files ([\d,]+)/));
  });

  it('does not count the prompt twice when the agent already wrote it to the transcript', async () => {
    const plain = await readHookTranscript(path.join(FIXTURES, 'claude-code', 'transcript.jsonl'), 'x');
    const withPrompt = JSON.parse(payload('claude-code')).prompt as string;
    const written = await readHookTranscript(path.join(FIXTURES, 'claude-code', 'transcript-with-prompt.jsonl'), withPrompt);
    assert.ok(plain.kind === 'transcript' && written.kind === 'transcript');
    assert.equal(written.droppedCurrentPrompt, true);
    assert.equal(written.transcript.messages.length, plain.transcript.messages.length);
    const a = message(await runHook(payload('claude-code')));
    const b = message(await runHook(payload('claude-code', FIXTURES, { transcript_path: path.join(FIXTURES, 'claude-code', 'transcript-with-prompt.jsonl') })));
    assert.equal(a, b);
  });

  it('adds the coaching to the model context only with --context', async () => {
    const run = await runHook(payload('claude-code'), ['--context']);
    const specific = run.json!.hookSpecificOutput as Record<string, unknown>;
    assert.equal(specific.hookEventName, 'UserPromptSubmit');
    assert.equal(specific.additionalContext, run.json!.systemMessage);
  });

  it('uses the model named in the transcript, unless --model says otherwise', async () => {
    assert.match(message(await runHook(payload('claude-code'))), /to Claude Sonnet 4\.5/);
    assert.match(message(await runHook(payload('claude-code'), ['--model', 'gpt-4o'])), /to GPT-4o /);
  });

  it('coaches on the prompt alone before the agent has written a transcript', async () => {
    const run = await runHook(payload('claude-code', FIXTURES, { transcript_path: path.join(FIXTURES, 'claude-code', 'not-yet-written.jsonl') }));
    assert.equal(run.code, 0);
    assert.equal(run.stderr, '');
    const text = message(run);
    assert.doesNotMatch(text, /history|session/);
    assert.match(text, /Claude Sonnet 4\.5/, "Claude Code's usual model when nothing names one");
  });

  it('suggests a fresh session with the seed-summary command when the history dominates', async () => {
    const long = path.resolve(__dirname, '../../fixtures/history/long-session.jsonl');
    const text = message(await runHook(payload('claude-code', FIXTURES, { transcript_path: long })));
    assert.match(text, /\n• The history sent with this prompt is [\d,]+ tokens/);
    assert.match(text, /fresh session seeded with a [\d,]+-token summary/);
    assert.equal(text.split(`mvp session ${long} --seed-summary fresh-session.md`).length - 1, 1, 'the command is given once');
    assert.ok(text.split('\n• ').length - 1 <= 3, 'at most three suggestions');
  });

  it('with --quiet prints nothing for a small prompt with nothing to suggest', async () => {
    const run = await runHook(JSON.stringify({ session_id: 's', hook_event_name: 'UserPromptSubmit', prompt: 'Rename parseRow to parseInvoiceRow.', cwd: FIXTURES }), ['--quiet']);
    assert.deepEqual([run.code, run.stdout], [0, '']);
  });
});

describe('mvp hook — VS Code agent hooks', () => {
  it('answers with the common output format (systemMessage) and reads the Copilot agent transcript', async () => {
    const run = await runHook(payload('vscode'));
    assert.equal(run.code, 0);
    assert.equal(run.stderr, '');
    const text = message(run);
    assert.match(text, /to GPT-4o \(history [\d,]+ · prompt [\d,]+ · files [\d,]+\)/);
    assert.match(text, /session ≈[\d.]+ m?Wh after 5 requests/);
    assert.deepEqual(Object.keys(run.json!), ['systemMessage']);
  });

  it('never adds hook-specific output, which UserPromptSubmit in VS Code does not read', async () => {
    const run = await runHook(payload('vscode'), ['--context']);
    assert.deepEqual(Object.keys(run.json!), ['systemMessage']);
  });
});

describe('mvp hook — team budgets', () => {
  it('blocks a Claude Code prompt over budgets.tokens when the config opts in, naming budget and config', async () => {
    const root = workspaceWithConfig(`// team budget\n{ "budgets": { "tokens": 5000 }, "hook": { "block": true } }`);
    const run = await runHook(payload('claude-code', root));
    assert.equal(run.code, 0);
    assert.equal(run.json!.decision, 'block');
    const reason = run.json!.reason as string;
    assert.match(reason, /^MVP blocked this prompt: this request would send [\d,]+ input tokens; the team budget is 5,000 per request \(budgets\.tokens\)/);
    assert.ok(reason.includes(path.join(root, 'workspace', '.mvp.jsonc')), reason);
    assert.match(reason, /"hook": \{"block": false\}/);
  });

  it('blocks a VS Code prompt with continue: false and the reason as stopReason', async () => {
    const root = workspaceWithConfig({ budgets: { whPerRequest: 0.01 }, hook: { block: true } });
    const run = await runHook(payload('vscode', root));
    assert.equal(run.code, 0);
    assert.equal(run.json!.continue, false);
    assert.match(run.json!.stopReason as string, /this request is estimated at [\d.]+ m?Wh; the team budget is 10 mWh per request \(budgets\.whPerRequest\)/);
  });

  it('blocks on the session budget counting this request', async () => {
    const root = workspaceWithConfig({ budgets: { whPerSession: 1 }, hook: { block: true } });
    const run = await runHook(payload('claude-code', root));
    assert.match(run.json!.reason as string, /with this request the session reaches an estimated [\d.]+ Wh; the team budget is 1 Wh per session/);
  });

  it('only coaches about a budget when the config does not opt into blocking', async () => {
    const root = workspaceWithConfig({ budgets: { tokens: 5000 } });
    const run = await runHook(payload('claude-code', root));
    assert.equal(run.json!.decision, undefined);
    assert.match(message(run), /\n• Over budget: this request would send [\d,]+ input tokens; the team budget is 5,000/);
  });

  it('lets the nearest config turn blocking off again', async () => {
    const root = workspaceWithConfig({ extends: ['../team.jsonc'], hook: { block: false } });
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path.join(root, 'team.jsonc'), JSON.stringify({ budgets: { tokens: 5000 }, hook: { block: true } }));
    const run = await runHook(payload('claude-code', root));
    assert.equal(run.json!.decision, undefined);
    assert.match(message(run), /Over budget/);
  });

  it('does not block within budget', async () => {
    const root = workspaceWithConfig({ budgets: { tokens: 1000000 }, hook: { block: true } });
    const run = await runHook(payload('claude-code', root));
    assert.equal(run.json!.decision, undefined);
    assert.doesNotMatch(message(run), /Over budget/);
  });
});

describe('mvp hook — never in the way', () => {
  const quietFailure = (run: { code: number; stdout: string; stderr: string }, why: RegExp) => {
    assert.equal(run.code, 0, 'exit 0: the prompt goes through');
    assert.equal(run.stdout, '', 'nothing on stdout for the agent to act on');
    assert.match(run.stderr, why);
    assert.match(run.stderr, /the prompt goes through unchanged/);
  };

  it('on a payload that is not JSON', async () => {
    quietFailure(await runHook('UserPromptSubmit: hello'), /mvp hook: the hook event on stdin is not JSON/);
  });

  it('on an empty stdin', async () => {
    quietFailure(await runHook(''), /no hook event on stdin/);
  });

  it('when reading stdin fails', async () => {
    quietFailure(await runHook(() => Promise.reject(new Error('EPIPE'))), /cannot read the hook event from stdin \(EPIPE\)/);
  });

  it('on a transcript path that cannot be read as a file: says so and coaches without the session', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mvp-hook-dir-'));
    const run = await runHook(payload('claude-code', FIXTURES, { transcript_path: dir }));
    assert.equal(run.code, 0);
    assert.match(run.stderr, /is a folder, not a file .* The session is not counted/);
    assert.match(String(run.json?.systemMessage), /^MVP: this request sends/);
  });

  it('on a mistake in the hook command line', async () => {
    quietFailure(await runHook(payload('claude-code'), ['--agent', 'cursor']), /option '--agent' must be one of auto, claude-code, vscode/);
  });

  it('on an event it does not handle: silent on stdout, exit 0', async () => {
    const run = await runHook(JSON.stringify({ session_id: 's', hook_event_name: 'PreToolUse', tool_name: 'Bash' }));
    assert.deepEqual([run.code, run.stdout], [0, '']);
    assert.match(run.stderr, /ignoring the PreToolUse event/);
  });

  it('reports malformed transcript lines on stderr and still coaches', async () => {
    const root = workspaceWithConfig({});
    const { appendFileSync } = await import('node:fs');
    appendFileSync(path.join(root, 'claude-code', 'transcript.jsonl'), 'not json\n');
    const run = await runHook(payload('claude-code', root));
    assert.equal(run.code, 0);
    assert.match(run.stderr, /transcript\.jsonl:11: not valid JSON/);
    assert.match(message(run), /after 5 requests/);
  });
});
