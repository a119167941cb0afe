// The regional-report kind (a local government's or agency's work report or
// work plan: 주요업무 추진상황, 주요업무계획), read from layout blocks. What is
// specific to the kind: its head (title, date, fiscal period, as-of date,
// issuer), its staff table, its activities with their outputs under strategy
// titles, its project descriptions and its project list. Budget tables,
// multi-year tables, series, targets and growth claims are every document's,
// read by the extractors (src/extract) and added by `enrich`.

import { pushAll } from '../extract/collections.js';
import { emptyDocument, type Claim, type Diagnostic, type OrgRow, type ParseResult, type Program } from '../model/types.js';
import type { Block, Layout, TableBlock } from '../layout/types.js';
import { collapseLetterSpacing, normalizeName } from '../extract/names.js';
import { isoDate, parseAsOf } from '../extract/periods.js';
import { warning } from '../model/diagnostics.js';
import { blockText, isBracketedLabel, isTitle, labelled, PART_NUMBER, TASK_NUMBER, unitsOf, type Unit } from './blocks.js';
import { looksLikeOutput, outputsFrom } from './outputs.js';
import { memoized } from '../extract/memo.js';
import { isSpaceCode } from '../extract/text.js';
import { readOrganisation } from './organisation.js';
import { applyField, departmentOf, descriptionField, isProjectList, ProjectListReader } from './projects.js';
import { titleOf } from './document.js';

const HALF: Record<string, string> = { 상반기: 'H1', 하반기: 'H2' };

/** Words a work report's title uses for itself. */
const REPORT_TITLE = /(추진\s*상황|추진\s*실적|추진\s*계획|업무\s*보고|업무\s*계획|사업\s*보고|주요\s*업무|업무\s*현황)/;
/** A table of contents is not part of the title area. */
const CONTENTS = /^(목차|차례|보고순서|contents)$/i;

/**
 * The title area: the blocks before the first table, the first numbered part
 * title or the table of contents.
 */
export function titleArea(layout: Layout): Block[] {
  const area: Block[] = [];
  for (const block of layout.blocks) {
    if (block.type === 'table') break;
    const text = blockText(block);
    if (PART_NUMBER.test(text) || CONTENTS.test(text.replace(/\s+/g, ''))) break;
    area.push(block);
  }
  return area;
}

/** `2020. 7.`, `2025. 2. 11.`, `2025.2.7(금)` standing alone: the issue date (month precision when no day). */
export function issueDate(text: string): string | undefined {
  const m = /^(\d{4})\s*[.년]\s*(\d{1,2})\s*[.월]?\s*(?:(\d{1,2})\s*[.일]?)?\s*(?:\(\s*[월화수목금토일]\s*\))?\.?$/.exec(text.trim());
  if (!m) return undefined;
  const month = m[2]!.padStart(2, '0');
  if (Number(month) < 1 || Number(month) > 12) return undefined;
  // A day is checked against its month (isoDate), so `2025. 2. 31.` is no date.
  return m[3] ? isoDate(Number(m[1]), Number(month), Number(m[3])) : `${m[1]}-${month}`;
}

export interface ReportHead {
  title?: string;
  date?: string;
  fiscalPeriod?: string;
  issuer?: string;
}

/** A legal person named in the text: `재단법인 충북과학기술혁신원`. */
const LEGAL_PERSON = /(?:재단법인|사단법인|\(재\)|\(사\))\s*([가-힣A-Za-z]{2,}(?:원|재단|센터|진흥원|공사|공단|연구원|협회))/;
/** A public body or one of its units standing alone in the title area: `부산광역시 관광마이스국`, `주 택 건 축 국`. */
const BODY_LINE = /^(?:[가-힣]+(?:특별시|광역시|특별자치시|특별자치도|도|시|군|구)\s*)?[가-힣]{2,12}(?:국|실|본부|정책관|담당관|사업소)$/;
/** A year printed on its own line above the title (`2025년도`). */
const YEAR_LINE = /^(\d{4}\s*년도?)\s*[-–]?$/;

/** Doubled text of bold PDF rendering (`금융창업정책관금융창업정책관`) read once. */
function undoubled(text: string): string {
  const half = text.length / 2;
  return Number.isInteger(half) && text.slice(0, half) === text.slice(half) ? text.slice(0, half) : text;
}

/** The word every founding ordinance's title holds (`… 설립 및 지원에 관한 조례`). */
const FOUNDING_WORD = '설립';

