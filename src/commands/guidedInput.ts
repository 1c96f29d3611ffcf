/**
 * A multi-step QuickInput in the manner of VS Code's multiStepInput sample: each step is a function
 * that shows one QuickPick or InputBox and returns the next step. The Back button (and the
 * quickInputBack keybinding) re-runs the previous step with the answers kept; Escape cancels the
 * whole flow. Titles carry "2/3" through QuickInput.step/totalSteps.
 */
import * as vscode from 'vscode';

class FlowAction {
  static readonly back = new FlowAction();
  static readonly cancel = new FlowAction();
}

export type InputStep = (input: MultiStepInput) => Promise<InputStep | void>;

/** What a validator returns for the current text: an error, or a hint that explains the value. */
export interface Validation {
  readonly ok: boolean;
  readonly message?: string;
  readonly hint?: string;
  /** Shown in warning colours on a valid value (a privileged port, an existing file). */
  readonly warning?: string;
}

interface StepFrame {
  readonly title: string;
  /** Absent for a one-step input: no "1/1" in the title. */
  readonly step?: number;
  readonly totalSteps?: number;
}

export interface InputBoxParameters extends StepFrame {
  readonly value: string;
  /** Selects the whole value by default, so typing replaces a suggested value. */
  readonly valueSelection?: [number, number];
  readonly prompt: string;
  readonly placeholder?: string;
  readonly password?: boolean;
  /** Runs on every keystroke; the input cannot be accepted while `ok` is false. */
  readonly validate: (value: string) => Validation;
}

export interface QuickPickParameters<T extends vscode.QuickPickItem> extends StepFrame {
  readonly items: readonly T[];
  readonly activeItem?: T;
  readonly placeholder: string;
  /**
   * Turns typed text into an extra item shown first (a value that is not in the list). Returning
   * undefined shows none. An item whose `invalid` is true cannot be accepted.
   */
  readonly typedItem?: (value: string) => (T & { readonly invalid?: boolean }) | undefined;
  /** Initial filter text. */
  readonly value?: string;
  readonly matchOnDescription?: boolean;
}

export interface ManyPickParameters<T extends vscode.QuickPickItem> extends StepFrame {
  readonly items: readonly T[];
  readonly selected: readonly T[];
  readonly placeholder: string;
  /** Checks the selection on accept; a message keeps the pick open and is shown as its placeholder. */
  readonly validate?: (selected: readonly T[]) => string | undefined;
}

export class MultiStepInput {
  private current: vscode.QuickInput | undefined;
  private readonly steps: InputStep[] = [];

  /** Runs the flow; resolves true when it ran to the end, false when the user cancelled. */
  static async run(start: InputStep): Promise<boolean> {
    const input = new MultiStepInput();
    return input.stepThrough(start);
  }

  private async stepThrough(start: InputStep): Promise<boolean> {
    let step: InputStep | void = start;
    try {
      while (step) {
        this.steps.push(step);
        if (this.current) {
          this.current.enabled = false;
          this.current.busy = true;
        }
        try {
          step = await step(this);
        } catch (error) {
          if (error === FlowAction.back) {
            this.steps.pop();
            step = this.steps.pop();
          } else if (error === FlowAction.cancel) {
            return false;
          } else {
            throw error;
          }
        }
      }
      return true;
    } finally {
      this.current?.dispose();
    }
  }

  private show(input: vscode.QuickInput, frame: StepFrame): void {
    input.title = frame.title;
    input.step = frame.step;
    input.totalSteps = frame.totalSteps;
    input.ignoreFocusOut = true;
    this.current?.dispose();
    this.current = input;
    input.show();
  }

  /** Back only where there is a step to go back to. */
  private backButtons(): vscode.QuickInputButton[] {
    return this.steps.length > 1 ? [vscode.QuickInputButtons.Back] : [];
  }

