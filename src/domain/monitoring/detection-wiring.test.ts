import { setThreatState, type ThreatModel } from '../threat-model/threat-model';
import { wireDetectionEvent } from './detection-wiring';
import { actor, kb, project } from './monitoring-mother';

describe('wiring a detection event', () => {
  it('adds one accepted detective mitigation of the threat, from the event, and finds it the second time', () => {
    const before = project();
    const first = wireDetectionEvent(before, [kb], 'T-2', 'WEB-I-01-D1', actor);
    expect(first.created).toBe(true);
    expect(first.mitigation).toMatchObject({
      title: 'Alert: Card numbers outside the payment provider',
      implementation: expect.stringMatching(
        /Luhn check[\s\S]*\n\nDetects T-2: Card data disclosed in transit or at rest\.$/,
      ),
      verification:
        'Trigger the attack in a test environment and check that the alert fires and reaches whoever is on call.',
      controlType: 'detective',
      addresses: [{ threatId: 'T-2', strength: 25 }],
      status: 'accepted',
      task: null,
      source: {
        kind: 'knowledge-base',
        knowledgeBaseId: 'web-and-api',
        templateId: 'WEB-I-01',
        version: kb.version,
        detectionEventId: 'WEB-I-01-D1',
      },
    });
    expect(first.model.mitigations).toHaveLength(before.mitigations.length + 1);
    const again = wireDetectionEvent(first.model, [kb], 'T-2', 'WEB-I-01-D1', actor);
    expect(again).toEqual({ model: first.model, mitigation: first.mitigation, event: first.event, created: false });
    expect(first.event.id).toBe('WEB-I-01-D1');
    expect(wireDetectionEvent(first.model, [kb], 'T-2', 'WEB-I-01-D2', actor).mitigation.id).not.toBe(
      first.mitigation.id,
    );
  });

  it('refuses unknown and retired threats, threats written by hand or from an inactive knowledge base, and unknown events', () => {
    const model = project();
    const refusal = (m: ThreatModel, threatId: string, eventId: string, kbs = [kb]) => {
      try {
        wireDetectionEvent(m, kbs, threatId, eventId, actor);
        return 'no error';
      } catch (error) {
        return `${(error as { code: string }).code}: ${(error as Error).message}`;
      }
    };
    expect(refusal(model, 'T-9', 'WEB-I-01-D1')).toBe("NOT_FOUND: Threat T-9 is not in this project's threat model.");
    expect(refusal(setThreatState(model, 'T-2', 1, 'retired', actor).model, 'T-2', 'WEB-I-01-D1')).toBe(
      'BAD_REQUEST: T-2 is retired; its detection events need no alert.',
    );
    expect(refusal(model, 'T-1', 'WEB-I-01-D1')).toBe(
      'BAD_REQUEST: T-1 was written by hand; it names no detection events.',
    );
    expect(refusal(model, 'T-2', 'WEB-I-01-D1', [])).toBe(
      'BAD_REQUEST: T-2 comes from the knowledge base "web-and-api", which is not active in this project.',
    );
    expect(refusal(model, 'T-2', 'WEB-I-02-D1')).toBe('NOT_FOUND: T-2 has no detection event WEB-I-02-D1.');
  });
});