/**
 * A table's text, cells joined with spaces and rows with line breaks, when a cell
 * holds `word` (a word is never split over cells); else empty: a long table is not
 * turned into one string to look for a word none of its cells holds.
 */
function tableTextFor(table: TableBlock, word: string): string {
  if (!table.rows.some((r) => r.cells.some((c) => c.text.includes(word)))) return '';
  return table.rows.map((r) => r.cells.map((c) => c.text).join(' ')).join('\n');
}

/** The first body the text cites as founded (`재단법인 X 설립`); only a text holding the founding word is searched. */
function foundingIssuer(layout: Layout, founding: RegExp): string | undefined {
  for (const b of layout.blocks) {
    const text = b.type === 'table' ? tableTextFor(b, FOUNDING_WORD) : b.text.includes(FOUNDING_WORD) ? b.text : '';
    const issuer = text === '' ? undefined : founding.exec(text)?.[1];
    if (issuer) return issuer;
  }
  return undefined;
}

export function readReportHead(layout: Layout): ReportHead {
  const head: ReportHead = {};
  const area = titleArea(layout).map((b) => collapseLetterSpacing(blockText(b))).filter(Boolean);
  const at = area.findIndex((t) => REPORT_TITLE.test(t.replace(/\s+/g, '')) && t.length <= 80);
  let title = at >= 0 ? area[at] : titleOf(layout);
  // A title printed over two lines, the year above: `2025년도` / `주요 업무계획`.
  if (at > 0 && !/\d{4}/.test(title!) && YEAR_LINE.test(area[at - 1]!)) title = `${YEAR_LINE.exec(area[at - 1]!)![1]} ${title}`;
  if (title) head.title = title;
  for (const text of area) {
    const date = issueDate(text) ?? issueDate(text.replace(/^.*?(\d{4}\s*\.\s*\d{1,2}\s*\.(?:\s*\d{1,2}\s*\.?)?).*$/, '$1'));
    if (date && !head.date) head.date = date;
  }
  const period = title ? /(\d{4})\s*년도?\s*(상반기|하반기)?/.exec(title) : undefined;
  if (period) head.fiscalPeriod = period[2] ? `${period[1]}-${HALF[period[2]]}` : period[1]!;
  const body = area.map((t) => undoubled(t.replace(/\s+/g, ''))).find((t) => BODY_LINE.test(t));
  if (body) head.issuer = body;
  else {
    // A foundation's report names itself in the title area, or cites its own founding ordinance
    // (`재단법인 X 설립 및 지원에 관한 조례`); another body named in the text is not the issuer.
    const founding = new RegExp(`${LEGAL_PERSON.source}\\s*설립`);
    const issuer = area.map((t) => LEGAL_PERSON.exec(t)?.[1]).find(Boolean) ?? foundingIssuer(layout, founding);
    if (issuer) head.issuer = issuer;
  }
  return head;
}

/** The first as-of date the document states (`('20. 6. 30 현재, 단위 : 천원)`), in text or beside a table. */
export function readAsOf(layout: Layout): string | undefined {
  for (const block of layout.blocks) {
    const texts = block.type === 'table' ? [block.caption ?? '', block.unitSource?.text ?? ''] : [block.text];
    for (const t of texts) {
      // An as-of date is worded `현재` or `기준`: a text with neither is not read.
      if (!t.includes('현재') && !t.includes('기준')) continue;
      const asOf = parseAsOf(t);
      if (asOf) return asOf;
    }
  }
  return undefined;
}

/** Whether a cell of the table, its spaces removed, matches (`정 원`): cell by cell, never the whole table as one string. */
function anyCell(table: TableBlock, word: string): boolean {
  // Its last letter first: most cells do not hold it, and need no copy without spaces.
  const last = word[word.length - 1]!;
  return table.rows.some((r) => r.cells.some((c) => c.text.includes(last) && includesSpaced(c.text, word)));
}

/** Whether `text` without its white space holds `word` (a word without spaces), read in place rather than on a copy. */
function includesSpaced(text: string, word: string): boolean {
  for (let start = text.indexOf(word[0]!); start >= 0; start = text.indexOf(word[0]!, start + 1)) {
    let i = start + 1;
    let k = 1;
    for (; k < word.length; k++) {
      while (i < text.length && isSpaceCode(text.charCodeAt(i))) i++;
      if (i >= text.length || text[i] !== word[k]) break;
      i++;
    }
    if (k === word.length) return true;
  }
  return false;
}

