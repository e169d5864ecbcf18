import { z } from 'zod';

export const STRIDE = ['S', 'T', 'R', 'I', 'D', 'E'] as const;
export const StrideCategory = z.enum(STRIDE, { error: 'Pick STRIDE categories from S, T, R, I, D and E' });
export type StrideCategory = z.infer<typeof StrideCategory>;

export const STRIDE_NAMES: Record<StrideCategory, string> = {
  S: 'Spoofing',
  T: 'Tampering',
  R: 'Repudiation',
  I: 'Information disclosure',
  D: 'Denial of service',
  E: 'Elevation of privilege',
};
