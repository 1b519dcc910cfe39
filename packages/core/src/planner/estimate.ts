import { AppError } from '../errors/app-error.js';

const estimatePattern = /^(?:(\d+(?:\.\d+)?)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?$/i;

/**
 * Minutes of an estimate as typed: `2h`, `90m`, `1h30m`, `1.5h`, or plain minutes `45`.
 *
 * @example parseEstimate('1h30m') // 90
 * @example parseEstimate('2h') // 120
 */
export function parseEstimate(text: string, field = 'estimate'): number {
  const trimmed = text.trim();
  const plain = /^\d+$/.test(trimmed) ? Number(trimmed) : undefined;
  const match = plain === undefined ? estimatePattern.exec(trimmed) : null;
  const minutes =
    plain ?? (match === null || trimmed === '' ? NaN : Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0));
  if (!Number.isFinite(minutes) || minutes < 1 || minutes > 1440 || !Number.isInteger(minutes))
    throw new AppError(
      'invalid-input',
      `${field} must be a whole number of minutes from 1 to 1,440, written 2h, 90m or 1h30m; got "${text.slice(0, 40)}".`,
      { field },
    );
  return minutes;
}