/** Staff tables: any table with rows or columns labelled 정원 and 현원. */
export function readStaff(layout: Layout): { rows: OrgRow[]; claims: Claim[] } {
  const rows: OrgRow[] = [];
  const claims: Claim[] = [];
  for (const block of layout.blocks) {
    if (block.type !== 'table') continue;
    if (!anyCell(block, '정원') || !anyCell(block, '현원')) continue;
    const read = readOrganisation(block);
    pushAll(rows, read.rows);
    pushAll(claims, read.claims);
  }
  return { rows, claims };
}

/**
 * Strategy titles: an unnumbered title that opens subsections (the next block
 * is a title too), the first such after a part title or after the last
 * activity. Numbered titles below it are its tasks; activities take its name
 * as their group.
 */
function isStrategyTitle(units: Unit[], i: number): boolean {
  const unit = units[i]!;
  if (!isTitle(unit) || PART_NUMBER.test(unit.text) || TASK_NUMBER.test(unit.text) || isBracketedLabel(unit.text) || /[:：]/.test(unit.text)) return false;
  const next = units[i + 1];
  return next !== undefined && isTitle(next) && !PART_NUMBER.test(next.text);
}

/**
 * An activity is named by a phrase (two words or more, `드론 전문인력 양성 지원`);
 * a one-word label (`사업규모`, `종 사 자`) or a description field heads a fact, not an activity.
 */
function isActivityName(label: string): boolean {
  const name = collapseLetterSpacing(label);
  return name.split(/\s+/).length >= 2 && descriptionField(name) === undefined;
}

/**
 * Activities: `name : figures` lines of the outermost rank (□ items, or
 * unmarked titles) under a strategy title, each with the outputs its inner
 * items state (`- 교육 운영 : 38건`, `○ 공모 대응(하반기) : 추진중`).
 */
export function readActivities(units: Unit[], diagnostics: Diagnostic[]): Program[] {
  const programs: Program[] = [];
  let group: string | undefined;
  let openForGroup = false;
  let current: Program | undefined;
  units.forEach((unit, i) => {
    // Asked once per unit (it runs several patterns), for the part and task tests below.
    const title = isTitle(unit);
    if (title && PART_NUMBER.test(unit.text)) {
      group = undefined;
      current = undefined;
      openForGroup = true;
      return;
    }
    if (openForGroup && isStrategyTitle(units, i)) {
      group = unit.text;
      current = undefined;
      openForGroup = false;
      return;
    }
    if (title && TASK_NUMBER.test(unit.text)) {
      current = undefined;
      return;
    }
    if (unit.block.type === 'table' || unit.block.type === 'note') return;
    const item = labelled(unit.text);
    if (!item || item.value === '') return;
    if (unit.rank === 0 && group && isActivityName(item.label) && looksLikeOutput(item.value)) {
      const source = unit.source;
      current = { name: item.label, normalizedName: normalizeName(item.label), group, sources: [source], outputs: [] };
      const outputs = outputsFrom(item.label, item.value, source);
      if (outputs) pushAll(current.outputs!, outputs);
      else diagnostics.push(warning('output-unreadable', `activity figure "${item.value}" could not be read`, source));
      programs.push(current);
      openForGroup = true;
      return;
    }
    if (current && unit.rank > 0) {
      const outputs = outputsFrom(item.label, item.value, unit.source);
      if (outputs) pushAll(current.outputs!, outputs);
    }
  });
  return programs;
}

/** `현안사업 3 : SW서비스사업화지원사업 (안전작업)` → the name after the numbered label; else the title without its numbering. */
export function projectName(title: string): string {
  const numbered = /^[\p{L}\s]{1,16}?\s*\d{1,2}\s*[:：]\s*(.+)$/u.exec(title);
  const name = numbered ? numbered[1]! : title.replace(TASK_NUMBER, '');
  return name.replace(/\\_/g, '_').trim();
}

/** A title a project description can hang from: unmarked, not a bracketed subsection label. */
function isProjectTitle(unit: Unit): boolean {
  if (unit.marker || unit.block.type === 'table' || unit.block.type === 'note' || unit.block.type === 'list-item') return false;
  if (isBracketedLabel(unit.text) || PART_NUMBER.test(unit.text)) return false;
  if (isTitle(unit)) return true;
  // A numbered label with a colon (`현안사업 1 : 사업명`) is a title too in layouts that mark no headings.
  return /^[\p{L}\s]{1,16}?\s*\d{1,2}\s*[:：]\s*\S/u.test(unit.text) && !/\d{4}/.test(unit.text.slice(0, 8));
}

