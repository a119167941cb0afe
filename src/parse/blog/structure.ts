// Programs of a blog post from its structure (layout blocks). A post usually
// describes one program, named by its title; headings are sections of it
// (신청 방법, 지원 대상, FAQ …; vocabulary.ts). A heading names another program
// when its wording says so (`X의 신청 절차`, `X을 통한 …`), when it sits under a
// section listing kinds (`사업 유형` → `1. 공익활동`), or when the post announces
// several programs (`3가지`, or two top-level headings with program nouns and
// sections of their own). A later heading that repeats a known name
// (`공익활동 (65세 이상)` under `신청 자격`) attaches its content to that
// program. Related-program lists give programs that are only mentioned.

import { minOf, pushAll } from '../../extract/collections.js';
import type { Block, HeadingBlock, TableBlock } from '../../layout/types.js';
import type { Deadline, Link, Program, ProgramDetails, Source, SupportAmount } from '../../model/types.js';
import { normalizeName } from '../../extract/names.js';
import { parseKoreanAmount } from '../../extract/amounts.js';
import { parseDateRange } from '../../extract/periods.js';
import { cleanText } from '../../layout/clean.js';
import { aspectOf, questionAspectOf, cleanProgramName, hasProgramNoun, headingCore, namingWords, readHeading } from './headings.js';
import { DEFINITION_QUESTION, PROGRAM_NOUNS, SEVERAL_PROGRAMS, type Aspect } from './vocabulary.js';

export function emptyDetails(): ProgramDetails {
  return { contents: [], scope: [], eligibility: [], steps: [], documents: [], channels: [], deadlines: [], agencies: [], legalBasis: [] };
}

interface Section {
  level: number;
  programs: Program[];
  aspect: Aspect | undefined;
  /** Children of this heading are programs (`사업 유형`). */
  lists: boolean;
  exclusion: boolean;
  /** The enclosing section's kind, when this heading names no section of its own (`신청 방법` › `1. 홈택스 (PC)`). */
  within?: Aspect | undefined;
}

export interface StructureInput {
  title: string;
  /** The title was written by the author (front matter or first heading), not made up. */
  titled: boolean;
  blocks: Block[];
  group?: string;
}

const AGENCY = /([가-힣]{2,}(?:진흥원|부장관|청장|공단|재단|위원회|진흥공단|연구원))/g;
const MINISTRY = /([가-힣]{2,}(?:교통부|복지부|노동부|기업부|통신부|자원부|가족부|안전부|교육부|환경부|관광부|식품부|수산부|재정부|보훈부|통일부|외교부|국방부|법무부|재외동포청|국세청|병무청|통계청))(?![가-힣])/g;
const LAW = /「\s*([^」]+?)\s*」/g;
const LINK = /\[([^\]]+)\]\(([^)\s]+)\)/g;
const COMPONENT = /<([A-Z][\w.]*)\b([^>]*?)\/?>/g;

const BULLET = /^\s*(?:[✔✓☑✅▶▷►➤👉🔹🔸▪◾◽➊-➓]\uFE0F?)\s*/u;
/** The characters BULLET starts with (after spaces), besides the range ➊-➓. */
const BULLET_CHARS: ReadonlySet<number> = new Set([...'✔✓☑✅▶▷►➤👉🔹🔸▪◾◽'].map((ch) => ch.codePointAt(0)!));

/** Whether BULLET can match: its first character is asked first, as the pattern is slow to fail on every paragraph. */
function mayLeadWithBullet(text: string): boolean {
  const first = text.trimStart().codePointAt(0);
  return first !== undefined && (BULLET_CHARS.has(first) || (first >= 0x278a && first <= 0x2793));
}

/** A paragraph that starts with a bullet the layout reader does not know (`✔ 신분증`, `👉 …`) is a list item. */
function asListItem(block: Block): Block {
  if (block.type !== 'paragraph' || !mayLeadWithBullet(block.text)) return block;
  const m = BULLET.exec(block.text);
  if (!m || !block.text.slice(m[0].length).trim()) return block;
  return { type: 'list-item', marker: m[0].trim(), depth: 0, text: block.text.slice(m[0].length), source: block.source };
}

