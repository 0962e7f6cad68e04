// A loopback stand-in of the Anthropic Messages API, so that real agent clients (Claude Code from npm)
// can be driven offline and the exact requests they send can be captured and compared with our model.
//
// Use from Node (plain ESM, no dependencies):
//
//   import { startMessagesApiStandIn } from './messagesApiStandIn.mjs';
//   const standIn = await startMessagesApiStandIn({ recordDir: '/tmp/requests', replyText: 'Hi.' });
//   // point the client at it:
//   //   ANTHROPIC_BASE_URL=standIn.url  ANTHROPIC_API_KEY=anything  DISABLE_AUTOUPDATER=1
//   //   CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC=1  HOME=<fresh folder>  claude -p "hello there"
//   standIn.requests;          // every request received: { index, method, path, query, headers, body (parsed JSON) }
//   await standIn.close();
//
// Or from a shell:  node test/agents/messagesApiStandIn.mjs [--port 8787] [--record DIR]
//   (MESSAGES_STAND_IN_RECORD_DIR and MESSAGES_STAND_IN_PORT work too); it prints its URL and runs until killed.
//
// What it answers:
// - POST /v1/messages: a reply in the Messages API shape, streamed as server-sent events when the body says
//   "stream": true (message_start, content_block_start/delta/stop, message_delta, message_stop), else one JSON
//   message. usage.input_tokens is an estimate of the request's size (about 4 characters per token of its
//   system, tools and messages; or the count of `countInputTokens(body)` when given), so transcripts
//   written by the client carry plausible numbers, and
//   usage.output_tokens counts the reply the same way.
//   Replies are scripted with `script`: an array consumed one per /v1/messages request, each either
//   { text } or { toolUse: { name, input, id? } } (a tool_use block, stop_reason "tool_use"). When the script
//   is used up, or not given, every reply is { text: replyText }.
// - POST /v1/messages/count_tokens: { input_tokens } with the same estimate.
// - GET / HEAD of any other path: 200 with {} (health checks, metadata); any other method and path: 404 with an
//   Anthropic-shaped error. Nothing is ever forwarded anywhere: the stand-in makes no outbound requests.
// Every request (any path) is appended to `requests`, and when a record folder is given, written there as
// NNN-<path>.json ({ method, path, query, headers without the API key, body }): recordingServer.mjs, as the
// other stand-ins.
import { pathToFileURL } from 'node:url';
import { sendJson, startRecordingServer } from './recordingServer.mjs';

const CHARACTERS_PER_TOKEN = 4;

/** A rough size of a Messages API request in tokens: the characters of its system, tools and messages / 4. */
export function estimateRequestTokens(body) {
  if (!body || typeof body !== 'object') {
    return 0;
  }
  const parts = [body.system ?? '', body.tools ?? [], body.messages ?? []];
  const characters = parts.reduce((n, part) => n + (typeof part === 'string' ? part : JSON.stringify(part)).length, 0);
  return Math.max(1, Math.ceil(characters / CHARACTERS_PER_TOKEN));
}

function tokensOfText(text) {
  return Math.max(1, Math.ceil(text.length / CHARACTERS_PER_TOKEN));
}

function contentBlockOf(step, index) {
  if (step.toolUse) {
    return {
      type: 'tool_use',
      id: step.toolUse.id ?? `toolu_standin_${String(index).padStart(4, '0')}`,
      name: step.toolUse.name,
      input: step.toolUse.input ?? {},
    };
  }
  return { type: 'text', text: step.text ?? '' };
}

function messageOf(body, step, index, countInputTokens) {
  const block = contentBlockOf(step, index);
  const outputText = block.type === 'text' ? block.text : JSON.stringify(block.input);
  return {
    id: `msg_standin_${String(index).padStart(4, '0')}`,
    type: 'message',
    role: 'assistant',
    model: typeof body?.model === 'string' ? body.model : 'claude-sonnet-4-5',
    content: [block],
    stop_reason: block.type === 'tool_use' ? 'tool_use' : 'end_turn',
    stop_sequence: null,
    usage: {
      input_tokens: countInputTokens(body),
      output_tokens: tokensOfText(outputText),
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
    },
  };
}

