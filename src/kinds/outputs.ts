// Outputs stated beside an activity: `101명/1회`, `30명/추진중`, `추진중`.
// Counts carry their unit noun; statuses are the words a work report uses for
// an activity not (yet) counted. Timing written in the label, `(하반기)`, is kept apart.

import type { ProgramOutput, Source } from '../model/types.js';
import { parseCount } from '../extract/amounts.js';

/** Status words of work reports (progress, not a count). */
export const STATUS = /^(추진중|추진 중|수시|완료|예정|개최연기|연기|취소|미추진|진행중|진행 중|준비중|검토중|상시|계속)$/;

/** `101명/1회`, `30명/추진중`, `895,464명, 2,036건` → quantities and statuses; undefined when any part is neither. */
export function readOutputValue(
  value: string,
): { quantities: { value: number; unit: string }[]; statuses: string[] } | undefined {
  const quantities: { value: number; unit: string }[] = [];
  const statuses: string[] = [];
  const parts = value.split(/\s*[/,]\s*/).filter(Boolean);
  for (const [index, part] of parts.entries()) {
    const trimmed = part.trim();
    const count = parseCount(trimmed) ?? (index > 0 ? parseCount(trimmed.split(/\s+/)[0] ?? '') : undefined);
    if (count && count.unit) quantities.push({ value: count.value, unit: count.unit });
    else if (STATUS.test(trimmed)) statuses.push(trimmed.replace(/\s+/g, ''));
    else return undefined;
  }
  return quantities.length || statuses.length ? { quantities, statuses } : undefined;
}

/** A value that means to be an output (it starts with a figure or a status word), read or not. */
export function looksLikeOutput(value: string): boolean {
  // A year (`2020년 …`) starts a name or a date, not a count.
  return (/^\d/.test(value) && !/^\d{4}\s*(년|\.|[~∼-])/.test(value)) || STATUS.test(value.split(/\s*[/,]\s*/)[0] ?? '');
}

const TIMING = /\((상반기|하반기|[1-4]\s*분기)\)/;

/** The outputs of one `label : value` line; undefined when the value is not an output. */
export function outputsFrom(label: string, value: string, source: Source): ProgramOutput[] | undefined {
  const read = readOutputValue(value);
  if (!read) return undefined;
  // Timing is bracketed: a label without a bracket has none to take out.
  const bracketed = label.includes('(');
  const timing = bracketed ? TIMING.exec(label)?.[1]?.replace(/\s+/g, '') : undefined;
  const clean = (bracketed ? label.replace(TIMING, '') : label).trim();
  const outputs: ProgramOutput[] = [];
  for (const q of read.quantities) {
    const o: ProgramOutput = { label: clean, quantity: { value: q.value, unit: q.unit, source }, source };
    if (timing) o.timing = timing;
    outputs.push(o);
  }
  for (const s of read.statuses) {
    const o: ProgramOutput = { label: clean, status: s, source };
    if (timing) o.timing = timing;
    outputs.push(o);
  }
  return outputs;
}
