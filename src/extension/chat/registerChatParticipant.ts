/**
 * `@mvp` in the chat (chatParticipant.ts). Registered at activation so the chat can route to it,
 * but its module — which needs the engine — loads with the first request.
 */
import * as vscode from 'vscode';
import type { AnalysisWithNotices } from '../../core/analyse';
import type { AnalyseOptions } from '../../core/analyseOptions';

export function registerChatParticipant(
  extensionUri: vscode.Uri,
  analyse: (options: AnalyseOptions) => Promise<AnalysisWithNotices>,
  log: vscode.LogOutputChannel,
): vscode.Disposable {
  const chat = (vscode as { chat?: typeof vscode.chat }).chat;
  if (!chat?.createChatParticipant) return new vscode.Disposable(() => undefined);
  let handler: Promise<vscode.ChatRequestHandler> | undefined;
  const participant = chat.createChatParticipant('mvp.chat', async (request, chatContext, stream, token) => {
    handler ??= import('./chatParticipant').then((m) => m.createChatRequestHandler({ analyse, log }));
    return (await handler)(request, chatContext, stream, token);
  });
  participant.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'icon.png');
  return participant;
}