/**
 * Labels of the standard subsections of a project description (개요, 필요성,
 * 추진경과, 향후계획 …): general vocabulary of Korean administrative writing,
 * never a project's name.
 */
const SUBSECTION_LABEL = /^(사업|추진|과제)?(개요|필요성|배경|경과|현황|실적|향후계획|계획|방안|방향|주요내용|내용|기대효과|효과|목적|일정|체계|문제점|개선방안)$/;

// Memoized per document: each unit's text is asked about more than once. A text with more
// letters than the longest label (most texts: sentences) is answered before the memo.
const subsectionLabel = memoized(readSubsectionLabel);
export const isSubsectionLabel = (text: string): boolean => !lettersBeyond(text, LONGEST_LABEL) && subsectionLabel(text);

/** The longest text SUBSECTION_LABEL takes: `사업` or `추진` before `개선방안`, `향후계획`, `기대효과`, `주요내용`. */
const LONGEST_LABEL = 6;

function readSubsectionLabel(text: string): boolean {
  return SUBSECTION_LABEL.test(text.replace(/\([^)]*\)/g, '').replace(/[\s<>〈〉【】[\]]/g, ''));
}

/**
 * Whether more than `limit` characters are left of a text once readSubsectionLabel has
 * dropped what it drops: bracketed asides (`(…)`, each `(` to the next `)`), white space
 * and the brackets of a label (`<`, `【` …).
 */
function lettersBeyond(text: string, limit: number): boolean {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x28) {
      const close = text.indexOf(')', i + 1);
      if (close >= 0) {
        i = close;
        continue;
      }
    }
    if (isSpaceCode(code) || LABEL_BRACKETS.has(code)) continue;
    if (++n > limit) return true;
  }
  return false;
}

/** The brackets readSubsectionLabel removes with the spaces. */
const LABEL_BRACKETS = new Set([...'<>〈〉【】[]'].map((ch) => ch.charCodeAt(0)));

/**
 * Project descriptions: fields (사업기간, 총사업비 …) under the title or item
 * that names the project, found as in an outline: the nearest title or
 * outer-ranked item above the field that is neither a subsection label
 * (`□ 사업개요`, `< 필요성 >`) nor a `label : value` line. The project is made
 * at its first period or budget field; later fields and the department
 * sign-off fill it until another project is named.
 */
/** The department the first of a unit's blocks that names one names (a table by its first row). */
function departmentOfParts(parts: Block[]): string | undefined {
  for (const b of parts) {
    const department = departmentOf(b.type === 'table' ? (b.rows[0]?.cells.map((c) => c.text).join(' ') ?? '') : blockText(b));
    if (department) return department;
  }
  return undefined;
}

export function readDescriptions(units: Unit[]): { programs: Program[]; claims: Claim[] } {
  const programs: Program[] = [];
  const claims: Claim[] = [];
  // names[0] is the nearest title; names[rank + 1] the nearest item of that rank.
  let names: (Unit | undefined)[] = [];
  let current: { program: Program; by: Unit } | undefined;
  let sinceTitle = false;
  for (const unit of units) {
    const department = departmentOfParts(unit.parts);
    if (department) {
      if (current) current.program.department = department;
      continue;
    }
    if (unit.block.type === 'table' || unit.block.type === 'note') continue;
    const item = labelled(unit.text);
    if (isProjectTitle(unit)) {
      // A deeper heading right under a title (a summary line set in bold) does not rename the project.
      const top = names[0];
      const under = names.length === 1 && top?.block.type === 'heading' && unit.block.type === 'heading' && unit.block.level > top.block.level && !sinceTitle;
      if (!isSubsectionLabel(unit.text) && !under) names = [unit];
      sinceTitle = false;
      continue;
    }
    const field = item ? descriptionField(item.label) : undefined;
    if (!item || !field) {
      // ❖ and ◈ lead a summary box (the project's purpose in one sentence), not a name.
      const summary = unit.marker !== undefined && /^[❖◈]$/.test(unit.marker);
      if (unit.text !== '' && !item && !summary && !isBracketedLabel(unit.text) && !isSubsectionLabel(unit.text)) {
        names = names.slice(0, unit.rank + 1);
        names[unit.rank + 1] = unit;
        sinceTitle = true;
      }
      continue;
    }
    sinceTitle = true;
    const namer = names.slice(0, unit.rank + 1).reverse().find(Boolean);
    if (!namer) continue;
    if (current?.by !== namer) {
      if (field !== 'period' && field !== 'total') continue;
      const name = projectName(namer.text);
      current = { program: { name, normalizedName: normalizeName(name), sources: [namer.source] }, by: namer };
      programs.push(current.program);
    }
    pushAll(claims, applyField(current.program, field, item.label, item.value, unit.source));
  }
  return { programs, claims };
}

