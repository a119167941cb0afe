// The outline of a national implementation plan, read from layout blocks: which
// strategy and task a block falls under, which year its section reports on
// (추진 실적 of 2022, 시행계획 of 2023), and its role: a title, a keyword bullet,
// a sub-item (a list item deeper than the bullet above it), a footnote (a note
// block, or an item led by `*`), a table or plain text. Series are named and
// claims are read from this outline (plan-figures.ts). Pure.

import type { Layout } from '../layout/types.js';
import type { Source } from '../model/types.js';
import { isTitle, PART_NUMBER, unitsOf, type Unit } from './blocks.js';
import { ARROW_LEAD, leadsWithArrow } from '../extract/prose-series.js';
import { isDigitCode } from '../extract/text.js';

export type PlanRole = 'title' | 'bullet' | 'sub' | 'footnote' | 'table' | 'text';

export interface PlanUnit {
  unit: Unit;
  /** Text without list marks or footnote stars. */
  content: string;
  role: PlanRole;
  /** `(keyword)` at the start of a bullet. */
  keyword?: string;
  strategy?: string;
  task?: string;
  /** The `□` title above. */
  topic?: string;
  /** Year the section reports on. */
  year?: string;
  /** Nearest bullet above a sub-item or footnote. */
  parent?: PlanUnit;
  /** Where the unit was read: its first block, with the printed text of every block it joins. */
  source: Source;
}

/** A strategy title: `[전략1] …`, `【전략 2】 …`, `전략 3. …` (a `)` mistyped for `]` too). */
const STRATEGY = /^(?:[[【]\s*전략\s*(\d+)\s*[)\]】]|전략\s*(\d+)\s*[.:])\s*(.*)$/;
/** Section titles that say which year their section is about: `2022년 시행계획 이행 현황`, `Ⅱ. 2023년 세부 시행계획`. */
const YEAR_SECTION = /(실적|현황|시행\s*계획|추진\s*방향)/;
/** A topic title: the square-marked line that heads a group of bullets (`□ 스마트공장 보급 확산`). */
const TOPIC_MARKER = /^□$/;

/** The first characters a STRATEGY title can start with. */
const STRATEGY_INITIALS = '[【전';

export function strategyOf(text: string): string | undefined {
  // Most texts start otherwise, and are not searched.
  if (text === '' || !STRATEGY_INITIALS.includes(text.charAt(0))) return undefined;
  const s = STRATEGY.exec(text);
  return s ? `전략${s[1] ?? s[2]} ${s[3]!.replace(/[\])】]/g, '').trim()}`.trim() : undefined;
}

