// A loopback stand-in of the Gemini API (generateContent, streamGenerateContent?alt=sse,
// countTokens), for driving Gemini CLI offline and capturing what it sends.
//
//   import { startGeminiApiStandIn } from './geminiApiStandIn.mjs';
//   const standIn = await startGeminiApiStandIn({ recordDir });
//   //   GOOGLE_GEMINI_BASE_URL=<standIn.url> GEMINI_API_KEY=anything GEMINI_CLI_TRUST_WORKSPACE=true
//   //   and ~/.gemini/settings.json {"security":{"auth":{"selectedType":"gemini-api-key"}}}
//   standIn.chatRequests();   // the streamGenerateContent requests (the conversation)
//
// Non-streamed generateContent calls are Gemini CLI's side questions (model routing, next speaker):
// they get a JSON answer that satisfies both. usageMetadata.promptTokenCount is characters / 4.
import { roughTokens, sendJson, startRecordingServer } from './recordingServer.mjs';

function candidate(text) {
  return { content: { role: 'model', parts: [{ text }] }, finishReason: 'STOP', index: 0 };
}

export async function startGeminiApiStandIn(options = {}) {
  const replyText = options.replyText ?? 'Hello! (a reply from the loopback stand-in)';
  const server = await startRecordingServer({
    port: options.port,
    recordDir: options.recordDir ?? process.env.GEMINI_STAND_IN_RECORD_DIR,
    answer: (record, response) => {
      const usageMetadata = {
        promptTokenCount: roughTokens(record.body),
        candidatesTokenCount: roughTokens(replyText),
      };
      usageMetadata.totalTokenCount = usageMetadata.promptTokenCount + usageMetadata.candidatesTokenCount;
      if (record.method === 'POST' && record.path.endsWith(':streamGenerateContent')) {
        response.writeHead(200, { 'content-type': 'text/event-stream' });
        response.end(`data: ${JSON.stringify({ candidates: [candidate(replyText)], usageMetadata })}\r\n\r\n`);
      } else if (record.method === 'POST' && record.path.endsWith(':generateContent')) {
        const answer = {
          reasoning: 'A greeting.',
          model_choice: 'flash',
          complexity_reasoning: 'A greeting.',
          complexity_score: 1,
          next_speaker: 'user',
        };
        sendJson(response, 200, { candidates: [candidate(JSON.stringify(answer))], usageMetadata });
      } else if (record.method === 'POST' && record.path.endsWith(':countTokens')) {
        sendJson(response, 200, { totalTokens: roughTokens(record.body) });
      } else {
        sendJson(response, 404, {
          error: {
            code: 404,
            message: `The stand-in does not serve ${record.method} ${record.path}`,
            status: 'NOT_FOUND',
          },
        });
      }
    },
  });
  return {
    ...server,
    chatRequests: () => server.requests.filter((r) => r.method === 'POST' && r.path.endsWith(':streamGenerateContent')),
  };
}