/** What a project list counts, from the title above it: `2020년도 신규사업 확보현황` → `신규사업 확보`. */
function listSubject(heading: string | undefined): string {
  const subject = (heading ?? '')
    .replace(/^[<〈【[]|[>〉】\]]$/g, '')
    .replace(/\d{4}\s*년도?/g, '')
    .replace(/\s*(현황|실적|목록|내역)\s*$/, '')
    .trim();
  return subject || '사업';
}

const CAPTION_OPENING = new Set([...'<〈【['].map((ch) => ch.charCodeAt(0)));
const CAPTION_CLOSING = new Set([...'>〉】]'].map((ch) => ch.charCodeAt(0)));

/** A caption or heading compared without its spaces and one bracket at either end (`< 추진 현황 >` → `추진현황`). */
function squashCaption(text: string): string {
  const start = CAPTION_OPENING.has(text.charCodeAt(0)) ? 1 : 0;
  const end = text.length > start && CAPTION_CLOSING.has(text.charCodeAt(text.length - 1)) ? text.length - 1 : text.length;
  return text.slice(start, end).replace(/\s+/g, '');
}

/** The length of squashCaption(text), counted without making it. */
function squashedLength(text: string): number {
  const start = CAPTION_OPENING.has(text.charCodeAt(0)) ? 1 : 0;
  const end = text.length > start && CAPTION_CLOSING.has(text.charCodeAt(text.length - 1)) ? text.length - 1 : text.length;
  let n = 0;
  for (let i = start; i < end; i++) if (!isSpaceCode(text.charCodeAt(i))) n++;
  return n;
}

/** Project lists: runs of project-list tables, each run read as one list. */
export function readProjectLists(layout: Layout): { programs: Program[]; claims: Claim[]; diagnostics: Diagnostic[] } {
  const out = { programs: [] as Program[], claims: [] as Claim[], diagnostics: [] as Diagnostic[] };
  let reader: ProjectListReader | undefined;
  let heading: string | undefined;
  const captions = new Set<string>();
  for (const b of layout.blocks) if (b.type === 'table' && b.caption) captions.add(squashCaption(b.caption));
  // A heading is squashed to compare only when it is as long as a caption squashed.
  const captionLengths = new Set([...captions].map((c) => c.length));
  const finish = () => {
    if (!reader) return;
    reader.finish();
    pushAll(out.programs, reader.programs);
    pushAll(out.claims, reader.claims);
    pushAll(out.diagnostics, reader.diagnostics);
    reader = undefined;
  };
  for (const block of layout.blocks) {
    if (block.type === 'table') {
      if (isProjectList(block)) {
        reader ??= new ProjectListReader(listSubject(heading));
        reader.read(block as TableBlock);
      } else finish();
      continue;
    }
    if (block.type !== 'heading') continue;
    finish();
    // The heading above a list: the nearest heading that is not another table's caption (none to compare when no table has one).
    const text = blockText(block);
    if (captions.size === 0 || !captionLengths.has(squashedLength(text)) || !captions.has(squashCaption(text))) heading = text;
  }
  finish();
  return out;
}

export function parseReportLayout(layout: Layout): ParseResult {
  const diagnostics: Diagnostic[] = [];
  const head = readReportHead(layout);
  const doc = emptyDocument(layout.file, 'regional-report', head.title ?? '(untitled report)');
  if (head.date) doc.date = head.date;
  if (head.fiscalPeriod) doc.fiscalPeriod = head.fiscalPeriod;
  if (head.issuer) doc.issuer = head.issuer;
  const asOf = readAsOf(layout);
  if (asOf) doc.asOf = asOf;

  const staff = readStaff(layout);
  if (staff.rows.length) doc.meta.organisation = staff.rows;
  pushAll(doc.claims, staff.claims);

  const units = unitsOf(layout);
  pushAll(doc.programs, readActivities(units, diagnostics));
  const descriptions = readDescriptions(units);
  pushAll(doc.programs, descriptions.programs);
  pushAll(doc.claims, descriptions.claims);
  const lists = readProjectLists(layout);
  pushAll(doc.programs, lists.programs);
  pushAll(doc.claims, lists.claims);
  pushAll(diagnostics, lists.diagnostics);
  return { document: doc, diagnostics };
}
