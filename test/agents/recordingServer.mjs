// The shared part of the loopback API stand-ins: an HTTP server on 127.0.0.1 that parses each JSON
// body, records every request (API keys redacted) in memory and, when asked, to a folder as
// NNN-<path>.json, and hands it to the stand-in's answer function. Makes no outbound request.
import { createServer } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SECRET_HEADERS = ['x-api-key', 'authorization', 'x-goog-api-key'];

export async function startRecordingServer({ port = 0, recordDir, answer }) {
  const requests = [];
  if (recordDir) mkdirSync(recordDir, { recursive: true });
  const server = createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body = null;
      try {
        body = raw ? JSON.parse(raw) : null;
      } catch {
        body = { unparsed: raw };
      }
      const [path, query = ''] = (request.url ?? '/').split('?');
      const headers = { ...request.headers };
      for (const name of SECRET_HEADERS) if (name in headers) headers[name] = '<redacted>';
      const record = { index: requests.length, method: request.method, path, query, headers, body };
      requests.push(record);
      if (recordDir) {
        const name = `${String(record.index).padStart(3, '0')}-${
          path
            .replace(/^\/+/, '')
            .replace(/[^a-zA-Z0-9_.-]+/g, '_')
            .slice(0, 60) || 'root'
        }.json`;
        writeFileSync(join(recordDir, name), JSON.stringify(record, null, 2));
      }
      answer(record, response);
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const actualPort = server.address().port;
  return {
    url: `http://127.0.0.1:${actualPort}`,
    port: actualPort,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(response, status, value) {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(value));
}

/** A rough size of any request body in tokens (characters / 4), for plausible usage figures. */
export function roughTokens(value) {
  return Math.max(1, Math.ceil((typeof value === 'string' ? value : JSON.stringify(value ?? '')).length / 4));
}