/** `협약기간 종료일로부터 2개월 이내` → 2 months after `협약기간 종료일`. */
export function readDeadline(text: string): Deadline | undefined {
  if (!text.includes('부터')) return undefined;
  const m = /((?:[가-힣]+\s+)?[가-힣]*?(?:종료일|완료일|마감일|통지일|선정일))\s*(?:로|으로)?부터\s*(\d+)\s*(개월|일|년)\s*(?:이내|안에|까지)/.exec(text);
  if (!m) return undefined;
  const unit = m[3] === '개월' ? 'month' : m[3] === '일' ? 'day' : 'year';
  return { text: m[0].trim(), amount: Number(m[2]), unit, after: m[1]!.trim() };
}

const PERIOD_START = String.raw`(\d{4})\s*[.\-/년]\s*(\d{1,2})\s*[.\-/월]\s*(\d{1,2})\s*[.일]?`;
const PERIOD_END = String.raw`(?:(\d{4})\s*[.\-/년]\s*)?(\d{1,2})\s*[.\-/월]\s*(\d{1,2})\s*[.일]?`;
/** A full start date, a range mark and an end date whose year may be left out (made once, not per text). */
const DATED_PERIOD = new RegExp(`${PERIOD_START}\\s*[~∼～〜\\-–]\\s*${PERIOD_END}`);

/**
 * A dated period in a text: `2025.11.28 ~ 12.26`, `2025년 11월 28일(금) ~ 12월 26일(금)`,
 * `2024. 3. 4. ~ 2024. 3. 22.`. The end's missing year is the start's.
 */
export function readPeriod(text: string): { text: string; start: string; end: string } | undefined {
  const s = text.replace(/\([월화수목금토일]\)/g, '');
  // The start is a full date: a text without four digits in a row holds none.
  if (!/\d{4}/.test(s)) return undefined;
  const m = DATED_PERIOD.exec(s);
  if (!m) return undefined;
  const start = `${m[1]}.${m[2]}.${m[3]}.`;
  const end = `${m[4] ?? m[1]}.${m[5]}.${m[6]}.`;
  const range = parseDateRange(`${start} ~ ${end}`);
  if (!range?.start || !range.end) return undefined;
  return { text: m[0].trim(), start: range.start, end: range.end };
}

const MONEY = /(\d[\d,]*(?:\.\d+)?\s*(?:[조억만천백]+\s*(?:\d[\d,]*(?:\.\d+)?\s*[조억만천백]*\s*)*)?원)/g;
const PERCENT = /(\d+(?:\.\d+)?)\s*%\s*(이내|이하|까지|한도)/g;
const BEFORE = /(최대|월|연|매월|일|1인당|인당|가구당|회당|건당|㎡당|m²당|평당|[가-힣]+당)\s*$/;
const AFTER = /^\s*(까지|이내|이하|한도)/;

/** Support amounts in a text: money (`최대 500만원`, `월 76만 1천원`, `㎡당 5만원`) and limited shares (`80% 이내`). */
export function readAmounts(text: string, source: Source, label?: string): SupportAmount[] {
  const out: SupportAmount[] = [];
  for (const m of text.matchAll(MONEY)) {
    const amount = parseKoreanAmount(m[1]!.replace(/\s+/g, ' '));
    if (!amount || amount.krw <= 0) continue;
    const before = text.slice(Math.max(0, m.index! - 8), m.index!);
    const qualifiers: string[] = [];
    let b = BEFORE.exec(before);
    // `월 최대 20만원`: two words before the figure.
    while (b && qualifiers.length < 3) {
      qualifiers.unshift(b[1]!);
      b = BEFORE.exec(before.slice(0, b.index).trimEnd());
    }
    const after = AFTER.exec(text.slice(m.index! + m[0].length));
    if (after) qualifiers.push(after[1]!);
    out.push({ qualifiers, ...(label ? { label } : {}), quantity: { value: amount.krw, unit: '원', source } });
  }
  for (const m of text.matchAll(PERCENT)) {
    const before = BEFORE.exec(text.slice(Math.max(0, m.index! - 8), m.index!));
    out.push({ qualifiers: [...(before ? [before[1]!] : []), m[2]!], ...(label ? { label } : {}), quantity: { value: Number(m[1]), unit: '%', source } });
  }
  return out;
}

