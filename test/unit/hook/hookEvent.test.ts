import * as assert from 'node:assert/strict';
import { HookPayloadError, parseHookEvent } from '../../../src/cli/hook/hookEvent';
import { FIXTURES, payload } from './hookKit';

describe('hook event payloads', () => {
  it('reads a recorded Claude Code UserPromptSubmit event', () => {
    const event = parseHookEvent(payload('claude-code'));
    assert.equal(event.agent, 'claude-code');
    assert.equal(event.eventName, 'UserPromptSubmit');
    assert.equal(event.sessionId, '5c0f3a6e-9d41-4b7a-8f2e-1a2b3c4d5e6f');
    assert.equal(event.transcriptPath, `${FIXTURES}/claude-code/transcript.jsonl`);
    assert.equal(event.cwd, `${FIXTURES}/workspace`);
    assert.match(event.prompt, /^Now add a test/);
  });

  it('reads a recorded VS Code agent hook event (camelCase common fields)', () => {
    const event = parseHookEvent(payload('vscode'));
    assert.equal(event.agent, 'vscode');
    assert.equal(event.sessionId, 'b7e1c2d0-0f4e-4c55-9d7a-3e2f1a0b9c8d');
    assert.equal(event.transcriptPath, `${FIXTURES}/vscode/transcript.jsonl`);
    assert.match(event.prompt, /#file:notes\/testing\.md/);
  });

  it('lets --agent override the detection', () => {
    assert.equal(parseHookEvent(payload('vscode'), 'claude-code').agent, 'claude-code');
  });

  it('passes other events through with their name, so the command can ignore them', () => {
    const event = parseHookEvent(JSON.stringify({ session_id: 's', hook_event_name: 'Stop', stop_hook_active: false }));
    assert.equal(event.eventName, 'Stop');
  });

  it('rejects what is not a prompt event with a specific message', () => {
    assert.throws(() => parseHookEvent(''), (e: Error) => e instanceof HookPayloadError && /no hook event on stdin/.test(e.message));
    assert.throws(() => parseHookEvent('{"prompt":'), (e: Error) => e instanceof HookPayloadError && /not JSON/.test(e.message));
    assert.throws(() => parseHookEvent('[1,2]'), (e: Error) => e instanceof HookPayloadError && /JSON object/.test(e.message));
    assert.throws(
      () => parseHookEvent(JSON.stringify({ hook_event_name: 'UserPromptSubmit', cwd: '/x' })),
      (e: Error) => e instanceof HookPayloadError && /no "prompt" string \(fields present: hook_event_name, cwd\)/.test(e.message),
    );
  });
});
