import type * as vscode from 'vscode';

/** A disposable that owns other disposables (vscode-pull-request-github's lifecycle pattern). */
export abstract class Disposable implements vscode.Disposable {
  private readonly _disposables: vscode.Disposable[] = [];
  private _isDisposed = false;

  protected get isDisposed(): boolean {
    return this._isDisposed;
  }

  /** Takes ownership of `value`; disposes it at once when this object is already disposed. */
  protected _register<T extends vscode.Disposable>(value: T): T {
    if (this._isDisposed) {
      value.dispose();
    } else {
      this._disposables.push(value);
    }
    return value;
  }

  dispose(): void {
    if (this._isDisposed) return;
    this._isDisposed = true;
    disposeAll(this._disposables.splice(0));
  }
}

export function toDisposable(dispose: () => void): vscode.Disposable {
  let done = false;
  return {
    dispose: () => {
      if (done) return;
      done = true;
      dispose();
    },
  };
}

export function disposeAll(disposables: Iterable<vscode.Disposable>): void {
  for (const d of disposables) {
    try {
      d.dispose();
    } catch {
      // One failing disposable must not keep the others alive.
    }
  }
}
