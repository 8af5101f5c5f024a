/**
 * A minimal stand-in for the `vscode` module, enough to activate the extension outside VS Code: real event
 * emitters and tree items (the benchmarks drive the tree and the monitor through them), settings in a Map, and
 * inert windows, commands and panels. Members it does not define resolve to an inert function, so new API
 * use in the extension does not break the benchmarks.
 */
import { Module } from 'module';

type Listener<T> = (value: T) => unknown;

class Disposable {
  constructor(private readonly callOnDispose: () => unknown = () => undefined) {}
  static from(...items: Array<{ dispose(): unknown }>): Disposable {
    return new Disposable(() => items.forEach((i) => i.dispose()));
  }
  dispose(): void {
    this.callOnDispose();
  }
}

class EventEmitter<T> {
  private listeners: Array<Listener<T>> = [];
  readonly event = (listener: Listener<T>, thisArg?: unknown): Disposable => {
    const bound: Listener<T> = thisArg === undefined ? listener : listener.bind(thisArg);
    this.listeners.push(bound);
    return new Disposable(() => (this.listeners = this.listeners.filter((l) => l !== bound)));
  };
  fire(value: T): void {
    for (const l of [...this.listeners]) l(value);
  }
  dispose(): void {
    this.listeners = [];
  }
}

class TreeItem {
  [key: string]: unknown;
  constructor(
    public label: unknown,
    public collapsibleState: number = 0,
  ) {}
}

class ThemeIcon {
  constructor(
    readonly id: string,
    readonly color?: unknown,
  ) {}
}

class ThemeColor {
  constructor(readonly id: string) {}
}

class MarkdownString {
  supportThemeIcons = false;
  isTrusted = false;
  constructor(public value = '') {}
  appendMarkdown(text: string): this {
    this.value += text;
    return this;
  }
  appendText(text: string): this {
    this.value += text;
    return this;
  }
  appendCodeblock(text: string): this {
    this.value += text;
    return this;
  }
}

class Uri {
  private constructor(
    readonly scheme: string,
    readonly path: string,
    readonly query = '',
  ) {}
  static file(p: string): Uri {
    return new Uri('file', p);
  }
  static parse(text: string): Uri {
    const u = new URL(text);
    return new Uri(u.protocol.replace(':', ''), u.pathname, u.search.replace(/^\?/, ''));
  }
  static from(parts: { scheme: string; path?: string; query?: string }): Uri {
    return new Uri(parts.scheme, parts.path ?? '', parts.query ?? '');
  }
  static joinPath(base: Uri, ...segments: string[]): Uri {
    return new Uri(base.scheme, [base.path, ...segments].join('/'));
  }
  get fsPath(): string {
    return this.path;
  }
  with(change: { query?: string; path?: string }): Uri {
    return new Uri(this.scheme, change.path ?? this.path, change.query ?? this.query);
  }
  toString(): string {
    return `${this.scheme}:${this.path}${this.query ? `?${this.query}` : ''}`;
  }
}

/** A function that accepts anything and returns an inert disposable-ish object; stands for every API left out. */
function inert(): unknown {
  return inertValue;
}
const inertValue: unknown = new Proxy(
  {},
  {
    get: (_t, key) => (key === 'then' ? undefined : key === Symbol.toPrimitive ? () => '' : inert),
  },
);

/**
 * Adds `inert` for any missing member of a namespace object. The fallback is the object's prototype, not a Proxy
 * around it: members the stand-in has resolve as plain properties (a trap on every `vscode.l10n.t` was a measurable
 * share of a tree row's cost, which real VS Code does not charge).
 */
function lenient<T extends object>(target: T): T {
  return Object.setPrototypeOf(target, inertFallback) as T;
}
const inertFallback: object = new Proxy(
  {},
  {
    get: (_t, key) => (key === 'then' ? undefined : inert),
  },
);

export interface StandInOptions {
  /** Settings by full key, e.g. `veeamRestoreSessions.servers`. */
  settings?: Map<string, unknown>;
  /** What `TreeView.visible` answers. */
  treeVisible?: boolean;
}

export interface VscodeStandIn {
  module: Record<string, unknown>;
  /** Fires `onDidChangeConfiguration` for the given keys after changing them. */
  settings: Map<string, unknown>;
  /** A minimal ExtensionContext with SecretStorage and Memento in memory. */
  context(): Record<string, unknown>;
}

