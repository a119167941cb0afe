// Blog post: Markdown or HTML with YAML front matter (gray-matter), TOML (`+++`)
// or JSON front matter, or none. WordPress block comments and layout markup are
// dropped (cheerio for the HTML); headings name program sections
// (`기술개발지원의 내용`, `지식서비스 거래지원의 대상`) and each program gathers
// its contents, scope, eligibility, steps, documents, channels, deadlines,
// agencies and legal basis. Line numbers count from the top of the file,
// front matter included.

import { emptyDocument, type Deadline, type ParseResult, type Program, type ProgramDetails } from '../../model/types.js';
import { normalizeName } from '../../extract/names.js';
import { sourceOf, type ParseInput, type SourceLine } from '../lines.js';
import { readFrontMatter } from './front-matter.js';
import { bodyLines } from './body.js';

const ASPECTS: Record<string, keyof ProgramDetails> = {
  내용: 'contents',
  범위: 'scope',
  대상: 'eligibility',
  자격: 'eligibility',
  절차: 'steps',
  신청방법: 'steps',
  신청절차: 'steps',
  서류: 'documents',
  제출서류: 'documents',
  사례: 'contents',
};

const NOT_PROGRAMS = /^(결론|마무리|맺음말|참고|관련\s*글|목차|들어가며|서론|요약)$/;

