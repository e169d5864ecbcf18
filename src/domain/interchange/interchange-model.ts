import type { ControlType } from '../mitigation/mitigation';
import type { MitigationStatus, Strength } from '../mitigation/mitigation';
import type { StrideCategory } from '../threat-model/stride';
import type { z } from 'zod';
import type { InterchangeFormat } from './imported-from';

/** A threat read from an OTM or Threat Composer file, in the model's terms (texts already cleaned and cut to its limits). */
export interface InterchangeThreat {
  externalId: string;
  /** Its id in the project this app exported it from (T-3), when the file says so. */
  ownId?: string;
  /** Its revision in that project when it was exported, when the file says so. */
  ownRevision?: number;
  title: string;
  description: string;
  stride: StrideCategory[];
  probability: number;
  impact: number;
  component: string;
  state: 'active' | 'retired';
}

export interface InterchangeMitigation {
  externalId: string;
  /** Its id in the project this app exported it from (M-7), when the file says so. */
  ownId?: string;
  /** Its revision in that project when it was exported, when the file says so. */
  ownRevision?: number;
  title: string;
  implementation: string;
  verification: string;
  controlType: z.infer<typeof ControlType>;
  status: MitigationStatus;
  rejectionReason: string;
  /** The threats it addresses, by their ids in the file. */
  addresses: Array<{ externalThreatId: string; strength: Strength }>;
}

/** What an import file holds, whatever its format: the one input of the merge and of the knowledge-base import. */
export interface InterchangeModel {
  format: InterchangeFormat;
  /** The project or application name the file gives. */
  name: string;
  /** Which document the file is, for the records' `imported` key (OTM's project id, a hash of a Threat Composer name). */
  document: string;
  /** The Jira project this app exported the file from, when the file says so. */
  projectKey?: string;
  threats: InterchangeThreat[];
  mitigations: InterchangeMitigation[];
  /** What the file had that cannot be imported (a mitigation of no threat, a repeated id), in sentences. */
  warnings: string[];
}
