/** MVP: Clear Agent Usage Cache — the next reading of the coding agents' logs starts from scratch. */
import * as vscode from 'vscode';

export async function clearAgentUsageCacheCommand(panel: {
  clearAgentUsageCache(): Promise<boolean> | undefined;
}): Promise<void> {
  const removed = await panel.clearAgentUsageCache();
  void vscode.window.showInformationMessage(
    removed
      ? 'MVP: agent usage cache cleared; the logs are read again.'
      : 'MVP: there was no agent usage cache to clear.',
  );
}
