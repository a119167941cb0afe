// The outline of a national implementation plan, line by line: which strategy
// and task a line falls under, which year its section reports on (추진 실적 of
// 2022, 시행계획 of 2023), and whether it is a keyword bullet, a sub-bullet or a
// footnote. Wrapped lines are joined first so a figure never splits in two.

import { stripMarkdown } from '../../extract/text.js';
import type { SourceLine } from '../lines.js';

export type LineRole = 'heading' | 'bullet' | 'sub' | 'footnote' | 'table' | 'text';

export interface PlanLine {
  line: SourceLine;
  /** Text without Markdown marks, bullets or footnote stars. */
  content: string;
  role: LineRole;
  /** `(keyword)` at the start of a bullet. */
  keyword?: string;
  strategy?: string;
  task?: string;
  topic?: string;
  /** Year the section reports on. */
  year?: string;
  /** Nearest keyword bullet above a sub-bullet or footnote. */
  parent?: PlanLine;
  /** Bullets: indentation and marker, to tell their sub-bullets. */
  indent?: number;
  marker?: string;
}

const STRATEGY = /^(?:[[【]\s*전략\s*(\d+)\s*[)\]】]|전략\s*(\d+)\s*[.:])\s*(.*)$/;
const ROMAN = /^(I|II|III|IV|V|VI|VII|Ⅰ|Ⅱ|Ⅲ|Ⅳ|Ⅴ|Ⅵ)\s*\.\s*(.*)$/;

function cleanContent(text: string): string {
  return stripMarkdown(text)
    .replace(/^\s*[-•○·◦▪]\s*/, '')
    .replace(/^(\\?\*)+\s*/, '')
    .replace(/\\\*/g, '*')
    .replace(/<\/?sup>/g, '')
    .trim();
}

/** Join a wrapped line to the one before: it starts with `→` or continues mid-phrase. */
export function joinWrapped(lines: SourceLine[], origin: 'text' | 'pdf' | 'html'): SourceLine[] {
  const out: SourceLine[] = [];
  for (const line of lines) {
    const t = line.text.trim();
    // An arrow line continues the sequence above it, even across a blank line.
    if (t.startsWith('→')) while (out.length > 0 && out[out.length - 1]!.text.trim() === '') out.pop();
    const prev = out[out.length - 1];
    const startsNew = /^(#|[-•□○◇■▶※*\\*]|\(|①|②|③|④|⑤|[IVⅠ-Ⅵ]+\s*\.|\d+\s*[.)]|【|\[|<)/.test(t) || t.includes('\t');
    const continues = prev && prev.text.trim() !== '' && t !== '' && (t.startsWith('→') || (origin === 'pdf' && !startsNew && !/[.다함음임]$/.test(prev.text.trim())));
    if (prev && continues) {
      out[out.length - 1] = { ...prev, text: `${prev.text.trimEnd()} ${t}` };
    } else out.push(line);
  }
  return out;
}

export function outline(lines: SourceLine[]): PlanLine[] {
  const result: PlanLine[] = [];
  let strategy: string | undefined;
  let task: string | undefined;
  let topic: string | undefined;
  let year: string | undefined;
  let pendingTaskNumber: string | undefined;
  let parent: PlanLine | undefined;
  let bulletIndent = 0;
  let bulletMarker = '-';
  for (const line of lines) {
    const raw = line.text;
    const isHeading = /^\s*#/.test(raw);
    const content = cleanContent(raw);
    if (content === '') continue;
    if (isHeading || ROMAN.test(content)) {
      const roman = ROMAN.exec(content);
      const y = /(\d{4})\s*년/.exec(content)?.[1];
      if (roman || /(실적|현황|시행\s*계획|추진\s*방향)/.test(content)) {
        if (y) year = y;
        else if (roman) year = undefined;
        if (roman) {
          strategy = undefined;
          task = undefined;
        }
      }
    }
    const s = STRATEGY.exec(content);
    if (s) {
      strategy = `전략${s[1] ?? s[2]} ${s[3]!.replace(/[\])】]/g, '').trim()}`.trim();
      task = undefined;
      topic = undefined;
    }
    const num = /^(\d)\s*$/.exec(content);
    if (isHeading && num) {
      pendingTaskNumber = num[1];
      continue;
    }
    const numbered = /^(\d)\s+(\S.*)$/.exec(content);
    // Plain-text exports have no heading marks: a short `1 과제명` line alone is a task heading too.
    const plainTask = !isHeading && numbered && /^\d\s/.test(raw.trim()) && content.length <= 45 && !/[:：%]|\d{2,}/.test(numbered[2]!);
    if ((isHeading || plainTask) && (pendingTaskNumber || numbered) && !s && !ROMAN.test(content)) {
      task = numbered ? `${numbered[1]} ${numbered[2]}` : `${pendingTaskNumber} ${content}`;
      pendingTaskNumber = undefined;
      topic = undefined;
    } else if (!isHeading || content.length > 0) {
      pendingTaskNumber = isHeading ? pendingTaskNumber : undefined;
    }
    let role: LineRole = isHeading ? 'heading' : 'text';
    if (raw.includes('\t')) role = 'table';
    else if (/^\s*□/.test(raw) || /^□/.test(content)) {
      topic = content.replace(/^□\s*/, '');
      role = 'heading';
    } else if (/^\s*(-\s*)?(\\?\*)+/.test(raw.replace(/^(\s*-?\s*)\*\*(?=\S)(?!\*)/, '$1')) || /^\s*※/.test(raw)) role = 'footnote';
    else {
      // Bullets: `-`, `○`, `•`, `·`; one indented deeper than the bullet above, or a `-`
      // under a `○`, is a sub-bullet.
      const marker = /^(\s*)([-○•·◦▪])\s*/.exec(raw);
      if (marker) {
        const indent = marker[1]!.length;
        const deeper = parent !== undefined && (indent > (parent.indent ?? 0) || (marker[2] === '-' && parent.marker !== '-' && indent >= (parent.indent ?? 0)));
        role = deeper ? 'sub' : 'bullet';
        if (role === 'bullet') {
          bulletIndent = indent;
          bulletMarker = marker[2]!;
        }
      }
    }
    const pl: PlanLine = { line, content, role };
    if (role === 'bullet') {
      pl.indent = bulletIndent;
      pl.marker = bulletMarker;
    }
    const keyword = /^\(([^()]{1,30})\)/.exec(content)?.[1];
    if (keyword && role === 'bullet') pl.keyword = keyword.trim();
    if (strategy) pl.strategy = strategy;
    if (task) pl.task = task;
    if (topic) pl.topic = topic;
    if (year) pl.year = year;
    if (role === 'bullet') parent = pl;
    else if ((role === 'sub' || role === 'footnote') && parent) pl.parent = parent;
    else if (role === 'heading') parent = undefined;
    result.push(pl);
  }
  return result;
}
