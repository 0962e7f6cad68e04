/**
 * What the user's own VS Code chat sessions say about a folder's Copilot load: the first request of
 * the most recent sessions whose workspace storage (`workspace.json`) names this folder, with the
 * prompt tokens VS Code or Copilot recorded for it when that turn made a single model call (so the
 * number describes the first request as sent). Found and parsed by the `mvp usage` reader
 * (`logDiscovery`, `vscodeChatSessionFile`, `copilotChatUsageReader`); bounded: the most recent
 * sessions only, each file read up to a cap.
 */
import { statSync } from 'node:fs';
import * as path from 'node:path';
import { readRegularFileSync } from '../files/readRegularFile';
import { candidateLogRoots, listLogFiles, vscodeChatProject, type DiscoveryEnvironment } from '../usage/logDiscovery';
import { messageText, modelOf, singleCallPromptTokens, variableTexts } from '../usage/copilotChatUsageReader';
import { isObject } from '../usage/usageLineReader';
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
/** A long agent session's mutation log grows large; the first request is all we need, but the format has to be replayed whole. */
const MAX_SESSION_BYTES = 20 * 1024 * 1024;

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
  for (const candidate of copilotSessionFilesFor(folder, discovery)) {
    if (seenSessions.size >= maxSessions) break;
    if (candidate.size > MAX_SESSION_BYTES) {
      leaveOut('session file over 20 MiB');
      continue;
    }
    const read = readRegularFileSync(candidate.file, 'transcript', { maxBytes: MAX_SESSION_BYTES });
    if (!read.ok) {
      leaveOut('unreadable session file');
      continue;
    }
    const format = candidate.file.endsWith('.jsonl') ? 'jsonl' : 'json';
    const { state } = readChatSessionText(read.bytes.toString('utf8'), format);
    // VS Code may keep one session both as `.json` and `.jsonl`, or copied into another storage: once.
    const sessionId = state && typeof state.sessionId === 'string' ? state.sessionId : path.basename(candidate.file);
    if (seenSessions.has(sessionId)) continue;
    seenSessions.add(sessionId);
    const first = state && Array.isArray(state.requests) ? state.requests[0] : undefined;
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

function samePath(folder: string, platform: NodeJS.Platform = process.platform): (project: string) => boolean {
  // Windows and macOS folders are case-insensitive by default; VS Code writes the drive letter in lower case.
  const fold = platform === 'win32' || platform === 'darwin' ? (p: string) => p.toLowerCase() : (p: string) => p;
  const target = fold(folder);
  return (project) => path.isAbsolute(project) && fold(path.resolve(project)) === target;
}
