// Measures the extension's activation: require the bundle with a stand-in `vscode` module whose
// every API is a no-op, then call activate(). Prints "activateMs N" for several fresh loads.
const Module = require('node:module');
const path = require('node:path');

function stub() {
  const fn = function () {
    return proxy;
  };
  const proxy = new Proxy(fn, {
    get(_t, prop) {
      // Awaiting any API result gives undefined; settings read back their defaults.
      if (prop === 'then') return (resolve) => (typeof resolve === 'function' ? resolve(undefined) : undefined);
      if (prop === 'get') return (_key, fallback) => fallback;
      if (prop === Symbol.toPrimitive) return () => '';
      if (prop === Symbol.iterator) return function* () {};
      if (prop === 'length') return 0;
      return proxy;
    },
    set() {
      return true;
    },
    defineProperty() {
      return true;
    },
    apply() {
      return proxy;
    },
    construct() {
      return proxy;
    },
  });
  return proxy;
}

const origResolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === 'vscode') return 'vscode';
  return origResolve.call(this, request, ...rest);
};
// The bundle copies the module's own keys (esbuild's __toESM), so the stand-in lists the API's names.
const API = ['window', 'workspace', 'languages', 'commands', 'extensions', 'env', 'l10n', 'notebooks', 'tasks', 'debug', 'tests',
  'Uri', 'Range', 'Position', 'Selection', 'Location', 'Diagnostic', 'DiagnosticSeverity', 'DiagnosticTag', 'DiagnosticRelatedInformation',
  'CodeAction', 'CodeActionKind', 'CodeLens', 'Hover', 'MarkdownString', 'StatusBarAlignment', 'EventEmitter', 'Disposable',
  'ThemeColor', 'ThemeIcon', 'ViewColumn', 'ProgressLocation', 'WorkspaceEdit', 'TextEdit', 'RelativePattern', 'CancellationTokenSource',
  'CancellationError', 'TextEditorRevealType', 'FileType', 'ConfigurationTarget', 'NotebookCellKind', 'LogLevel', 'EndOfLine',
  'OverviewRulerLane', 'TreeItem', 'TreeItemCollapsibleState', 'QuickPickItemKind', 'ExtensionMode', 'UIKind', 'ColorThemeKind',
  'FileSystemError', 'DocumentLink', 'SnippetString', 'CompletionItem', 'CompletionItemKind', 'SymbolKind', 'version'];
const api = stub();
const exportsObj = new Proxy({}, {
  get: (_t, prop) => (prop === 'then' || prop === '__esModule' ? undefined : api),
  ownKeys: () => API,
  getOwnPropertyDescriptor: () => ({ enumerable: true, configurable: true, value: api }),
});
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: exportsObj };

const ext = path.resolve(process.argv[2]);
(async () => {
  for (let i = 0; i < 5; i++) {
    delete require.cache[ext];
    const t = process.hrtime.bigint();
    const mod = require(ext);
    const context = { subscriptions: [], extensionPath: path.dirname(path.dirname(ext)), extensionUri: stub(), globalState: stub(), workspaceState: stub(), globalStorageUri: stub(), logUri: stub(), asAbsolutePath: (p) => path.join(path.dirname(path.dirname(ext)), p), extension: stub(), environmentVariableCollection: stub(), secrets: stub(), storageUri: stub() };
    await mod.activate(context);
    process.stdout.write(`activateMs ${(Number(process.hrtime.bigint() - t) / 1e6).toFixed(2)}\n`);
  }
})().catch((e) => {
  process.stderr.write(String(e && e.stack));
  process.exit(1);
});
