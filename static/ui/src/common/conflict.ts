export const conflictWhileEditing = (threatId: string) =>
  `Someone else changed ${threatId} while you were editing. Reload to see their version.`;

export const conflictOnStateChange = (threatId: string) =>
  `Someone else changed ${threatId} in the meantime. Reload to see their version, then try again.`;

export const mitigationConflict = (mitigationId: string) =>
  `Someone else changed ${mitigationId} while you were editing. Reload to see their version.`;
