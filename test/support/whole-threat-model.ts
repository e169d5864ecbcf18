import {
  listRows,
  THREATS_PAGE,
  type MitigationRow,
  type StrideQuestionView,
  type ThreatModelView,
  type ThreatRow,
  type ThreatsAnswer,
} from '../../src/contract';
import type { Envelope } from '../../src/domain/common/envelope';

/** The threat model as the tab would see it after reading every page: the index's view with every full row. */
export type WholeThreatModel = Omit<ThreatModelView, 'index'> & {
  threats: ThreatRow[];
  mitigations: MitigationRow[];
  questions: Record<string, StrideQuestionView>;
};

/**
 * Reads `threat-model/get`, then every threat it lists through `threat-model/threats`, a page
 * at a time, as the tab does (tests that look at one threat's row or mitigations use this).
 * A failed read answers its envelope.
 */
export async function readWholeModel<W extends string>(
  call: (who: W, functionKey: string, payload: unknown, extension: Record<string, unknown>) => Promise<unknown>,
  who: W,
  extension: Record<string, unknown>,
): Promise<Envelope<WholeThreatModel>> {
  const got = (await call(who, 'threat-model/get', {}, extension)) as Envelope<ThreatModelView>;
  if (!got.ok) return got;
  const { index, ...view } = got.data;
  const ids = listRows(index).map((row) => row.id);
  const threats: ThreatRow[] = [];
  const mitigations = new Map<string, MitigationRow>();
  let questions: Record<string, StrideQuestionView> = {};
  for (let start = 0; start < ids.length; start += THREATS_PAGE) {
    const page = (await call(
      who,
      'threat-model/threats',
      { ids: ids.slice(start, start + THREATS_PAGE) },
      extension,
    )) as Envelope<ThreatsAnswer>;
    if (!page.ok) return page;
    threats.push(...page.data.threats);
    for (const m of page.data.mitigations) mitigations.set(m.id, m);
    questions = { ...questions, ...page.data.questions };
  }
  const order = (id: string) => Number(id.slice(2));
  return {
    ok: true,
    data: {
      ...view,
      threats,
      mitigations: [...mitigations.values()].sort((a, b) => order(a.id) - order(b.id)),
      questions,
    },
  };
}
