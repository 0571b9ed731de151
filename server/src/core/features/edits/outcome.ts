/** What an edit command computes: edits to apply as one step, or the reason it cannot make one. */
import type { Position } from '../../model/types';
import type { TextEdit } from '../../rules/types';

export interface EditProposal {
  /** Says what the edits do, for code action titles. */
  readonly title: string;
  /** Edits in the coordinates of the plan they were computed for; empty when nothing needs to change. */
  readonly edits: readonly TextEdit[];
  /** Where the cursor belongs after the edits, in the coordinates of the edited text. */
  readonly cursor?: Position;
}

export interface EditRefusal {
  readonly refused: string;
}

export type EditOutcome = EditProposal | EditRefusal;

export function isRefusal(outcome: EditOutcome): outcome is EditRefusal {
  return 'refused' in outcome;
}
