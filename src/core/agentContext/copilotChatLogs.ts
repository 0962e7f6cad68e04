/**
 * What the user's own VS Code chat sessions say about a folder's Copilot load: the first request of
 * the most recent sessions whose workspace storage (`workspace.json`) names this folder, with the
 * prompt tokens VS Code or Copilot recorded for it when that turn made a single model call (so the
 * number describes the first request as sent). Found and parsed by the `mvp usage` reader
 * (`logDiscovery`, `vscodeChatSessionFile`, `copilotChatUsageReader`); bounded: the most recent
 * sessions only, each file read up to a cap.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { readRegularFileSync } from '../files/readRegularFile';
import { candidateLogRoots, listLogFiles, vscodeChatProject, type DiscoveryEnvironment } from '../usage/logDiscovery';
import { messageText, modelOf, singleCallPromptTokens, variableTexts } from '../usage/copilotChatUsageReader';
import { isObject, type Json } from '../usage/usageLineReader';
import { readChatSessionText } from '../usage/vscodeChatSessionFile';

/** The first request of one session, with the prompt tokens recorded for its only model call. */
export interface CopilotFirstRequest {
  file: string;
  /** When the request was made (ms), else the file's modification time. */
  time: number;
  model: string;
  promptTokens: number;
  /** The user's message and the text of its attachments, to take them out of the learned load. */
  userText: string;
  attachedTexts: string[];
  /** Copilot Chat's version, when the log names the answering extension. */
  extensionVersion?: string;
  /** The chat mode (agent, ask, edit) when recorded. */
  mode?: string;
}

export interface CopilotLogFacts {
  firstRequests: CopilotFirstRequest[];
  /** Sessions read whose first request could not be used, by reason (said in the notes). */
  leftOut: Record<string, number>;
}

const MAX_SESSIONS = 10;
/** A snapshot (`.json`) has to be parsed whole to reach its first request: larger ones are left out. */
const MAX_SESSION_BYTES = 20 * 1024 * 1024;
/**
 * A mutation log (`.jsonl`) is replayed from its start only as far as this: once a second request
 * has been appended, the first is finished and later entries do not change it.
 */
const LOG_PREFIX_BYTES = 1024 * 1024;
/** All sessions together: parsing costs ~6 ms a MiB, and the hook reads these on a prompt. */
const MAX_TOTAL_BYTES = 40 * 1024 * 1024;

/** The chat session files of the workspace storage folders whose `workspace.json` names `folder`, newest first. */
export function copilotSessionFilesFor(
  folder: string,
  discovery: DiscoveryEnvironment,
): Array<{ file: string; modifiedMs: number; size: number }> {
  const roots = candidateLogRoots(discovery).filter(
    (r) => r.agent === 'copilot-chat' && r.layout === 'workspaceStorage',
  );
  const wanted = samePath(path.resolve(folder), discovery.platform);
  const projectOfStorage = new Map<string, boolean>();
  const files: Array<{ file: string; modifiedMs: number; size: number }> = [];
  for (const log of listLogFiles(roots)) {
    const storage = path.dirname(path.dirname(log.path));
    let matches = projectOfStorage.get(storage);
    if (matches === undefined) {
      // One workspace.json read per storage folder: every session file in it has the same project.
      matches = wanted(vscodeChatProject(log.path));
      projectOfStorage.set(storage, matches);
    }
    if (!matches) continue;
    try {
      const stat = statSync(log.path);
      files.push({ file: log.path, modifiedMs: stat.mtimeMs, size: stat.size });
    } catch {
      // A session deleted while listing is simply not there.
    }
  }
  return files.sort((a, b) => b.modifiedMs - a.modifiedMs);
}

