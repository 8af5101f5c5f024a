import * as vscode from 'vscode';

/** The user pressed the Back button of a step. */
export const BACK = Symbol('back');
export type StepAnswer<T> = T | typeof BACK | undefined;

interface StepPosition {
  title: string;
  step: number;
  totalSteps: number;
}

export interface InputStepOptions extends StepPosition {
  prompt: string;
  value?: string;
  valueSelection?: [number, number];
  placeholder?: string;
  password?: boolean;
  /** Returns an error message, or undefined when the value is acceptable. */
  validate?: (value: string) => string | undefined;
}

/** One InputBox step of a multi-step flow: resolves the value, BACK, or undefined when dismissed. */
export function inputStep(options: InputStepOptions): Promise<StepAnswer<string>> {
  const box = vscode.window.createInputBox();
  box.title = options.title;
  box.step = options.step;
  box.totalSteps = options.totalSteps;
  box.prompt = options.prompt;
  box.value = options.value ?? '';
  if (options.valueSelection) box.valueSelection = options.valueSelection;
  box.placeholder = options.placeholder;
  box.password = options.password ?? false;
  box.ignoreFocusOut = true;
  box.buttons = options.step > 1 ? [vscode.QuickInputButtons.Back] : [];
  return new Promise((resolve) => {
    const disposables: vscode.Disposable[] = [];
    const finish = (answer: StepAnswer<string>): void => {
      disposables.forEach((d) => d.dispose());
      box.dispose();
      resolve(answer);
    };
    disposables.push(
      box.onDidTriggerButton((button) => button === vscode.QuickInputButtons.Back && finish(BACK)),
      box.onDidChangeValue((value) => (box.validationMessage = options.validate?.(value))),
      box.onDidAccept(() => {
        const error = options.validate?.(box.value);
        box.validationMessage = error;
        if (!error) finish(box.value);
      }),
      box.onDidHide(() => finish(undefined)),
    );
    box.show();
  });
}

export interface PickStepOptions<T extends vscode.QuickPickItem> extends StepPosition {
  placeholder: string;
  items: readonly T[];
  active?: T;
}

/** One QuickPick step of a multi-step flow. */
export function pickStep<T extends vscode.QuickPickItem>(options: PickStepOptions<T>): Promise<StepAnswer<T>> {
  const pick = vscode.window.createQuickPick<T>();
  pick.title = options.title;
  pick.step = options.step;
  pick.totalSteps = options.totalSteps;
  pick.placeholder = options.placeholder;
  pick.items = options.items;
  if (options.active) pick.activeItems = [options.active];
  pick.ignoreFocusOut = true;
  pick.buttons = options.step > 1 ? [vscode.QuickInputButtons.Back] : [];
  return new Promise((resolve) => {
    const disposables: vscode.Disposable[] = [];
    const finish = (answer: StepAnswer<T>): void => {
      disposables.forEach((d) => d.dispose());
      pick.dispose();
      resolve(answer);
    };
    disposables.push(
      pick.onDidTriggerButton((button) => button === vscode.QuickInputButtons.Back && finish(BACK)),
      pick.onDidAccept(() => pick.selectedItems[0] && finish(pick.selectedItems[0])),
      pick.onDidHide(() => finish(undefined)),
    );
    pick.show();
  });
}
