import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { PEOPLE_NAMES_MAX } from '../../../../src/contract';
import { callResolver } from '../api/invoke-resolver';

// The app stores people by account id only; a view that names them looks the names up once,
// as the person looking, and shares them with everything it shows. `undefined`: not known (yet,
// or the lookup failed); `null`: Jira does not show this person to the viewer (or they are gone).
type Name = string | null | undefined;

interface PeopleNames {
  nameOf: (accountId: string) => Name;
  want: (accountId: string) => void;
}

const PeopleNamesContext = createContext<PeopleNames | undefined>(undefined);

export function PeopleNamesProvider({ children }: { children: ReactNode }) {
  const [names, setNames] = useState<Record<string, string | null>>({});
  const [wanted, setWanted] = useState<string[]>([]);
  const asked = useRef(new Set<string>());

  const want = useCallback((accountId: string) => {
    if (asked.current.has(accountId)) return;
    asked.current.add(accountId);
    setWanted((ids) => [...ids, accountId]);
  }, []);

  useEffect(() => {
    if (wanted.length === 0) return;
    const batch = wanted.slice(0, PEOPLE_NAMES_MAX);
    setWanted((ids) => ids.slice(batch.length));
    void callResolver('people/names', { accountIds: batch }).then((envelope) => {
      // A failed lookup leaves the names out rather than showing an error over what they label.
      if (!envelope.ok) return;
      setNames((known) => ({ ...known, ...Object.fromEntries(batch.map((id) => [id, envelope.data[id] ?? null])) }));
    });
  }, [wanted]);

  const value = useMemo<PeopleNames>(() => ({ nameOf: (id) => names[id], want }), [names, want]);
  return <PeopleNamesContext.Provider value={value}>{children}</PeopleNamesContext.Provider>;
}

/** The display name of a person, looked up by the nearest PeopleNamesProvider. */
export function usePersonName(accountId: string | undefined): Name {
  const people = useContext(PeopleNamesContext);
  useEffect(() => {
    if (accountId && people) people.want(accountId);
  }, [accountId, people]);
  return accountId && people ? people.nameOf(accountId) : undefined;
}

/** "by Alice Admin" once the name is known, "by someone Jira does not show you" when it is not. */
export const byWhom = (name: Name): string =>
  name === undefined ? '' : name === null ? ' by someone Jira does not show you' : ` by ${name}`;
