import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readClaudeCodeJsonl } from '../../../src/core/history/claudeCodeJsonlReader';
import { readMarkdownTranscript } from '../../../src/core/history/markdownTranscriptReader';
import { readOpenAiMessages } from '../../../src/core/history/openAiMessagesReader';
import { readTranscript } from '../../../src/core/history/readTranscript';
import { detectTranscriptFormat } from '../../../src/core/history/transcriptFormat';
import { readVscodeChatExport } from '../../../src/core/history/vscodeChatExportReader';

const fixtures = path.join(__dirname, '../../fixtures/history');
const fixture = (name: string) => readFileSync(path.join(fixtures, name), 'utf8');

describe('history: transcript readers', () => {
  describe('format detection', () => {
    const cases: [string, string][] = [
      ['openai-small.json', 'openai-messages'],
      ['vscode-chat-export.json', 'vscode-chat-export'],
      ['claude-code-small.jsonl', 'claude-code-jsonl'],
      ['markdown-headings.md', 'markdown'],
      ['long-session.openai.json', 'openai-messages'],
    ];
    for (const [file, format] of cases) {
      it(`reads ${file} as ${format} from its content alone`, () => {
        assert.equal(detectTranscriptFormat(fixture(file)), format);
      });
    }
    it('uses the file extension when it settles the question', () => {
      assert.equal(detectTranscriptFormat('{"a":1}', 'log.jsonl'), 'claude-code-jsonl');
      assert.equal(detectTranscriptFormat('[{"role":"user"}]', 'chat.md'), 'markdown');
    });
  });

  describe('OpenAI messages', () => {
    const t = readOpenAiMessages(fixture('openai-small.json'));
    it('reads roles, string and part content, the model', () => {
      assert.equal(t.model, 'gpt-4o');
      assert.deepEqual(t.messages.map((m) => m.role), ['system', 'user', 'assistant', 'tool', 'assistant', 'user', 'assistant']);
      assert.equal(t.messages[5].text, 'Make it return null instead. Keep the signature otherwise unchanged.');
      assert.deepEqual(t.problems, []);
      assert.match(t.notes!.join(' '), /1 image parts not counted/);
    });
    it('keeps tool calls and results as payloads, the result named after its call', () => {
      const call = t.messages[2].payloads[0];
      assert.equal(call.kind, 'toolCall');
      assert.equal(call.name, 'read_file src/date.ts');
      assert.equal(call.file, 'src/date.ts');
      const result = t.messages[3].payloads[0];
      assert.equal(result.kind, 'toolResult');
      assert.equal(result.name, 'read_file src/date.ts (result)');
      assert.match(result.text, /export function parseDate/);
    });
    it('gives each message its range and line in the source', () => {
      const source = fixture('openai-small.json');
      const user = t.messages[1];
      assert.match(source.slice(user.range.start, user.range.end), /^\{ "role": "user", "content": "What does the parseDate/);
      assert.equal(user.line, 5);
    });
    it('skips a malformed element with its line number and reads the rest', () => {
      const text = '[\n{"role":"user","content":"hi"},\n{"content":"no role"},\n{"role":"assistant","content":"hello"}\n]';
      const r = readOpenAiMessages(text);
      assert.deepEqual(r.messages.map((m) => m.text), ['hi', 'hello']);
      assert.equal(r.problems.length, 1);
      assert.equal(r.problems[0].line, 3);
      assert.match(r.problems[0].message, /no known "role"/);
    });
    it('reports a JSON syntax error with its line and still reads what parsed', () => {
      const text = '[\n{"role":"user","content":"hi"},\n{"role":"assistant","content":"hello"\n';
      const r = readOpenAiMessages(text);
      assert.ok(r.problems.some((p) => p.line >= 3 && /syntax/.test(p.message)));
      assert.equal(r.messages[0].text, 'hi');
    });
    it('says what it expected when the JSON is not a messages list', () => {
      const r = readOpenAiMessages('{"hello": 1}');
      assert.equal(r.messages.length, 0);
      assert.match(r.problems[0].message, /array of messages/);
    });
  });

  describe('VS Code chat export', () => {
    const t = readVscodeChatExport(fixture('vscode-chat-export.json'));
    it('turns each request into a user message and the response', () => {
      assert.deepEqual(t.messages.map((m) => m.role), ['user', 'assistant', 'user', 'assistant']);
      assert.equal(t.messages[0].text, 'Why does #file:server.ts return 500 on empty bodies?');
      assert.equal(t.model, 'gpt-4.1');
    });
    it('joins markdown parts and inline references into the reply text', () => {
      assert.equal(
        t.messages[1].text,
        'The handler calls `JSON.parse` on the raw body. An empty body throws `SyntaxError`, which errors.ts turns into a 500.',
      );
      assert.equal(t.messages[3].text, "I'll guard the parse and return 400:");
    });
    it('keeps string variables, tool invocations, edits and Copilot tool results as payloads', () => {
      assert.deepEqual(t.messages[0].payloads, [{ kind: 'attachment', name: 'selection', text: 'const body = JSON.parse(req.body);' }]);
      const kinds = t.messages[3].payloads.map((p) => `${p.kind}:${p.name}`);
      assert.deepEqual(kinds, ['toolCall:copilot_readFile', 'toolCall:edit /work/app/src/server.ts', 'toolResult:call_a']);
    });
    it('says what the export does not contain', () => {
      const notes = t.notes!.join(' ');
      assert.match(notes, /no system prompt/);
      assert.match(notes, /1 attachment named in the export without its content/);
    });
    it('rejects a file without requests with a specific message', () => {
      const r = readVscodeChatExport('{"requesterUsername":"a"}');
      assert.match(r.problems[0].message, /"requests" array/);
    });
  });

  describe('Claude Code JSONL', () => {
    const t = readClaudeCodeJsonl(fixture('claude-code-small.jsonl'));
    it('merges the content blocks of one reply and keeps the largest recorded usage', () => {
      assert.deepEqual(t.messages.map((m) => m.role), ['user', 'assistant', 'user', 'assistant']);
      const reply = t.messages[1];
      assert.equal(reply.text, 'Let me read the test.');
      assert.equal(reply.payloads[0].name, 'Read /work/app/test/date.test.ts');
      assert.deepEqual(reply.usage, { inputTokens: 4, outputTokens: 92, cacheReadInputTokens: 12000, cacheCreationInputTokens: 2100 });
      assert.equal(t.model, 'claude-sonnet-4-5-20250929');
    });
    it('names a tool result after its tool call', () => {
      assert.equal(t.messages[2].payloads[0].name, 'Read /work/app/test/date.test.ts (result)');
      assert.equal(t.messages[2].payloads[0].file, '/work/app/test/date.test.ts');
    });
    it('reports the malformed line by number, skips sidechains, summaries and thinking, and says so', () => {
      assert.deepEqual(t.problems.map((p) => p.line), [7]);
      assert.match(t.problems[0].message, /not valid JSON/);
      const notes = t.notes!.join(' ');
      assert.match(notes, /2 replies carry the token usage/);
      assert.match(notes, /1 sub-agent/);
      assert.match(notes, /1 thinking block/);
      assert.ok(!t.messages.some((m) => m.text.includes('sub-agent work')));
    });
    it('gives ranges that cover the source lines of a message', () => {
      const source = fixture('claude-code-small.jsonl');
      const reply = t.messages[1];
      const covered = source.slice(reply.range.start, reply.range.end);
      assert.ok(covered.startsWith('{"parentUuid":"u1"'));
      assert.ok(covered.includes('"toolu_1"'));
      assert.equal(reply.line, 3);
    });
    it('reports events without a message, without a type, and lines that are not objects', () => {
      const r = readClaudeCodeJsonl('{"type":"user"}\n{"type":42}\n[1,2]\n{"type":"user","message":{"content":"ok"}}\n');
      assert.deepEqual(r.problems.map((p) => p.line), [1, 2, 3]);
      assert.equal(r.messages.length, 1);
    });
    it('counts the ordinary entries it does not need (attachment, last-prompt, mode, queue-operation, …) instead of reporting them', () => {
      const lines = [
        { type: 'queue-operation', operation: 'enqueue', content: 'hi' },
        { type: 'user', message: { role: 'user', content: 'hello' } },
        { type: 'attachment', attachment: { type: 'file', path: 'a.ts' } },
        { type: 'assistant', message: { id: 'm1', role: 'assistant', model: 'claude-sonnet-4-5', content: [{ type: 'text', text: 'hi' }] } },
        { type: 'last-prompt', prompt: 'hello' },
        { type: 'mode', mode: 'default' },
        { type: 'attachment', attachment: { type: 'todo' } },
        { type: 'system', subtype: 'informational', content: 'x' },
        { type: 'file-history-snapshot', snapshot: {} },
        { type: 'summary', summary: 's' },
        { type: 'brand-new-kind' },
      ];
      const r = readClaudeCodeJsonl(lines.map((l) => JSON.stringify(l)).join('\n'));
      assert.deepEqual(r.problems, []);
      assert.deepEqual(r.messages.map((m) => m.role), ['user', 'assistant']);
      const note = r.notes!.find((n) => n.includes('not needed'));
      assert.ok(note, r.notes!.join(' | '));
      assert.match(note!, /^9 entries not needed for this analysis \(attachment ×2, /);
      assert.match(note!, /last-prompt ×1/);
      assert.match(note!, /"brand-new-kind" not a type we know/);
    });
  });

  describe('Markdown', () => {
    it('reads ## role headings and ignores headings inside code fences', () => {
      const t = readMarkdownTranscript(fixture('markdown-headings.md'));
      assert.deepEqual(t.messages.map((m) => m.role), ['user', 'assistant', 'user', 'assistant']);
      assert.match(t.messages[1].text, /This heading is inside a code block/);
      assert.equal(t.messages[3].text, 'Done: the total row sums each column.');
      assert.equal(t.messages[2].line, 16);
    });
    it('reads **User:** labels with text on the same line', () => {
      const t = readMarkdownTranscript(fixture('markdown-bold.md'));
      assert.deepEqual(t.messages.map((m) => m.role), ['user', 'assistant', 'user', 'assistant']);
      assert.equal(t.messages[0].text, 'How do I undo the last commit but keep my changes?');
    });
    it('reads > quotes as user messages and the text after them as the reply', () => {
      const source = fixture('markdown-quotes.md');
      const t = readMarkdownTranscript(source);
      assert.deepEqual(t.messages.map((m) => m.role), ['user', 'assistant', 'user', 'assistant']);
      assert.equal(t.messages[0].text, 'Explain the difference between a process and a thread\nin two sentences.');
      const first = t.messages[0];
      assert.equal(source.slice(first.range.start, first.range.end), '> Explain the difference between a process and a thread\n> in two sentences.');
    });
    it('reports a document without any role marker', () => {
      const t = readMarkdownTranscript('Just some notes.\nNothing here.\n');
      assert.equal(t.messages.length, 0);
      assert.match(t.problems[0].message, /no messages found/);
    });
    it('handles CRLF line endings', () => {
      const t = readMarkdownTranscript('## User\r\nhello\r\n## Assistant\r\nhi there\r\n');
      assert.deepEqual(t.messages.map((m) => m.text), ['hello', 'hi there']);
    });
  });

  it('readTranscript dispatches every fixture to a reader that finds messages', () => {
    for (const file of ['openai-small.json', 'vscode-chat-export.json', 'claude-code-small.jsonl', 'markdown-headings.md', 'markdown-bold.md', 'markdown-quotes.md', 'long-session.jsonl', 'long-session.openai.json']) {
      const t = readTranscript(fixture(file), { fileName: file });
      assert.ok(t.messages.length >= 4, file);
    }
  });
});