  async inputBox(parameters: InputBoxParameters): Promise<string> {
    const disposables: vscode.Disposable[] = [];
    try {
      return await new Promise<string>((resolve, reject) => {
        const input = vscode.window.createInputBox();
        input.value = parameters.value;
        input.valueSelection = parameters.valueSelection ?? [0, parameters.value.length];
        input.placeholder = parameters.placeholder;
        input.password = parameters.password === true;
        input.buttons = this.backButtons();
        const update = (value: string): Validation => {
          const result = parameters.validate(value);
          // A validation message hides the prompt, so a warning carries the hint with it.
          input.validationMessage =
            !result.ok || result.warning === undefined
              ? result.message
              : { message: result.hint === undefined ? result.warning : `${result.hint} ${result.warning}`, severity: vscode.InputBoxValidationSeverity.Warning };
          input.prompt = result.hint === undefined ? parameters.prompt : `${result.hint} — ${parameters.prompt}`;
          return result;
        };
        disposables.push(
          input.onDidTriggerButton((button) => {
            if (button === vscode.QuickInputButtons.Back) {
              reject(FlowAction.back);
            }
          }),
          input.onDidChangeValue((value) => void update(value)),
          input.onDidAccept(() => {
            const value = input.value;
            if (update(value).ok) {
              resolve(value);
            }
          }),
          input.onDidHide(() => reject(FlowAction.cancel)),
        );
        update(parameters.value);
        this.show(input, parameters);
      });
    } finally {
      disposables.forEach((disposable) => disposable.dispose());
    }
  }

  async quickPick<T extends vscode.QuickPickItem>(parameters: QuickPickParameters<T>): Promise<T> {
    const disposables: vscode.Disposable[] = [];
    try {
      return await new Promise<T>((resolve, reject) => {
        const pick = vscode.window.createQuickPick<T>();
        pick.placeholder = parameters.placeholder;
        pick.matchOnDescription = parameters.matchOnDescription ?? true;
        pick.buttons = this.backButtons();
        const refresh = (value: string): void => {
          const typed = value.trim() === '' ? undefined : parameters.typedItem?.(value);
          // The typed value is always shown first, whatever the filter hides.
          const exact = parameters.items.some((item) => item.label === value.trim());
          pick.items = typed === undefined || exact ? [...parameters.items] : [{ ...typed, alwaysShow: true }, ...parameters.items];
          if (typed !== undefined && !exact) {
            pick.activeItems = [pick.items[0]];
          }
        };
        refresh(parameters.value ?? '');
        if (parameters.value !== undefined) {
          pick.value = parameters.value;
        }
        if (parameters.activeItem !== undefined && (parameters.value ?? '') === '') {
          pick.activeItems = [parameters.activeItem];
        }
        disposables.push(
          pick.onDidTriggerButton((button) => {
            if (button === vscode.QuickInputButtons.Back) {
              reject(FlowAction.back);
            }
          }),
          pick.onDidChangeValue((value) => refresh(value)),
          pick.onDidAccept(() => {
            const [chosen] = pick.activeItems as Array<T & { readonly invalid?: boolean }>;
            if (chosen !== undefined && chosen.invalid !== true) {
              resolve(chosen);
            }
          }),
          pick.onDidHide(() => reject(FlowAction.cancel)),
        );
        this.show(pick, parameters);
      });
    } finally {
      disposables.forEach((disposable) => disposable.dispose());
    }
  }

  async manyPick<T extends vscode.QuickPickItem>(parameters: ManyPickParameters<T>): Promise<readonly T[]> {
    const disposables: vscode.Disposable[] = [];
    try {
      return await new Promise<readonly T[]>((resolve, reject) => {
        const pick = vscode.window.createQuickPick<T>();
        pick.canSelectMany = true;
        pick.placeholder = parameters.placeholder;
        pick.buttons = this.backButtons();
        pick.items = [...parameters.items];
        pick.selectedItems = [...parameters.selected];
        disposables.push(
          pick.onDidTriggerButton((button) => {
            if (button === vscode.QuickInputButtons.Back) {
              reject(FlowAction.back);
            }
          }),
          pick.onDidAccept(() => {
            const message = parameters.validate?.(pick.selectedItems);
            if (message === undefined) {
              resolve([...pick.selectedItems]);
            } else {
              pick.value = '';
              pick.placeholder = message;
            }
          }),
          pick.onDidHide(() => reject(FlowAction.cancel)),
        );
        this.show(pick, parameters);
      });
    } finally {
      disposables.forEach((disposable) => disposable.dispose());
    }
  }
}