/** Links in a block's text: Markdown links and JSX components with an `href` (`<LinkButton href label />`). */
export function readLinks(text: string, source: Source): Link[] {
  const out: Link[] = [];
  for (const m of text.matchAll(LINK)) out.push({ text: cleanText(m[1]!), href: m[2]!, source });
  for (const m of text.matchAll(COMPONENT)) {
    const attrs: Record<string, string> = {};
    for (const a of m[2]!.matchAll(/([A-Za-z_][\w-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*["'`]([^"'`]*)["'`]\s*\})/g)) attrs[a[1]!] = a[2] ?? a[3] ?? a[4] ?? '';
    const href = attrs.href ?? attrs.url ?? attrs.link;
    if (href) out.push({ text: cleanText(attrs.label ?? attrs.text ?? attrs.title ?? href), href, source });
  }
  return out;
}

function addUnique(list: string[], value: string): void {
  const v = value.trim();
  if (v && !list.includes(v)) list.push(v);
}

/** A short paragraph that labels the list after it (`신청 절차`, `**필수 조건**:`, `참여 불가:`); `t` is its cleanText, which the caller has. */
function labelAspect(text: string, t: string): { aspect: Aspect | undefined; exclusion: boolean } | undefined {
  if (t.length > 30 || /[.。!]$|다\.?$|요\.?$/.test(t)) return undefined;
  if (!/[:：]$/.test(t) && !/^\*\*.*\*\*:?$/.test(text.trim()) && namingWords(t).length > 0) return undefined;
  return { aspect: aspectOf(t), exclusion: /제외|불가|안\s*되|없는/.test(t) };
}

/** What a sentence announcing a list says the list holds (`다음의 서류를 …`, `아래 기관에서 …`). */
function announcedAspect(text: string): Aspect | 'channels' | undefined {
  if (!/다음|아래/.test(text)) return undefined;
  if (/서류|준비물/.test(text)) return 'documents';
  if (/절차|단계|순서/.test(text)) return 'steps';
  if (/기관|곳|센터|사이트|창구|채널/.test(text)) return 'channels';
  if (/대상|자격|조건|요건|경우|해당/.test(text)) return 'eligibility';
  return undefined;
}

const STEP_ARROW = /\s*(?:→|➡|⇒|->|▶|➜|>)\s*/;
const STEP_MARK = /^(?:STEP\s*\d+|\d+\s*단계|\d+\uFE0F?\u20E3|[①-⑳❶-❿])\s*[.:)\-]?\s*/iu;

export function readPrograms(input: StructureInput): Program[] {
  const { blocks } = input;
  const programs: Program[] = [];
  const byKey = new Map<string, Program>();
  const addProgram = (name: string, source: Source, mentioned = false): Program => {
    const key = normalizeName(name);
    let p = byKey.get(key);
    if (!p) {
      p = { name, normalizedName: key, sources: [source], details: emptyDetails() };
      if (input.group) p.group = input.group;
      if (mentioned) p.mentioned = true;
      byKey.set(key, p);
      programs.push(p);
    } else {
      if (!p.sources.some((s) => s.line === source.line)) p.sources.push(source);
      if (!mentioned) delete p.mentioned;
    }
    return p;
  };

  /** Known programs a heading names: the whole name, or parts joined by `·`/`,` that begin a known name (`사회서비스형·시장형`). */
  const namedIn = (text: string): Program[] => {
    const core = normalizeName(headingCore(text));
    const found = programs.filter((p) => !p.mentioned && p.normalizedName.length >= 2 && core.includes(p.normalizedName));
    const parts = headingCore(text).split(/\s*[·ㆍ,/]\s*|\s+및\s+/).map(normalizeName).filter((x) => x.length >= 3);
    if (parts.length > 1) for (const part of parts) for (const p of programs) if (!p.mentioned && p.normalizedName.startsWith(part) && !found.includes(p)) found.push(p);
    // The longest name wins when one contains another (`청년월세지원` over `월세지원`).
    return found.filter((p) => !found.some((q) => q !== p && q.normalizedName.includes(p.normalizedName)));
  };

  const headings = blocks.filter((b): b is HeadingBlock => b.type === 'heading');
  const titleHeading = headings[0] && headings[0].level === 1 && normalizeName(headings[0].text) === normalizeName(input.title) ? headings[0] : undefined;
  const titleReading = readHeading(input.title);
  const titleName = input.titled ? (titleReading.program ?? cleanProgramName(input.title)) : undefined;
  const topLevel = Math.min(minOf(headings.filter((h) => h !== titleHeading).map((h) => h.level)), 9);
  // Several programs: the title says so, or two or more top-level headings name
  // programs (a program noun, not a section) that differ from the title's.
  const topNames = headings.filter((h) => h !== titleHeading && h.level === topLevel && !readHeading(h.text).aspect && !readHeading(h.text).program && hasProgramNoun(headingCore(h.text)) && !(titleName && normalizeName(headingCore(h.text)).includes(normalizeName(titleName))));
  const several = SEVERAL_PROGRAMS.test(input.title) || topNames.length >= 2;

  // A name a heading gives besides its section words (`자녀장려금 지급액` → `자녀장려금`), if it ends in a programme noun.
  const nameOf = (h: HeadingBlock): string | undefined => {
    const r = readHeading(h.text);
    if (r.question || r.program) return undefined;
    const name = cleanProgramName(namingWords(h.text).join(' '));
    return name && hasProgramNoun(name) ? name : undefined;
  };
  const nameLike = (h: HeadingBlock) => !readHeading(h.text).aspect && nameOf(h) !== undefined;
  // A heading whose sub-headings are mostly programme names lists programmes (`주요 지원 정책` → `### 청년도약계좌` …).
  const containers = new Set<HeadingBlock>();
  headings.forEach((h, i) => {
    const children: HeadingBlock[] = [];
    for (const c of headings.slice(i + 1)) {
      if (c.level <= h.level) break;
      if (!children.length || c.level === children[0]!.level) children.push(c);
    }
    const names = children.filter(nameLike).length;
    if (names >= 2 && names * 2 >= children.length) containers.add(h);
  });
  // A name repeated in two or more headings (`자녀장려금 지급액`, `자녀장려금 신청 방법`) is a programme.
  const counts = new Map<string, number>();
  for (const h of headings) {
    const name = nameOf(h);
    if (name) counts.set(normalizeName(name), (counts.get(normalizeName(name)) ?? 0) + 1);
  }
  const repeated = (h: HeadingBlock, enclosing: Program[]): string | undefined => {
    const name = nameOf(h);
    if (!name || (counts.get(normalizeName(name)) ?? 0) < 2) return undefined;
    // A bare noun (`대출 대상`, `대출 조건`) or a part of the enclosing programme's name is not another programme.
    const key = normalizeName(name);
    if (PROGRAM_NOUNS.includes(key) || enclosing.some((p) => p.normalizedName.includes(key))) return undefined;
    return name;
  };
  let umbrella = false;

  const firstSource = blocks[0]?.source;
  let main: Program | undefined;
  // The title names a programme when its name ends in a programme noun or a heading repeats it
  // (`기준 중위소득 총정리`, `연말정산 가이드` name none).
  const titleNamesProgram =
    titleName !== undefined && namingWords(titleName).length > 0 && (hasProgramNoun(titleName) || headings.some((h) => normalizeName(h.text).includes(normalizeName(titleName))));
  if (titleName && titleNamesProgram && !several && firstSource) main = addProgram(titleName, firstSource);

  let stack: Section[] = [];
  let current: Section = { level: 0, programs: main ? [main] : [], aspect: undefined, lists: false, exclusion: false };
  let listKind: Aspect | 'channels' | undefined;
  let exclusion = false;
  let seenHeading = false;

  for (const raw of blocks) {
    if (raw.type === 'heading') {
      const block = raw;
      if (block === titleHeading) continue;
      seenHeading = true;
      stack = stack.filter((s) => s.level < block.level);
      const parent = stack[stack.length - 1];
      const reading = readHeading(block.text);
      const inherited = parent?.programs ?? (main ? [main] : []);
      let targets: Program[] = inherited;
      let aspect: Aspect | undefined = reading.aspect;
      let named = false;
      const known = namedIn(block.text);
      if (reading.question) {
        // A question is a FAQ entry, unless it is one of the post's own sections
        // written as a question outside any FAQ (`누가 신청할 수 있나요?` → eligibility,
        // `부모급여란?` → what the program is).
        const core = headingCore(block.text);
        aspect = parent?.aspect === 'faq' ? 'faq' : (questionAspectOf(core) ?? (DEFINITION_QUESTION.test(core) ? 'contents' : 'faq'));
        if (aspect !== 'faq' && known.length) targets = known;
      } else if (reading.program && !['faq', 'related', 'links', 'closing'].includes(reading.aspect ?? '')) {
        targets = [addProgram(reading.program, block.source)];
      } else if (known.length && !['related', 'closing'].includes(aspect ?? '')) {
        for (const p of known) addProgram(p.name, block.source);
        targets = known;
        // `공익활동 (65세 이상)` under `신청 자격`: the parent's section goes on.
        aspect ??= parent?.aspect;
      } else if (containers.has(block) && !aspect) {
        targets = several && !parent ? [] : inherited;
      } else if (!reading.question && !aspect && reading.naming.length > 0 && (parent?.lists || (several && block.level === topLevel))) {
        targets = [addProgram(cleanProgramName(block.text), block.source)];
        named = true;
        if (main && parent?.programs.includes(main)) umbrella = true;
      } else if (!reading.question && repeated(block, inherited)) {
        targets = [addProgram(repeated(block, inherited)!, block.source)];
        named = !aspect;
      } else if (several && !parent && block.level === topLevel && !aspect) {
        targets = [];
      }
      const section: Section = {
        level: block.level,
        programs: targets,
        aspect: aspect ?? 'contents',
        lists: aspect === 'types' || containers.has(block),
        within: aspect ? undefined : parent?.aspect,
        exclusion: /제외|불가/.test(block.text),
      };
      // A program heading's own paragraphs describe it.
      if (named) section.aspect = 'contents';
      stack.push(section);
      current = section;
      listKind = undefined;
      exclusion = section.exclusion;
      continue;
    }
    const aspect = current.aspect;
    const targets = current.programs;
    if (!targets.length && aspect !== 'related') continue;
    if (aspect === 'faq' || aspect === 'closing') continue;
    const block = asListItem(raw);
    // GitHub task-list boxes (`- [ ] 소득 확인`) are not text.
    const text = block.type === 'table' ? '' : block.type === 'list-item' ? block.text.replace(/^\[[ xX]\]\s+/, '') : block.text;
    const clean = cleanText(text);
    const labelled = /^([^:：]{2,12})\s*[:：]\s*(.+)$/.exec(clean);
    // `지원 대상: 만 19~34세`, `제출 서류: 신청서, 신분증`: a label of section words says what the value is.
    const labelAspectOf = labelled && namingWords(labelled[1]!).length === 0 ? aspectOf(labelled[1]!) : undefined;

    if (aspect === 'related') {
      // Related posts name programmes (`청년월세지원`), and also guides (`기준 중위소득 총정리`): only programme names count.
      readRelated(block, clean, text).filter(hasProgramNoun).forEach((name) => addProgram(name, block.source, true));
      continue;
    }
    for (const p of targets) {
      const d = p.details!;
      if (block.type === 'table') {
        readTable(block, aspect, exclusion, d);
        continue;
      }
      const links = readLinks(text, block.source);
      if (links.length) pushAll((d.links ??= []), links.filter((l) => !d.links!.some((x) => x.href === l.href)));
      for (const m of clean.matchAll(AGENCY)) if (!/^(해당|각|관련)/.test(m[1]!)) addUnique(d.agencies, m[1]!);
      for (const m of clean.matchAll(MINISTRY)) addUnique(d.agencies, m[1]!);
      for (const m of clean.matchAll(LAW)) addUnique(d.legalBasis, `「${m[1]}」`);
      const deadline = readDeadline(clean);
      if (deadline && !d.deadlines.some((x) => x.text === deadline.text)) d.deadlines.push({ ...deadline, source: block.source });
      const period = readPeriod(clean);
      if (period && (aspect === 'deadlines' || /기간|마감|모집|접수|신청/.test(clean)) && !d.deadlines.some((x) => x.text === period.text)) {
        d.deadlines.push({ text: period.text, period: { start: period.start, end: period.end }, source: block.source });
      }
      for (const m of clean.matchAll(/([A-Za-z][\w.-]*)\s*홈페이지/g)) addUnique(d.channels, `${m[1]} 홈페이지`);
      for (const l of links) {
        const via = /^(.+?)(?:에서|에서의)\s+.*(신청|접수)/.exec(l.text);
        if (via) addUnique(d.channels, via[1]!);
      }
      if (!['eligibility', 'steps', 'documents', 'deadlines'].includes(aspect ?? '') || block.type === 'paragraph') {
        if (aspect !== 'eligibility') for (const a of readAmounts(clean, block.source)) addAmount(d, a);
      }

      if (block.type === 'list-item') {
        let kind = listKind ?? aspect ?? 'contents';
        // A numbered list under a heading inside a procedure section is a procedure (`신청 방법` › `홈택스` › `1. 접속`).
        if (kind === 'contents' && !listKind && current.within === 'steps' && /^\d{1,2}[.)]$/.test(block.marker)) kind = 'steps';
        if (kind === 'steps') {
          if (block.depth > 0) continue;
          const item = clean.replace(STEP_MARK, '');
          addUnique(d.steps, item);
          // `기술개발계획서 제출` names a document; `등록 후 10일 이내 서류 제출` only says when.
          const doc = /^(.*?(?:서|서류|사본|자료|계획서))\s*제출$/.exec(item);
          if (doc && !/\d+\s*(일|개월|년)|이내|까지|\s후\s/.test(doc[1]!)) addUnique(d.documents, doc[1]!);
        } else if (kind === 'documents') addUnique(d.documents, clean);
        else if (kind === 'eligibility') addUnique(d.eligibility, exclusion ? `제외: ${clean}` : clean);
        else if (kind === 'channels') addUnique(d.channels, clean.replace(/\s*\(.*\)$/, ''));
        else if (kind === 'deadlines') {
          const period = readPeriod(clean);
          if (!d.deadlines.some((x) => x.text === clean)) d.deadlines.push({ text: clean, ...(period ? { period: { start: period.start, end: period.end } } : {}), source: block.source });
        } else if (kind === 'scope') addUnique(d.scope, clean);
        else if ((kind === 'contents' || kind === 'types') && labelAspectOf === 'eligibility') addUnique(d.eligibility, labelled![2]!);
        else if ((kind === 'contents' || kind === 'types') && labelAspectOf === 'documents') for (const x of labelled![2]!.split(/\s*[,，、]\s*/)) addUnique(d.documents, x.replace(/[.。]$/, ''));
        else if (kind === 'contents' || kind === 'types') addUnique(d.contents, clean);
        continue;
      }
      // Paragraphs and notes.
      const arrows = clean.split(STEP_ARROW);
      if (arrows.length >= 3 && arrows.every((x) => x.length > 0 && x.length <= 30)) {
        for (const x of arrows) addUnique(d.steps, x.replace(STEP_MARK, '').replace(/[.。]$/, ''));
        continue;
      }
      if (STEP_MARK.test(clean)) {
        addUnique(d.steps, clean.replace(STEP_MARK, ''));
        continue;
      }
      const label = labelAspect(text, clean);
      if (label) {
        listKind = label.aspect ?? listKind;
        exclusion = label.exclusion || current.exclusion;
      }
      if (labelAspectOf === 'documents') {
        for (const x of labelled![2]!.split(/\s*[,，、]\s*/)) addUnique(d.documents, x.replace(/[.。]$/, ''));
        continue;
      }
      if (labelAspectOf === 'eligibility') {
        addUnique(d.eligibility, labelled![2]!);
        continue;
      }
      const announced = announcedAspect(clean);
      if (announced) {
        listKind = announced;
        continue;
      }
      // A label, or a paragraph that is only a link (a button), says nothing about the program itself.
      if (label || (links.length && !cleanText(text.replace(COMPONENT, '').replace(LINK, '')).length)) continue;
      if (/신청/.test(clean)) for (const m of clean.matchAll(/해당\s*(지원\s*센터|센터)/g)) addUnique(d.channels, `해당 ${m[1]!.replace(/\s+/g, '')}`);
      // Paragraphs of a describing section say what the program is (not the post's opening lines).
      if (aspect === 'contents' && seenHeading && !/다음|아래/.test(clean) && block.type === 'paragraph') addUnique(d.contents, clean);
    }
  }
  for (const p of programs) if (p.details!.agencies[0]) p.ministry = p.details!.agencies[0];
  // The title's programme stays when it was described, when its kinds are listed, or when nothing else was.
  const others = programs.filter((p) => p !== main && !p.mentioned);
  return programs.filter((p) => p.mentioned || hasDetails(p.details!) || p.sources.length > 1 || (p === main && (umbrella || !others.length)));
}

function hasDetails(d: ProgramDetails): boolean {
  return Object.values(d).some((v) => Array.isArray(v) && v.length > 0);
}

function addAmount(d: ProgramDetails, a: SupportAmount): void {
  const list = (d.amounts ??= []);
  if (!list.some((x) => x.quantity.value === a.quantity.value && x.quantity.unit === a.quantity.unit && x.quantity.source.line === a.quantity.source.line)) list.push(a);
}

/** Names of related programs in a block of a related-posts section: a link's text, a list item's lead, a table's first column. */
function readRelated(block: Block, clean: string, raw: string): string[] {
  if (block.type === 'table') {
    return block.rows.slice(Math.max(1, block.headerRows)).map((r) => cleanProgramName(r.cells[0]?.text ?? '')).filter((n) => n.length >= 2);
  }
  if (block.type !== 'list-item') {
    return [...raw.matchAll(LINK)].map((m) => cleanProgramName(m[1]!)).filter((n) => n.length >= 2 && hasProgramNoun(n));
  }
  const link = LINK.exec(raw);
  LINK.lastIndex = 0;
  const lead = link ? link[1]! : clean.split(/\s+[-–—:]\s+|[:：]/)[0]!;
  const name = cleanProgramName(lead);
  return name.length >= 2 ? [name] : [];
}

const STEPS_HEADER = /단계|절차|순서|step|진행/i;
const DOCS_HEADER = /서류|구비|준비물|제출/;
const KEY_HEADER = /^(항목|구분|내용|분류|요약|주요\s*내용)$/;

/** A table's rows by the section it is in and its header: steps, documents, key–value facts, eligibility. */
function readTable(table: TableBlock, aspect: Aspect | undefined, exclusion: boolean, d: ProgramDetails): void {
  const header = table.headerRows > 0 ? table.rows[0]!.cells.map((c) => c.text) : [];
  const body = table.rows.slice(table.headerRows);
  const first = (cells: string[]) => (/^(\d+|STEP\s*\d+|\d+\s*단계)$/i.test(cells[0] ?? '') && cells[1] ? cells[1] : (cells[0] ?? ''));
  if ((header[0] && STEPS_HEADER.test(header[0])) || (aspect === 'steps' && header.some((h) => STEPS_HEADER.test(h)))) {
    for (const r of body) addUnique(d.steps, first(r.cells.map((c) => c.text)).replace(STEP_MARK, ''));
    return;
  }
  const docCol = header.findIndex((h) => DOCS_HEADER.test(h));
  if (docCol >= 0 || aspect === 'documents') {
    for (const r of body) addUnique(d.documents, r.cells[Math.max(0, docCol)]?.text ?? '');
    return;
  }
  const keyValue = table.rows[0]!.cells.length <= 3 && (header.length === 0 || KEY_HEADER.test(header[0] ?? '') || KEY_HEADER.test(header[1] ?? ''));
  for (const r of body) {
    const cells = r.cells.map((c) => c.text);
    const label = cells[0] ?? '';
    const value = cells.slice(1).filter(Boolean).join(' / ');
    if (!value) continue;
    const rowAspect = keyValue ? (aspectOf(label) ?? 'contents') : aspect;
    if (rowAspect === 'eligibility' && (keyValue || aspect === 'eligibility')) {
      const text = keyValue && /^(대상|신청\s*대상|지원\s*대상|자격)$/.test(label.replace(/\s+/g, ' ')) ? value : `${label}: ${value}`;
      addUnique(d.eligibility, exclusion || /제외/.test(label) ? `제외: ${text}` : text);
    } else if (rowAspect === 'deadlines') {
      const period = readPeriod(value);
      const text = `${label}: ${value}`;
      if (!d.deadlines.some((x) => x.text === text)) d.deadlines.push({ text, ...(period ? { period: { start: period.start, end: period.end } } : {}), source: r.source });
    } else if (keyValue && /신청\s*(방법|처|기관)|접수\s*(처|방법)/.test(label)) {
      for (const x of value.split(/\s*[,，]\s*/)) addUnique(d.channels, x);
    } else if (rowAspect === 'documents') {
      for (const x of value.split(/\s*[,，]\s*/)) addUnique(d.documents, x);
    } else if (keyValue && rowAspect === 'contents') {
      addUnique(d.contents, `${label}: ${value}`);
    }
    // Thresholds in eligibility rows (`연 매출 1억 5천만원 이상`) are not support amounts.
    if ((keyValue ? rowAspect : aspect) !== 'eligibility') for (const a of readAmounts(value, r.source, label)) addAmount(d, a);
  }
}