/** The usable first requests of the most recent sessions of `folder`, and why the others were left out. */
export function recentCopilotFirstRequests(
  folder: string,
  discovery: DiscoveryEnvironment,
  maxSessions = MAX_SESSIONS,
): CopilotLogFacts {
  const facts: CopilotLogFacts = { firstRequests: [], leftOut: {} };
  const leaveOut = (reason: string) => (facts.leftOut[reason] = (facts.leftOut[reason] ?? 0) + 1);
  const seenSessions = new Set<string>();
  let bytesRead = 0;
  // Sessions left out count too: the most recent N are examined, whatever they hold.
  let examined = 0;
  for (const candidate of copilotSessionFilesFor(folder, discovery)) {
    if (examined >= maxSessions) break;
    const format = candidate.file.endsWith('.jsonl') ? 'jsonl' : 'json';
    const state = sessionState(candidate.file, format, candidate.size, MAX_TOTAL_BYTES - bytesRead);
    bytesRead += state.bytesRead;
    if (!state.ok) {
      examined++;
      leaveOut(state.reason);
      continue;
    }
    // VS Code may keep one session both as `.json` and `.jsonl`, or copied into another storage: once.
    const sessionId = typeof state.state.sessionId === 'string' ? state.state.sessionId : path.basename(candidate.file);
    if (seenSessions.has(sessionId)) continue;
    seenSessions.add(sessionId);
    examined++;
    const first = Array.isArray(state.state.requests) ? state.state.requests[0] : undefined;
    if (!isObject(first)) {
      leaveOut('session without a request');
      continue;
    }
    const promptTokens = singleCallPromptTokens(first);
    if (promptTokens === undefined) {
      leaveOut('first turn made several model calls or recorded no usage');
      continue;
    }
    let namedOnly = 0;
    const attachedTexts = variableTexts(first, () => namedOnly++);
    if (namedOnly > 0) {
      leaveOut('first message attached a file the log names without its text');
      continue;
    }
    const agent = isObject(first.agent) ? first.agent : undefined;
    const modeInfo = isObject(first.modeInfo) ? first.modeInfo : undefined;
    facts.firstRequests.push({
      file: candidate.file,
      time: typeof first.timestamp === 'number' && first.timestamp > 0 ? first.timestamp : candidate.modifiedMs,
      model: modelOf(first),
      promptTokens,
      userText: messageText(first.message),
      attachedTexts,
      ...(typeof agent?.extensionVersion === 'string' ? { extensionVersion: agent.extensionVersion } : {}),
      ...(typeof modeInfo?.kind === 'string' ? { mode: modeInfo.kind } : {}),
    });
  }
  return facts;
}

type SessionRead = { ok: true; state: Json; bytesRead: number } | { ok: false; reason: string; bytesRead: number };

/**
 * A session file's state, as far as its first request needs: a mutation log is first replayed from
 * a prefix (enough once a second request is in it), and whole only when the prefix is not enough.
 */
function sessionState(file: string, format: 'json' | 'jsonl', size: number, budget: number): SessionRead {
  let bytesRead = 0;
  if (format === 'jsonl' && size > LOG_PREFIX_BYTES) {
    const prefix = readPrefix(file, LOG_PREFIX_BYTES);
    if (prefix === undefined) return { ok: false, reason: 'unreadable session file', bytesRead };
    bytesRead += prefix.length;
    // The last line of a prefix is cut: the reader leaves an unterminated line alone.
    const { state } = readChatSessionText(prefix.toString('utf8'), 'jsonl');
    if (state && Array.isArray(state.requests) && state.requests.length >= 2) return { ok: true, state, bytesRead };
  }
  if (size > MAX_SESSION_BYTES) return { ok: false, reason: 'session file over 20 MiB', bytesRead };
  if (size > budget - bytesRead) return { ok: false, reason: 'over the 40 MiB read for all sessions', bytesRead };
  const read = readRegularFileSync(file, 'transcript', { maxBytes: MAX_SESSION_BYTES });
  if (!read.ok) return { ok: false, reason: 'unreadable session file', bytesRead };
  bytesRead += read.bytes.length;
  const { state } = readChatSessionText(read.bytes.toString('utf8'), format);
  return state
    ? { ok: true, state, bytesRead }
    : { ok: false, reason: 'session file that is not a chat session', bytesRead };
}

function readPrefix(file: string, bytes: number): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const buffer = Buffer.alloc(bytes);
    const n = readSync(fd, buffer, 0, bytes, 0);
    return buffer.subarray(0, n);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function samePath(folder: string, platform: NodeJS.Platform = process.platform): (project: string) => boolean {
  // Windows and macOS folders are case-insensitive by default; VS Code writes the drive letter in lower case.
  const fold = platform === 'win32' || platform === 'darwin' ? (p: string) => p.toLowerCase() : (p: string) => p;
  const target = fold(folder);
  return (project) => path.isAbsolute(project) && fold(path.resolve(project)) === target;
}
