import { z } from 'zod';

// One entry of the contract: the schema the backend parses the payload with, and (as a type
// only) what the resolver answers inside the envelope. The UI and the resolvers both read
// their types from here, so a payload or an answer is spelled once.

export interface Endpoint<S extends z.ZodType, Answer> {
  readonly payload: S;
  /** A type only, never set at run time: what the resolver answers. */
  readonly answer: Answer;
}

/** `endpoint<StoryView>()(ClausesEdit)`: the answer type first, the payload schema inferred. */
export const endpoint =
  <Answer>() =>
  <S extends z.ZodType>(payload: S): Endpoint<S, Answer> =>
    ({ payload }) as Endpoint<S, Answer>;

/** The payload of a resolver that takes nothing but its context. */
export const NoPayload = z.object({});
