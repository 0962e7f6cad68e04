import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { looksLikeCopilotAgentTranscript, readCopilotAgentTranscript } from '../../../src/core/history/copilotAgentJsonlReader';
import { FIXTURES } from '../hook/hookKit';
import { readTranscript } from '../../../src/core/history/readTranscript';

const vscode = readFileSync(path.join(FIXTURES, 'vscode', 'transcript.jsonl'), 'utf8');
const claude = readFileSync(path.join(FIXTURES, 'claude-code', 'transcript.jsonl'), 'utf8');

describe('VS Code Copilot agent transcript', () => {
  it('is told apart from a Claude Code log by its first event', () => {
    assert.equal(looksLikeCopilotAgentTranscript(vscode), true);
    assert.equal(looksLikeCopilotAgentTranscript(claude), false);
    assert.equal(looksLikeCopilotAgentTranscript('{"type":"user","message":{"role":"user","content":"hi"}}'), false);
  });

  it('reads user, assistant and tool-result messages in order, skipping metadata and turn markers', () => {
    const t = readCopilotAgentTranscript(vscode);
    assert.deepEqual(
      t.messages.map((m) => m.role),
      ['user', 'assistant', 'tool', 'assistant', 'user', 'assistant', 'tool', 'assistant'],
    );
    assert.equal(t.problems.length, 0);
    assert.match(t.messages[0].text, /empty field3_2/);
    assert.equal(t.messages[0].line, 2);
  });

  it('names tool calls after their main argument and links each result to its call', () => {
    const t = readCopilotAgentTranscript(vscode);
    const call = t.messages[1].payloads[0];
    assert.equal(call.kind, 'toolCall');
    assert.equal(call.name, 'read_file /home/dev/invoice-importer/src/importer/parseRow.ts');
    assert.equal(call.file, '/home/dev/invoice-importer/src/importer/parseRow.ts');
    const result = t.messages[2].payloads[0];
    assert.equal(result.kind, 'toolResult');
    assert.equal(result.name, 'read_file /home/dev/invoice-importer/src/importer/parseRow.ts (result)');
    assert.match(result.text, /export function parseField17/);
  });

  it('says what it did not count: reasoning text and attachments listed without content', () => {
    const t = readCopilotAgentTranscript(vscode);
    assert.deepEqual(t.notes, [
      '1 reasoning texts not counted as re-sent input.',
      '1 attachments are listed in the transcript without their content; they are not counted.',
    ]);
  });

  it('skips malformed lines with their line number and keeps the rest', () => {
    const broken = vscode.split('\n');
    broken.splice(3, 0, '{"type": "assistant.message", "data": ', '[1]');
    const t = readCopilotAgentTranscript(broken.join('\n'));
    assert.deepEqual(
      t.problems.map((p) => p.line),
      [4, 5],
    );
    assert.equal(t.messages.length, 8);
  });
});

describe('VS Code Copilot agent transcript as a history format', () => {
  it('is detected by readTranscript even with a .jsonl name, and read like the other formats', () => {
    const transcript = readTranscript(vscode, { fileName: 'transcript.jsonl' });
    assert.equal(transcript.format, 'copilot-agent-jsonl');
    assert.ok(transcript.messages.some((m) => m.role === 'user'));
    assert.equal(readTranscript(claude, { fileName: 'transcript.jsonl' }).format, 'claude-code-jsonl');
  });
});
