/** A failing command says why in an error message ("MVP: …") instead of rejecting silently. */
import * as vscode from 'vscode';

export function reportingErrors<A extends unknown[], R>(
  run: (...args: A) => Promise<R>,
): (...args: A) => Promise<R | undefined> {
  return async (...args: A) => {
    try {
      return await run(...args);
    } catch (e) {
      void vscode.window.showErrorMessage(`MVP: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  };
}