function sse(response, event, data) {
  response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

function streamMessage(response, message) {
  response.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    'request-id': message.id,
  });
  const [block] = message.content;
  sse(response, 'message_start', {
    type: 'message_start',
    message: { ...message, content: [], stop_reason: null, usage: { ...message.usage, output_tokens: 1 } },
  });
  if (block.type === 'text') {
    sse(response, 'content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } });
    sse(response, 'content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: block.text } });
  } else {
    sse(response, 'content_block_start', {
      type: 'content_block_start',
      index: 0,
      content_block: { type: 'tool_use', id: block.id, name: block.name, input: {} },
    });
    sse(response, 'content_block_delta', {
      type: 'content_block_delta',
      index: 0,
      delta: { type: 'input_json_delta', partial_json: JSON.stringify(block.input) },
    });
  }
  sse(response, 'content_block_stop', { type: 'content_block_stop', index: 0 });
  sse(response, 'message_delta', {
    type: 'message_delta',
    delta: { stop_reason: message.stop_reason, stop_sequence: null },
    usage: { output_tokens: message.usage.output_tokens },
  });
  sse(response, 'message_stop', { type: 'message_stop' });
  response.end();
}

/**
 * Starts the stand-in on 127.0.0.1.
 * `countInputTokens(body)` replaces the characters / 4 estimate of usage.input_tokens (e.g. a real tokenizer).
 * @param {{ port?: number, recordDir?: string, replyText?: string, countInputTokens?: (body: object) => number,
 *           script?: Array<{ text?: string, toolUse?: { name: string, input?: object, id?: string } }> }} [options]
 * @returns {Promise<{ url: string, port: number, requests: object[], messageRequests: () => object[], setScript: (steps: object[]) => void, close: () => Promise<void> }>}
 */
export async function startMessagesApiStandIn(options = {}) {
  const recordDir = options.recordDir ?? process.env.MESSAGES_STAND_IN_RECORD_DIR;
  const replyText = options.replyText ?? 'Hello! (a reply from the loopback stand-in)';
  const countInputTokens = options.countInputTokens ?? estimateRequestTokens;
  const script = [...(options.script ?? [])];
  let messageCount = 0;
  const server = await startRecordingServer({
    port: options.port,
    recordDir,
    answer: (record, response) => {
      const { method, path, body } = record;
      if (method === 'POST' && path === '/v1/messages') {
        messageCount += 1;
        const step = script.length > 0 ? script.shift() : { text: replyText };
        const message = messageOf(body, step, messageCount, countInputTokens);
        if (body?.stream) {
          streamMessage(response, message);
        } else {
          sendJson(response, 200, message);
        }
        return;
      }
      if (method === 'POST' && path === '/v1/messages/count_tokens') {
        sendJson(response, 200, { input_tokens: countInputTokens(body) });
        return;
      }
      if (method === 'GET' || method === 'HEAD') {
        sendJson(response, 200, {});
        return;
      }
      sendJson(response, 404, { type: 'error', error: { type: 'not_found_error', message: `The stand-in does not serve ${method} ${path}` } });
    },
  });
  const { requests } = server;
  return {
    ...server,
    messageRequests: () => requests.filter((r) => r.method === 'POST' && r.path === '/v1/messages'),
    // Replaces the replies still to come (one stand-in serving several client runs in turn).
    setScript: (steps) => script.splice(0, script.length, ...steps),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const argument = (name) => {
    const at = process.argv.indexOf(name);
    return at >= 0 ? process.argv[at + 1] : undefined;
  };
  const port = Number(argument('--port') ?? process.env.MESSAGES_STAND_IN_PORT ?? 0);
  const standIn = await startMessagesApiStandIn({ port, recordDir: argument('--record') });
  console.log(`Messages API stand-in listening on ${standIn.url}`);
}
