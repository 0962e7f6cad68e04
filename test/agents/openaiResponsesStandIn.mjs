// A loopback stand-in of the OpenAI Responses API (POST /v1/responses, streamed as server-sent
// events or one JSON response), for driving Codex CLI offline and capturing what it sends.
//
//   import { startOpenAiResponsesStandIn } from './openaiResponsesStandIn.mjs';
//   const standIn = await startOpenAiResponsesStandIn({ recordDir, replyText: 'Hi.' });
//   // Codex: in $CODEX_HOME/config.toml
//   //   model_provider = "standin"
//   //   [model_providers.standin]
//   //   name = "stand-in"; base_url = "<standIn.url>/v1"; env_key = "OPENAI_API_KEY"; wire_api = "responses"
//   standIn.responseRequests();   // the POST /v1/responses requests received
//   await standIn.close();
//
// usage.input_tokens is the request's characters / 4, output_tokens the reply's. Any other path: 404.
import { roughTokens, sendJson, startRecordingServer } from './recordingServer.mjs';

function sse(response, type, data) {
  response.write(`event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`);
}

export async function startOpenAiResponsesStandIn(options = {}) {
  const replyText = options.replyText ?? 'Hello! (a reply from the loopback stand-in)';
  let count = 0;
  const server = await startRecordingServer({
    port: options.port,
    recordDir: options.recordDir ?? process.env.RESPONSES_STAND_IN_RECORD_DIR,
    answer: (record, response) => {
      if (record.method !== 'POST' || !record.path.endsWith('/responses')) {
        sendJson(response, 404, {
          error: { message: `The stand-in does not serve ${record.method} ${record.path}`, type: 'not_found' },
        });
        return;
      }
      count += 1;
      const id = `resp_standin_${count}`;
      const item = {
        type: 'message',
        id: `msg_standin_${count}`,
        role: 'assistant',
        status: 'completed',
        content: [{ type: 'output_text', text: replyText, annotations: [] }],
      };
      const usage = {
        input_tokens: roughTokens(record.body),
        input_tokens_details: { cached_tokens: 0 },
        output_tokens: roughTokens(replyText),
        output_tokens_details: { reasoning_tokens: 0 },
      };
      usage.total_tokens = usage.input_tokens + usage.output_tokens;
      const completed = {
        id,
        object: 'response',
        status: 'completed',
        model: record.body?.model,
        output: [item],
        usage,
      };
      if (!record.body?.stream) {
        sendJson(response, 200, completed);
        return;
      }
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      sse(response, 'response.created', { response: { ...completed, status: 'in_progress', output: [], usage: null } });
      sse(response, 'response.output_item.added', {
        output_index: 0,
        item: { ...item, status: 'in_progress', content: [] },
      });
      sse(response, 'response.output_text.delta', {
        output_index: 0,
        content_index: 0,
        item_id: item.id,
        delta: replyText,
      });
      sse(response, 'response.output_item.done', { output_index: 0, item });
      sse(response, 'response.completed', { response: completed });
      response.end();
    },
  });
  return {
    ...server,
    responseRequests: () => server.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/responses')),
  };
}
