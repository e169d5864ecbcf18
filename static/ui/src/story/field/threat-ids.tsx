import { Text } from '@atlaskit/primitives';

/** The threats a clause is linked to, as plain ids: "T-1, T-4". Nothing when it has none. */
export function ThreatIds({ threatIds }: { threatIds: string[] }) {
  if (threatIds.length === 0) return null;
  return (
    <Text size="small" color="color.text.subtlest">
      {threatIds.join(', ')}
    </Text>
  );
}