/** `기술개발지원의 내용` → [기술개발지원, 내용]; `해외진출을 통한 …` → [해외진출]; `네트워크 프로그램 사례` → [네트워크 프로그램, 사례]. */
export function splitHeading(heading: string): { program?: string; aspect?: string } {
  const h = heading.replace(/[#*`]/g, '').trim();
  if (NOT_PROGRAMS.test(h)) return {};
  const of = /^(.+?)의\s+(\S+)$/.exec(h);
  if (of && (ASPECTS[of[2]!] || /^(지원|혜택|효과|특징)$/.test(of[2]!))) return { program: of[1]!.trim(), aspect: of[2]! };
  const via = /^(.+?)(?:을|를)\s*통한\s+/.exec(h);
  if (via) return { program: via[1]!.trim() };
  const tail = /^(.+?)\s+(사례|소개|개요|안내)$/.exec(h);
  if (tail) return { program: tail[1]!.trim(), aspect: tail[2]! };
  return { program: h };
}

function emptyDetails(): ProgramDetails {
  return { contents: [], scope: [], eligibility: [], steps: [], documents: [], channels: [], deadlines: [], agencies: [], legalBasis: [] };
}

const AGENCY = /([가-힣]{2,}(?:진흥원|부장관|청장|공단|재단|위원회|진흥공단|연구원))/g;
const LAW = /「\s*([^」]+?)\s*」/g;

/** `협약기간 종료일로부터 2개월 이내` → 2 months after `협약기간 종료일`. */
export function readDeadline(text: string): Deadline | undefined {
  const m = /((?:[가-힣]+\s+)?[가-힣]*?(?:종료일|완료일|마감일|통지일|선정일))\s*(?:로|으로)?부터\s*(\d+)\s*(개월|일|년)\s*(?:이내|안에|까지)/.exec(text);
  if (!m) return undefined;
  const unit = m[3] === '개월' ? 'month' : m[3] === '일' ? 'day' : 'year';
  return { text: m[0].trim(), amount: Number(m[2]), unit, after: m[1]!.trim() };
}

function addUnique(list: string[], value: string): void {
  const v = value.trim();
  if (v && !list.includes(v)) list.push(v);
}

export function parseBlogPost(input: ParseInput): ParseResult {
  const raw = input.lines.map((l) => l.text).join('\n');
  const fm = readFrontMatter(raw);
  const body = bodyLines(input.lines.slice(fm.bodyStartLine - 1), input.origin === 'html');
  const titleFromBody = body.find((l) => l.heading === 1)?.text;
  const title = fm.title ?? titleFromBody ?? '(untitled post)';
  const doc = emptyDocument(input.file, 'blog-post', title);
  if (fm.date) doc.date = fm.date;
  if (fm.status) doc.meta.status = fm.status;
  if (fm.excerpt) doc.meta.excerpt = fm.excerpt;
  if (fm.categories.length) doc.meta.categories = fm.categories;
  if (fm.tags.length) doc.meta.tags = fm.tags;
  if (fm.featuredImage) doc.meta.featuredImage = fm.featuredImage;

  const programs = new Map<string, Program>();
  const programFor = (name: string, line: SourceLine): Program => {
    const key = normalizeName(name);
    let p = programs.get(key);
    if (!p) {
      p = { name, normalizedName: key, sources: [sourceOf(input.file, line)], details: emptyDetails() };
      if (fm.categories[0]) p.group = fm.categories[0];
      programs.set(key, p);
    } else if (!p.sources.some((s) => s.line === line.n)) p.sources.push(sourceOf(input.file, line));
    return p;
  };
  // Text before the first heading belongs to the program the title names.
  const titleProgram = fm.title ?? titleFromBody ? splitHeading(title).program : undefined;
  let current: Program | undefined = titleProgram && body.length ? programFor(titleProgram, body[0]!.line) : undefined;
  let aspect: keyof ProgramDetails | undefined;
  let listKind: keyof ProgramDetails | undefined;
  let sectionStarted = false;
  for (const l of body) {
    if (l.heading) {
      sectionStarted = true;
      const h = splitHeading(l.text);
      current = h.program ? programFor(h.program, l.line) : undefined;
      aspect = h.aspect ? ASPECTS[h.aspect] : undefined;
      listKind = aspect;
      continue;
    }
    if (!current) continue;
    const d = current.details!;
    const text = l.text;
    for (const m of text.matchAll(AGENCY)) if (!/^(해당|각|관련)/.test(m[1]!)) addUnique(d.agencies, m[1]!);
    for (const m of text.matchAll(LAW)) addUnique(d.legalBasis, `「${m[1]}」`);
    const deadline = readDeadline(text);
    if (deadline && !d.deadlines.some((x) => x.text === deadline.text)) d.deadlines.push({ ...deadline, source: sourceOf(input.file, l.line) });
    for (const m of text.matchAll(/([A-Za-z][\w.-]*)\s*홈페이지/g)) addUnique(d.channels, `${m[1]} 홈페이지`);
    if (l.listItem) {
      const kind = listKind ?? 'contents';
      if (kind === 'steps') {
        addUnique(d.steps, text);
        const doc = /^(.*?(?:서|서류|사본|자료|계획서))\s*제출$/.exec(text);
        if (doc) addUnique(d.documents, doc[1]!);
      } else addUnique(d[kind] as string[], text);
      continue;
    }
    // A sentence announcing a list says what the list is: `다음의 서류를 …`, `대상은 다음과 같습니다`.
    if (/서류/.test(text) && /다음/.test(text)) listKind = 'documents';
    else if (/절차/.test(text) && /다음/.test(text)) listKind = 'steps';
    else if (/대상/.test(text) && /다음/.test(text)) listKind = 'eligibility';
    else if (/다음/.test(text)) listKind = aspect ?? 'contents';
    if (/신청/.test(text)) for (const m of text.matchAll(/해당\s*(지원\s*센터|센터)/g)) addUnique(d.channels, `해당 ${m[1]!.replace(/\s+/g, '')}`);
    // Paragraphs of a section that names no aspect describe the program.
    if ((!aspect || aspect === 'contents') && !/다음/.test(text) && l.line.n !== body[0]?.line.n && sectionStarted) addUnique(d.contents, text);
  }
  doc.programs = [...programs.values()].filter((p) => {
    const d = p.details!;
    return Object.values(d).some((v) => (v as unknown[]).length > 0);
  });
  for (const p of doc.programs) if (p.details!.agencies[0]) p.ministry = p.details!.agencies[0];
  return { document: doc, diagnostics: fm.diagnostics.map((message) => ({ severity: 'warning', code: 'front-matter', message })) };
}
