/**
 * The engine-backed services (editorServices.ts), imported with the first analysis rather than at
 * activation: only the type is imported statically, so the bundle keeps the parser, rules,
 * readers and profiles uninitialised until a prompt is analysed (the activation suite checks it).
 */
import type * as vscode from 'vscode';
import type { EditorServices } from './editorServices';

export class ServiceLoader implements vscode.Disposable {
  /** The services once loaded; undefined before the first analysis asked for them. */
  current: EditorServices | undefined;
  private loading: Promise<EditorServices> | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    /** Runs once, when the services are ready (listeners on their caches). */
    private readonly onLoaded: (services: EditorServices) => void,
  ) {}

  load(): Promise<EditorServices> {
    this.loading ??= import('./editorServices').then((m) => {
      const loaded = m.createEditorServices(this.extensionUri);
      this.current = loaded;
      this.onLoaded(loaded);
      return loaded;
    });
    return this.loading;
  }

  dispose(): void {
    this.current?.dispose();
  }
}