export function createVscodeStandIn(options: StandInOptions = {}): VscodeStandIn {
  const settings = options.settings ?? new Map<string, unknown>();
  const configurationChanged = new EventEmitter<{ affectsConfiguration(section: string): boolean }>();
  const windowState = new EventEmitter<{ focused: boolean }>();
  const commands = new Map<string, (...args: unknown[]) => unknown>();

  const getConfiguration = (section?: string) => {
    const full = (key: string): string => (section ? `${section}.${key}` : key);
    return lenient({
      get: <T>(key: string, fallback?: T): T | undefined => (settings.has(full(key)) ? (settings.get(full(key)) as T) : fallback),
      has: (key: string) => settings.has(full(key)),
      update: async (key: string, value: unknown) => {
        settings.set(full(key), value);
        configurationChanged.fire({ affectsConfiguration: (s: string) => full(key).startsWith(s) || s.startsWith(full(key)) });
      },
      inspect: () => undefined,
    });
  };

  const outputChannel = () =>
    // A user's default: Info (debug lines are dropped).
    lenient({ logLevel: 3, trace: () => undefined, debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined, append: () => undefined, appendLine: () => undefined, dispose: () => undefined });

  const vscode: Record<string, unknown> = {
    Disposable,
    EventEmitter,
    TreeItem,
    ThemeIcon,
    ThemeColor,
    MarkdownString,
    Uri,
    TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
    ExtensionMode: { Production: 1, Development: 2, Test: 3 },
    LogLevel: { Off: 0, Trace: 1, Debug: 2, Info: 3, Warning: 4, Error: 5 },
    StatusBarAlignment: { Left: 1, Right: 2 },
    ConfigurationTarget: { Global: 1, Workspace: 2, WorkspaceFolder: 3 },
    ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
    ViewColumn: { Active: -1, Beside: -2, One: 1 },
    QuickPickItemKind: { Separator: -1, Default: 0 },
    QuickInputButtons: { Back: {} },
    l10n: { t: (message: string, ...args: unknown[]) => (args.length ? message.replace(/\{(\d+)\}/g, (_m, i: string) => String(args[Number(i)])) : message) },
    window: lenient({
      state: { focused: true },
      activeTextEditor: undefined,
      visibleTextEditors: [],
      onDidChangeWindowState: windowState.event,
      onDidChangeActiveTextEditor: new EventEmitter<unknown>().event,
      createOutputChannel: outputChannel,
      createTreeView: () => lenient({ visible: options.treeVisible ?? false, onDidChangeVisibility: new EventEmitter<unknown>().event, onDidChangeSelection: new EventEmitter<unknown>().event, onDidExpandElement: new EventEmitter<unknown>().event, onDidCollapseElement: new EventEmitter<unknown>().event, dispose: () => undefined }),
      createStatusBarItem: () => lenient({ show: () => undefined, hide: () => undefined, dispose: () => undefined }),
      registerWebviewPanelSerializer: () => new Disposable(),
      // Messages are dismissed at once (no button chosen).
      showInformationMessage: async () => undefined,
      showWarningMessage: async () => undefined,
      showErrorMessage: async () => undefined,
      // A panel that renders nothing: enough for session panels to open, watch their session and post updates.
      createWebviewPanel: (viewType: string, title: string) => {
        const disposed = new EventEmitter<void>();
        return lenient({
          viewType,
          title,
          visible: true,
          active: true,
          viewColumn: 1,
          webview: lenient({ html: '', options: {}, cspSource: 'vscode-webview:', onDidReceiveMessage: new EventEmitter<unknown>().event, postMessage: async () => true, asWebviewUri: (u: unknown) => u }),
          onDidDispose: disposed.event,
          onDidChangeViewState: new EventEmitter<unknown>().event,
          reveal: () => undefined,
          dispose: () => disposed.fire(),
        });
      },
      withProgress: async (_o: unknown, task: (p: unknown, t: unknown) => unknown) => task({ report: () => undefined }, { isCancellationRequested: false, onCancellationRequested: () => new Disposable() }),
    }),
    workspace: lenient({
      getConfiguration,
      onDidChangeConfiguration: configurationChanged.event,
      textDocuments: [],
      workspaceFolders: undefined,
      onDidCloseTextDocument: new EventEmitter<unknown>().event,
      registerTextDocumentContentProvider: () => new Disposable(),
      // Exports are encoded and handed over; the file itself is VS Code's business (another process).
      fs: lenient({ writeFile: async () => undefined }),
    }),
    commands: lenient({
      registerCommand: (id: string, run: (...args: unknown[]) => unknown) => {
        commands.set(id, run);
        return new Disposable(() => commands.delete(id));
      },
      executeCommand: async (id: string, ...args: unknown[]) => commands.get(id)?.(...args),
    }),
    env: lenient({ clipboard: { writeText: async () => undefined } }),
    languages: lenient({}),
  };

  const context = (): Record<string, unknown> => {
    const secrets = new Map<string, string>();
    const memento = new Map<string, unknown>();
    return {
      subscriptions: [] as Array<{ dispose(): unknown }>,
      extensionUri: Uri.file(process.cwd()),
      extensionPath: process.cwd(),
      // Test mode: activate() hands its live parts only to tests.
      extensionMode: 3,
      secrets: {
        get: async (key: string) => secrets.get(key),
        store: async (key: string, value: string) => void secrets.set(key, value),
        delete: async (key: string) => void secrets.delete(key),
        onDidChange: new EventEmitter<unknown>().event,
      },
      globalState: { get: (key: string, fallback?: unknown) => (memento.has(key) ? memento.get(key) : fallback), update: async (key: string, value: unknown) => void memento.set(key, value), keys: () => [...memento.keys()] },
      workspaceState: { get: (_key: string, fallback?: unknown) => fallback, update: async () => undefined, keys: () => [] },
    };
  };

  return { module: lenient(vscode), settings, context };
}

/** Makes `require('vscode')` answer the stand-in, for this process. */
export function installVscodeStandIn(standIn: VscodeStandIn): void {
  const loader = Module as unknown as { _load(request: string, parent: unknown, isMain: boolean): unknown };
  const original = loader._load.bind(loader);
  loader._load = (request, parent, isMain) => (request === 'vscode' ? standIn.module : original(request, parent, isMain));
}
