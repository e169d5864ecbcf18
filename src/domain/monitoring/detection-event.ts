import { z } from 'zod';
import { personText, storedText, type TextRule } from '../common/text-hygiene';

// A detection event a person writes on a threat (any threat, from a template or by hand): what
// to log or alert on, when it fires, who responds and their first steps. Stored on the threat.

const TITLE: TextRule = {
  label: 'An event title',
  min: 3,
  max: 200,
  multiline: false,
  tooShort: 'A detection event needs a title of at least 3 characters',
};
const SIGNAL: TextRule = {
  label: 'The signal',
  min: 3,
  max: 1000,
  multiline: true,
  tooShort: 'Say what to log or alert on (at least 3 characters)',
};
const THRESHOLD: TextRule = { label: 'The threshold', min: 0, max: 300, multiline: false };
const RESPONDER: TextRule = { label: 'Who responds', min: 0, max: 200, multiline: false };
const FIRST_STEPS: TextRule = { label: 'The first steps', min: 0, max: 1000, multiline: true };

/** At most this many events written by hand per threat, so a threat still fits its shard (30,000 characters). */
export const MANUAL_EVENTS_MAX = 10;

/** What a person types to add or change a detection event. */
export const DetectionEventDraft = z.object({
  title: personText(TITLE),
  signal: personText(SIGNAL),
  threshold: personText(THRESHOLD).default(''),
  responder: personText(RESPONDER).default(''),
  firstSteps: personText(FIRST_STEPS).default(''),
});
export type DetectionEventDraft = z.infer<typeof DetectionEventDraft>;

export const ManualEventId = z.string().regex(/^E-[1-9][0-9]*$/, 'A detection event id looks like E-2');

const Stamp = z.object({ accountId: z.string(), at: z.string() });

/**
 * An event as stored on its threat. Loose: fields a newer version (or an integration) adds to
 * an event ride along and are written back when a neighbour is edited.
 */
export const ManualDetectionEvent = z.looseObject({
  id: ManualEventId,
  title: storedText(TITLE),
  signal: storedText(SIGNAL),
  threshold: storedText(THRESHOLD).default(''),
  responder: storedText(RESPONDER).default(''),
  firstSteps: storedText(FIRST_STEPS).default(''),
  created: Stamp,
  updated: Stamp,
});
export type ManualDetectionEvent = z.infer<typeof ManualDetectionEvent>;