/** `(디지털가상제조플랫폼) 중소 …`: the keyword a bullet leads with; a period in brackets (`('23) …`) is not one. */
export function keywordOf(content: string): string | undefined {
  // A keyword is bracketed at the very start: other texts are not searched.
  if (content.charCodeAt(0) !== 0x28) return undefined;
  const keyword = /^\(([^()]{1,30})\)/.exec(content)?.[1]?.trim();
  return keyword && !/^['’‘]?\d{2,4}/.test(keyword) ? keyword : undefined;
}

/** A title led by its number: `1 스마트공장 고도화`. */
const NUMBERED_TITLE = /^(\d{1,2})\s+(\S.*)$/;

function startsWithDigit(text: string): boolean {
  return isDigitCode(text.charCodeAt(0));
}

function isFootnote(unit: Unit): boolean {
  return unit.block.type === 'note' || /^(\\?\*|※)/.test(unit.text);
}

/** The characters the clean-up below removes or rewrites: without any, only the ends are trimmed. */
const MARKS_TO_CLEAN = /[*※\\<]/;

function contentOf(unit: Unit): string {
  if (!MARKS_TO_CLEAN.test(unit.text)) return unit.text.trim();
  const text = unit.text.replace(/^(\\?\*)+\s*/, '').replace(/^※\s*/, '');
  // Escaped stars and superscript tags are rewritten only where a backslash or a tag can hold them.
  const unescaped = text.includes('\\') ? text.replace(/\\\*/g, '*') : text;
  return (unescaped.includes('<') ? unescaped.replace(/<\/?sup>/g, '') : unescaped).trim();
}

/**
 * Units of the layout, with a line led by an arrow joined to the unit above it even
 * when that is a footnote (`* 출연R&D : ('22) 6억원` / `→ ('23) 12억원`): one sequence.
 */
function planUnits(units: Unit[]): Unit[] {
  const out: Unit[] = [];
  for (const unit of units) {
    const previous = out[out.length - 1];
    if (previous && previous.block.type !== 'table' && previous.block.type !== 'heading' && leadsWithArrow(unit.block)) {
      const arrow = unit.block.type === 'list-item' && ARROW_LEAD.test(unit.block.marker) ? `${unit.block.marker} ` : '';
      out[out.length - 1] = { ...previous, parts: [...previous.parts, ...unit.parts], text: `${previous.text} ${arrow}${unit.text}`.replace(/\s+/g, ' ') };
      continue;
    }
    out.push(unit);
  }
  return out;
}

function sourceOf(unit: Unit): Source {
  if (unit.parts.length === 1) return unit.source;
  return { ...unit.source, text: unit.parts.map((p) => (p.source.text ?? '').trim()).join(' ') };
}

/** The outline of a layout; `units` when the caller already has them (`unitsOf(layout)`). */
export function planOutline(layout: Layout, units: Unit[] = unitsOf(layout)): PlanUnit[] {
  const result: PlanUnit[] = [];
  let strategy: string | undefined;
  let task: string | undefined;
  let topic: string | undefined;
  let year: string | undefined;
  let pendingTaskNumber: string | undefined;
  let parent: PlanUnit | undefined;
  for (const unit of planUnits(units)) {
    const content = contentOf(unit);
    if (content === '' && unit.block.type !== 'table') continue;
    const titled = unit.block.type === 'heading' || isTitle(unit);
    const part = PART_NUMBER.test(content);
    if (titled || part) {
      const y = /(\d{4})\s*년/.exec(content)?.[1];
      if (part || YEAR_SECTION.test(content)) {
        if (y) year = y;
        else if (part) year = undefined;
        if (part) {
          strategy = undefined;
          task = undefined;
        }
      }
    }
    const named = unit.block.type === 'table' ? undefined : strategyOf(content);
    if (named) {
      strategy = named;
      task = undefined;
      topic = undefined;
    }
    // A task title: a number alone (`1`) with the name on the next title, or `1 과제명` on one line.
    if (titled && /^\d{1,2}$/.test(content)) {
      pendingTaskNumber = content;
      continue;
    }
    const numbered = startsWithDigit(content) ? NUMBERED_TITLE.exec(content) : null;
    // A paragraph taken for a title is a task title only when short and free of figures (`1 스마트공장 고도화`).
    const taskTitle = numbered && (unit.block.type === 'heading' || (content.length <= 45 && !/[:：%]|\d{2,}/.test(numbered[2]!)));
    if (titled && !named && !part && (pendingTaskNumber || taskTitle)) {
      task = numbered ? `${numbered[1]} ${numbered[2]}` : `${pendingTaskNumber} ${content}`;
      topic = undefined;
      pendingTaskNumber = undefined;
    } else if (!titled) pendingTaskNumber = undefined;
    // A short paragraph taken for a title names a task or a year, but only a heading ends the bullet above.
    let role: PlanRole = unit.block.type === 'heading' ? 'title' : 'text';
    if (unit.block.type === 'table') role = 'table';
    else if (unit.marker && TOPIC_MARKER.test(unit.marker)) {
      topic = content;
      role = 'title';
    } else if (isFootnote(unit)) role = 'footnote';
    else if (unit.block.type === 'list-item') {
      const deeper = parent?.unit.block.type === 'list-item' && unit.block.depth > parent.unit.block.depth;
      role = deeper ? 'sub' : 'bullet';
    }
    const pu: PlanUnit = { unit, content, role, source: sourceOf(unit) };
    if (role === 'bullet') {
      const keyword = keywordOf(content);
      if (keyword) pu.keyword = keyword;
    }
    if (strategy) pu.strategy = strategy;
    if (task) pu.task = task;
    if (topic) pu.topic = topic;
    if (year) pu.year = year;
    if (role === 'bullet') parent = pu;
    else if ((role === 'sub' || role === 'footnote') && parent) pu.parent = parent;
    else if (role === 'title') parent = undefined;
    result.push(pu);
  }
  return result;
}
