/** The energy panel's contract, imported by the extension and the webview alike: view types and messages. */
export * from './viewModel';
export type * from './messages';
