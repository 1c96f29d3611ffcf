/** A transcript's default limits and the check every limit passes. */
import { EngineError, withReason } from './shared/errors';
import type { TranscriptLimits } from './shared/types';

export const DEFAULT_TRANSCRIPT_LIMITS: TranscriptLimits = {
  maxEntries: 10_000,
  maxBytes: 16 * 1024 * 1024,
  captureBytes: 64 * 1024,
};

/** Throws INVALID_ARGUMENT for limits no transcript could keep. */
export function validateLimits(limits: TranscriptLimits): void {
  for (const [key, value] of Object.entries(limits)) {
    if (!Number.isInteger(value) || value < 1) {
      throw new EngineError(
        'INVALID_ARGUMENT',
        `transcript limit ${key} must be a positive integer, got ${String(value)}`,
        withReason('transcript-limit', { limit: key, value: String(value) }),
      );
    }
  }
  if (limits.captureBytes > limits.maxBytes) {
    // One capture larger than the whole budget could never be held.
    throw new EngineError(
      'INVALID_ARGUMENT',
      `transcript captureBytes (${limits.captureBytes}) exceeds maxBytes (${limits.maxBytes})`,
      withReason('capture-over-budget', { limit: 'captureBytes', value: limits.captureBytes, max: limits.maxBytes }),
    );
  }
}
