import type { ClausesEdit } from '../../../../src/contract';
import type { WithoutClause } from '../../../../src/domain/story/without-clause';

// Each edit turns the story's clauses into the next ones; the resolver is sent the whole set.
export type ClauseSet = Pick<ClausesEdit, 'clauses' | 'directThreatIds'>;
export type ClauseEdit = (current: ClauseSet) => ClauseSet;

const mapClause =
  (id: string, change: (clause: WithoutClause) => WithoutClause): ClauseEdit =>
  (current) => ({
    ...current,
    clauses: current.clauses.map((clause) => (clause.id === id ? change(clause) : clause)),
  });

export const addClause =
  (clause: WithoutClause): ClauseEdit =>
  (current) => ({ ...current, clauses: [...current.clauses, clause] });

export const changeText = (id: string, text: string): ClauseEdit => mapClause(id, (clause) => ({ ...clause, text }));

export const moveClause =
  (id: string, by: -1 | 1): ClauseEdit =>
  (current) => {
    const from = current.clauses.findIndex((clause) => clause.id === id);
    const to = from + by;
    if (from < 0 || to < 0 || to >= current.clauses.length) return current;
    const clauses = [...current.clauses];
    [clauses[from], clauses[to]] = [clauses[to] as WithoutClause, clauses[from] as WithoutClause];
    return { ...current, clauses };
  };

export const removeClause =
  (id: string): ClauseEdit =>
  (current) => ({ ...current, clauses: current.clauses.filter((clause) => clause.id !== id) });

export const insertClause =
  (clause: WithoutClause, index: number): ClauseEdit =>
  (current) => {
    const clauses = [...current.clauses];
    clauses.splice(Math.min(index, clauses.length), 0, clause);
    return { ...current, clauses };
  };

// A threat a clause now covers is no longer one the story links to directly.
export const linkThreat =
  (id: string, threatId: string): ClauseEdit =>
  (current) => {
    const linked = mapClause(id, (clause) =>
      clause.threatIds.includes(threatId) ? clause : { ...clause, threatIds: [...clause.threatIds, threatId] },
    )(current);
    return { ...linked, directThreatIds: linked.directThreatIds.filter((direct) => direct !== threatId) };
  };

export const unlinkThreat = (id: string, threatId: string): ClauseEdit =>
  mapClause(id, (clause) => ({ ...clause, threatIds: clause.threatIds.filter((linked) => linked !== threatId) }));

export const unlinkDirectThreat =
  (threatId: string): ClauseEdit =>
  (current) => ({
    ...current,
    directThreatIds: current.directThreatIds.filter((direct) => direct !== threatId),
  });
