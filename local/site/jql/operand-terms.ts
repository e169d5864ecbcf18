import type { Operand } from '@atlassianlabs/jql-ast';

export type Term =
  { kind: 'value'; value: string } | { kind: 'empty' } | { kind: 'function'; name: string; args: string[] };

/** The operand as a flat list of terms; a list operand contributes each of its items. */
export function termsOf(operand: Operand): Term[] {
  switch (operand.operandType) {
    case 'value':
      return [{ kind: 'value', value: operand.value }];
    case 'keyword':
      return [{ kind: 'empty' }];
    case 'function':
      return [{ kind: 'function', name: operand.function.value, args: operand.arguments.map((a) => a.value) }];
    case 'list':
      return operand.values.flatMap(termsOf);
  }
}

export function operandText(operand: Operand): string {
  switch (operand.operandType) {
    case 'value':
      return operand.text;
    case 'keyword':
      return 'EMPTY';
    case 'function':
      return functionCall(
        operand.function.value,
        operand.arguments.map((a) => a.text),
      );
    case 'list':
      return `(${operand.values.map(operandText).join(', ')})`;
  }
}

export const functionCall = (name: string, args: readonly string[]) => `${name}(${args.join(', ')})`;
