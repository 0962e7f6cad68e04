/** The user's `mvp.*` settings, read once per use so changes apply without a reload. */
import * as vscode from 'vscode';
import type { Budgets } from '../../core/rules/rule';

/** `none`, or an equivalence device id of core/energy/equivalences. */
export type StatusBarEquivalence = string;

export interface MvpSettings {
  defaultModel: string;
  /** Undefined: the profile's data-centre zone. */
  region?: string;
  expectedOutputTokens?: number;
  files: string[];
  diagnosticsEnabled: boolean;
  diagnosticsDelayMs: number;
  /** Personal budgets; each one overrides the team config's. */
  budgets: Budgets;
  statusBarEnabled: boolean;
  statusBarEquivalence: StatusBarEquivalence;
}

export const SETTINGS_SECTION = 'mvp';

export function readSettings(scope?: vscode.ConfigurationScope): MvpSettings {
  const c = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
  const positive = (key: string): number | undefined => {
    const v = c.get<number | null>(key);
    return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined;
  };
  const budgets: Budgets = {};
  const tokens = positive('budgets.tokens');
  const whPerRequest = positive('budgets.whPerRequest');
  const whPerSession = positive('budgets.whPerSession');
  if (tokens !== undefined) budgets.tokens = tokens;
  if (whPerRequest !== undefined) budgets.whPerRequest = whPerRequest;
  if (whPerSession !== undefined) budgets.whPerSession = whPerSession;
  const region = (c.get<string>('region') ?? '').trim();
  return {
    defaultModel: (c.get<string>('defaultModel') ?? '').trim() || 'gpt-4o',
    region: region || undefined,
    expectedOutputTokens: positive('expectedOutputTokens'),
    files: (c.get<string[]>('files') ?? []).filter((g) => typeof g === 'string' && g.trim() !== ''),
    diagnosticsEnabled: c.get<boolean>('diagnostics.enabled') ?? true,
    diagnosticsDelayMs: Math.min(Math.max(c.get<number>('diagnostics.delay') ?? 300, 0), 5000),
    budgets,
    statusBarEnabled: c.get<boolean>('statusBar.enabled') ?? true,
    statusBarEquivalence: c.get<StatusBarEquivalence>('statusBar.equivalence') ?? 'none',
  };
}

/** Settings whose change alters every analysis. */
export function affectsAnalysis(e: vscode.ConfigurationChangeEvent): boolean {
  return ['defaultModel', 'region', 'expectedOutputTokens', 'budgets', 'files', 'diagnostics'].some((k) =>
    e.affectsConfiguration(`${SETTINGS_SECTION}.${k}`),
  );
}
