/**
 * The energy panel's script. It renders what the extension posts and computes nothing: every
 * number, bar width and chart point arrives ready in the view model. Updates carry only the
 * sections that changed; each is rebuilt off-screen and swapped in one step (no flicker), with
 * keyboard focus carried over. The last view model and the collapsed sections are kept with
 * setState, so a hidden-then-shown panel paints at once, before the extension answers "ready".
 */
import type { ExtensionMessage, WebviewMessage } from '../src/shared/panel';
import type { PanelViewModel, SectionId } from '../src/shared/panel';
import { h } from './dom';
import {
  renderAgentLoad,
  renderCompare,
  renderHeader,
  renderNow,
  renderParts,
  renderSession,
  renderSuggestions,
  renderToday,
  type Post,
} from './sections';
import './panel.css';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

interface SavedState {
  version: 1;
  model: Partial<PanelViewModel>;
  collapsed: SectionId[];
}

const SECTIONS: ReadonlyArray<{ id: SectionId; title?: string }> = [
  { id: 'header' },
  { id: 'now', title: 'Now' },
  { id: 'parts', title: 'Where the tokens go' },
  { id: 'agentLoad', title: 'Sent with every request' },
  { id: 'session', title: 'Session' },
  { id: 'suggestions', title: 'Suggestions' },
  { id: 'compare', title: 'Compare models' },
  { id: 'today', title: 'Today’s prompts, one request each' },
];

const vscode = acquireVsCodeApi();

function loadState(): SavedState {
  const raw = vscode.getState() as Partial<SavedState> | undefined;
  if (raw && raw.version === 1 && raw.model && Array.isArray(raw.collapsed)) {
    return { version: 1, model: raw.model, collapsed: raw.collapsed };
  }
  return { version: 1, model: {}, collapsed: [] };
}

const state = loadState();

function saveState(): void {
  vscode.setState(state);
}

const post: Post = (message: WebviewMessage) => {
  if (message.type === 'selectEquivalence' && state.model.now) {
    // Show the choice at once; the extension stores it and confirms with a render.
    state.model.now = { ...state.model.now, selectedEquivalence: message.equivalenceId };
    renderSection('now');
    saveState();
  }
  vscode.postMessage(message);
};

function sectionBody(id: SectionId): Node[] {
  const model = state.model;
  switch (id) {
    case 'header':
      return model.header ? renderHeader(model.header) : [];
    case 'now':
      return model.now ? renderNow(model.now, post) : [];
    case 'parts':
      return model.parts ? renderParts(model.parts, post) : [];
    case 'agentLoad':
      return model.agentLoad ? renderAgentLoad(model.agentLoad, post) : [];
    case 'session':
      return model.session ? renderSession(model.session, post) : [];
    case 'suggestions':
      return model.suggestions ? renderSuggestions(model.suggestions, post) : [];
    case 'compare':
      return model.compare ? renderCompare(model.compare, post) : [];
    case 'today':
      return model.today ? renderToday(model.today, post) : [];
  }
}

function setCollapsed(id: SectionId, collapsed: boolean): void {
  const toggle = document.getElementById(`toggle-${id}`);
  const body = document.getElementById(`body-${id}`);
  toggle?.setAttribute('aria-expanded', String(!collapsed));
  if (body) {
    body.hidden = collapsed;
  }
  state.collapsed = state.collapsed.filter((c) => c !== id);
  if (collapsed) {
    state.collapsed.push(id);
  }
}

/** The page skeleton: one landmark per section, each with a collapsible heading. */
function buildSkeleton(root: HTMLElement): void {
  root.replaceChildren();
  for (const { id, title } of SECTIONS) {
    if (!title) {
      root.appendChild(h('header', { id: `section-${id}`, class: 'panel-header' }, h('div', { id: `body-${id}` })));
      continue;
    }
    const toggle = h(
      'button',
      {
        type: 'button',
        id: `toggle-${id}`,
        class: 'section-toggle',
        'aria-expanded': 'true',
        'aria-controls': `body-${id}`,
        'data-focus-key': `toggle:${id}`,
      },
      h('span', { class: 'chevron', 'aria-hidden': 'true' }),
      title,
    );
    toggle.addEventListener('click', () => {
      setCollapsed(id, toggle.getAttribute('aria-expanded') === 'true');
      saveState();
    });
    root.appendChild(
      h(
        'section',
        { id: `section-${id}`, class: 'section', 'aria-labelledby': `toggle-${id}`, 'data-section': id },
        h('h2', {}, toggle),
        h('div', { id: `body-${id}`, class: 'section-body' }),
      ),
    );
    setCollapsed(id, state.collapsed.includes(id));
  }
}

function renderSection(id: SectionId): void {
  const section = document.getElementById(`section-${id}`);
  const body = document.getElementById(`body-${id}`);
  if (!section || !body) {
    return;
  }
  const active = document.activeElement as HTMLElement | null;
  const focusKey = active && body.contains(active) ? active.getAttribute('data-focus-key') : null;
  // Open <details> survive a re-render: they are the user's choice, not the extension's.
  const open = new Set(Array.from(body.querySelectorAll('details[open] > summary')).map((s) => s.getAttribute('data-focus-key')));

  const next = h('div', { id: `body-${id}`, class: body.className }, ...sectionBody(id));
  next.hidden = body.hidden;
  for (const summary of Array.from(next.querySelectorAll('details > summary'))) {
    if (open.has(summary.getAttribute('data-focus-key'))) {
      (summary.parentElement as HTMLDetailsElement).open = true;
    }
  }
  body.replaceWith(next);
  section.hidden = state.model[id] === null || state.model[id] === undefined;
  section.setAttribute('data-rendered', String(Number(section.getAttribute('data-rendered') ?? '0') + 1));

  if (focusKey) {
    const target = Array.from(next.querySelectorAll<HTMLElement>('[data-focus-key]')).find(
      (element) => element.getAttribute('data-focus-key') === focusKey,
    );
    // The focused control may be gone (a suggestion was applied): keep focus in the section.
    (target ?? (document.getElementById(`toggle-${id}`) as HTMLElement | null))?.focus();
  }
}

function applyRender(message: Extract<ExtensionMessage, { type: 'render' }>): void {
  const ids = SECTIONS.map((s) => s.id).filter((id) => message.full || id in message.sections);
  if (message.full) {
    state.model = {};
  }
  for (const id of ids) {
    (state.model as Record<SectionId, unknown>)[id] = message.sections[id] ?? null;
  }
  for (const id of ids) {
    renderSection(id);
  }
  document.body.setAttribute('data-state', state.model.header?.state ?? 'empty');
  saveState();
}

const root = document.getElementById('mvp-panel');
if (root) {
  buildSkeleton(root);
  if (Object.keys(state.model).length > 0) {
    for (const { id } of SECTIONS) {
      renderSection(id);
    }
    document.body.setAttribute('data-state', state.model.header?.state ?? 'empty');
  }
  window.addEventListener('message', (event: MessageEvent) => {
    const message = event.data as ExtensionMessage | undefined;
    if (message && message.type === 'render' && message.sections && typeof message.sections === 'object') {
      applyRender(message);
    }
  });
  vscode.postMessage({ type: 'ready' } satisfies WebviewMessage);
}
