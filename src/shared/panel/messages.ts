/**
 * Messages between the extension and the energy panel's webview: the other half of the shared
 * panel contract. Types only: no runtime code crosses; the extension validates what the webview
 * sends (src/extension/energyPanel/panelProtocol.ts), since it is data from another process.
 */
import type { PanelViewModel, RevealTarget } from './viewModel';

/** Extension → webview. */
export type ExtensionMessage =
  /**
   * `sections` holds only the sections that changed since the last message (all of them when
   * `full`); a section set to null is hidden.
   */
  | { type: 'render'; full: boolean; sections: Partial<PanelViewModel> };

/** Webview → extension. */
export type WebviewMessage =
  /** The script has loaded (again): send everything. */
  | { type: 'ready' }
  | { type: 'reveal'; target: RevealTarget }
  | { type: 'applyFix'; findingId: string }
  /** Without a model id: open the model picker. */
  | { type: 'chooseModel'; modelId?: string }
  | { type: 'startFreshSession' }
  | { type: 'convertSpreadsheet'; attachmentPath: string; sheet?: string }
  | { type: 'selectEquivalence'; equivalenceId: string }
  | { type: 'explainEstimate' }
  /** Open "MVP: Show Agent Context", the itemised view of the agent's fixed load. */
  | { type: 'showAgentContext' }
  | { type: 'openDocs'; url: string }
  | { type: 'resetToday' };
