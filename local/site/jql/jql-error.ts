// Errors of the JQL evaluator, worded like Jira Cloud's own 400 responses so the app's
// error handling sees the same texts offline as online.

export class JqlError extends Error {
  readonly errorMessages: string[];

  constructor(errorMessages: string[]) {
    super(errorMessages.join(' '));
    this.name = 'JqlError';
    this.errorMessages = errorMessages;
  }
}

export const jqlError = (message: string): JqlError => new JqlError([message]);

export const fieldDoesNotExist = (field: string) =>
  jqlError(`Field '${field}' does not exist or you do not have permission to view it.`);

export const fieldNotSupportedLocally = (field: string) =>
  jqlError(`Field '${field}' is not supported by the local Jira site.`);

export const valueDoesNotExist = (value: string, field: string) =>
  jqlError(`The value '${value}' does not exist for the field '${field}'.`);

export const operatorNotSupported = (operator: string, field: string) =>
  jqlError(`The operator '${operator}' is not supported by the '${field}' field.`);

export const listOperandNotSupported = (operator: string, operand: string) =>
  jqlError(`The operator '${operator}' does not support the list operand '${operand}'.`);

export const emptyOperandNotSupported = (operator: string) =>
  jqlError(`The operator '${operator}' does not support the EMPTY operand.`);

export const onlyEmptySupported = (operator: string) =>
  jqlError(`The operator '${operator}' only supports EMPTY or NULL as a value.`);

export const unknownFunction = (call: string) => jqlError(`Unable to find JQL function '${call}'.`);

export const functionNotSupportedByField = (name: string, field: string) =>
  jqlError(`The function '${name}' is not supported by the '${field}' field.`);

export const functionNotSupportedLocally = (call: string) =>
  jqlError(`The JQL function '${call}' is not supported by the local Jira site.`);

export const wrongArgumentCount = (name: string, expected: number, actual: number) =>
  jqlError(`Function '${name}' expected '${expected}' arguments but got '${actual}'.`);

export const notANumber = (value: string, field: string) =>
  jqlError(`The value '${value}' is not a valid number for the field '${field}'.`);

export const invalidDate = (value: string, field: string) =>
  jqlError(
    `Date value '${value}' for field '${field}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`,
  );

export const sortNotSupported = (field: string) => jqlError(`Field '${field}' does not support sorting.`);
