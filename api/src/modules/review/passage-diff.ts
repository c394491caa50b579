import { diffWords } from 'diff';
import type { ReviewPassageStatus, ResponseVote } from '@lip/common';

/** One run of a word diff: unchanged, inserted into or deleted from the frozen text. */
export interface DiffPart {
  kind: 'equal' | 'inserted' | 'deleted';
  text: string;
}

/**
 * The word-level change of a passage between the frozen version and the current draft. A small
 * function over jsdiff so the response table, its export and the warnings agree; it gives way to
 * the shared comparison (`packages/common/src/compare/`) where that fits.
 */
export function diffPassage(frozen: string, current: string): DiffPart[] {
  return diffWords(frozen, current).map((change) => ({
    kind: change.added ? 'inserted' : change.removed ? 'deleted' : 'equal',
    text: change.value,
  }));
}

/** Whether a passage changed: deleted, or its current text differs from the frozen one. */
export function passageChanged(
  status: ReviewPassageStatus,
  frozen: string | null,
  current: string | null,
): boolean | null {
  if (status === 'deleted') return true;
  if (status === 'unknown' || frozen === null || current === null) return null;
  return normaliseSpace(frozen) !== normaliseSpace(current);
}

/** A mismatch between what a response says and what happened to its passage. */
export type PassageWarning = 'accepted-unchanged' | 'not-accepted-changed';

/**
 * Warns when a response accepts a remark but its passage is unchanged, or rejects it and the
 * passage changed anyway. Partly accepted and noted responses fit either outcome.
 */
export function passageWarnings(
  vote: ResponseVote | null,
  changed: boolean | null,
): PassageWarning[] {
  if (changed === null || vote === null) return [];
  if (vote === 'accepted' && !changed) return ['accepted-unchanged'];
  if (vote === 'not-accepted' && changed) return ['not-accepted-changed'];
  return [];
}

function normaliseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
