// Kind detection from a document's layout. Each kind scores the cues it sees
// and says which, so `parse --debug` can show why a kind was chosen. The cues
// are about what a kind of document is (who issues it, what its title calls
// it, which tables it holds), never about one sample's wording. A document no
// kind claims is a generic `document`: an unknown kind is never an error.

import type { DocumentKind } from '../model/types.js';
import type { Block, Layout } from '../layout/types.js';
import { isSpaceCode, withoutSpaces } from '../extract/text.js';

export interface KindScore {
  kind: DocumentKind;
  score: number;
  reasons: string[];
}

export interface KindDecision {
  kind: DocumentKind;
  reasons: string[];
  scores: KindScore[];
}

interface Cue {
  /** What the cue means, shown in `--debug`. */
  reason: string;
  weight: number;
  test(view: LayoutView): boolean;
}

/** What the cues read: the title area, headings, captions, table headers, all text. */
export interface LayoutView {
  format: Layout['format'];
  frontMatter: boolean;
  /** Front matter with fields only posts have (tags, categories, author, slug, draft). */
  postFields: boolean;
  head: string;
  headings: string;
  tableHeaders: string;
  text: string;
}

const HEAD_BLOCKS = 25;
const MIN_SCORE = 3;

export function viewOf(layout: Layout, rawText = ''): LayoutView {
  const textOf = (b: Block): string =>
    b.type === 'table' ? [b.caption ?? '', ...b.rows.slice(0, Math.max(1, b.headerRows)).map((r) => r.cells.map((c) => c.text).join(' '))].join(' ') : b.text;
  const matter = /^\s*(---|\+\+\+)\s*\n([\s\S]*?)\n(---|\+\+\+)/.exec(rawText.slice(0, 20_000))?.[2] ?? '';
  // Front matter values (title, issuer) belong to the title area.
  const head = [matter, ...layout.blocks.slice(0, HEAD_BLOCKS).map(textOf)].join('\n');
  const headings = layout.blocks.filter((b) => b.type === 'heading').map((b) => (b.type === 'heading' ? b.text : '')).join('\n');
  const tableHeaders = layout.blocks.filter((b) => b.type === 'table').map(textOf).join('\n');
  // All text is capped: cues look for words, and a 100 MB report needs no more than its first megabyte for that.
  let text = '';
  for (const b of layout.blocks) {
    if (text.length > 1_000_000) break;
    text += textOf(b) + '\n';
  }
  const jsonMatter = /^\s*\{\s*\n\s*"(title|date|tags)"\s*:/.test(rawText.slice(0, 2_000));
  const frontMatter = layout.frontMatter !== undefined || matter !== '' || jsonMatter;
  const postFields = /^\s*"?(tags|categories|category|author|slug|draft|description|summary|featured_?image|thumbnail|cover|keywords)"?\s*[:=]/im.test(matter || rawText.slice(0, 2_000));
  return { format: layout.format, frontMatter, postFields, head, headings, tableHeaders, text: text + rawText.slice(0, 200_000) };
}


// Several cues read the title area without spaces: it is squashed once per view.
const SQUASHED_HEADS = new WeakMap<LayoutView, string>();
function squashedHead(v: LayoutView): string {
  let head = SQUASHED_HEADS.get(v);
  if (head === undefined) SQUASHED_HEADS.set(v, (head = withoutSpaces(v.head)));
  return head;
}

/**
 * A pattern for words written with any spacing between their letters (`사업 설명자료`),
 * so a long text need not be squashed to find them: `spaced('정부안')` is `정\s*부\s*안`.
 */
function spaced(words: string[]): RegExp {
  return new RegExp(words.map((w) => [...w].join('\\s*')).join('|'));
}

const BUDGET_SHEET_WORDS = spaced(['사업설명자료', '사업코드', '정부안', '국회확정']);

/**
 * Local governments and their offices: 특별시, 광역시, 도 written out, and a city,
 * county or district name standing as a word (`천안시`, `양평군`, `강서구`: a stem
 * of two or three syllables, so `도시`, `연구` are not taken for one).
 */
// Local education offices (시·도 교육청, 교육지원청) are local bodies too: their budgets are local budgets.
const LOCAL_BODY = /[가-힣]{1,6}(특별자치시|특별자치도|특별시|광역시|도청|시청|군청|구청)|[가-힣]{2,8}(교육지원청|교육청)(?![가-힣])|[가-힣]{2,5}(시|군|구|도)\s*의회|(경기|강원|충청[남북]|전라[남북]|경상[남북]|충[남북]|전[남북]|경[남북])도(교육청|청|의회)?(?![가-힣])|(?:^|[\s(「])[가-힣]{2,3}(시|군|구)(?=[\s,)」]|$)/m;
/**
 * Central government: the ministries (부), ministries' agencies (처, 청) and
 * national committees, by name. A pattern such as `…부|…처|…청` would also take
 * 바우처, 본부, 신청 for a ministry.
 */
const CENTRAL_BODY = /(기획재정|교육|과학기술정보통신|과기정통|외교|통일|법무|국방|행정안전|행안|국가보훈|문화체육관광|문체|농림축산식품|농식품|산업통상자원|산업통상|산업|보건복지|복지|환경|기후에너지환경|고용노동|고용|여성가족|여가|국토교통|국토|해양수산|해수|중소벤처기업|중기)부(?![가-힣])|(인사혁신|법제|식품의약품안전|식약|국가보훈|기획예산)처(?![가-힣])|(국세|관세|조달|통계|재외동포|대검찰|병무|방위사업|경찰|소방|국가유산|문화재|농촌진흥|산림|특허|질병관리|기상|해양경찰|우주항공|새만금개발|행정중심복합도시건설)청(?![가-힣])|국무조정실|국무총리|(금융|공정거래|방송통신|원자력안전|개인정보보호|국민권익|국가과학기술자문|규제개혁|사회보장|저출산고령사회)위원회|국가과학기술자문회의/;

/** Links tagged as tags, the publication time of an article, an article classed as a post. */
const BLOG_MARKUP = /<a\b[^>]*\brel=["'][^"']*\btag\b|article:published_time|<article\b[^>]*\bclass=["'][^"']*\bpost\b/i;

/**
 * Whether BLOG_MARKUP can match: its tags start `<a` (any case: only ASCII letters fold to
 * ASCII) and `article:published_time` holds `_`. Most documents have neither, and are not searched.
 */
function mayHoldBlogMarkup(text: string): boolean {
  return text.includes('<a') || text.includes('<A') || text.includes('_');
}

/**
 * Whether 세입 and 세출 are both named, any spaces between the syllables (as `/세\s*입/` and
 * `/세\s*출/` tell): one pass over the text's 세, not two searches of the whole text.
 */
function namesRevenueAndExpenditure(text: string): boolean {
  let revenue = false;
  let expenditure = false;
  for (let at = text.indexOf('세'); at >= 0; at = text.indexOf('세', at + 1)) {
    let i = at + 1;
    while (i < text.length && isSpaceCode(text.charCodeAt(i))) i++;
    if (text[i] === '입') revenue = true;
    else if (text[i] === '출') expenditure = true;
    if (revenue && expenditure) return true;
  }
  return false;
}

/** 정원 and 현원 both named (one text, read twice). */
const staffWords = (text: string) => /정\s*원/.test(text) && /현\s*원/.test(text);

const CUES: Record<Exclude<DocumentKind, 'document'>, Cue[]> = {
  'blog-post': [
    { reason: 'front matter with post fields (tags, categories, author, slug)', weight: 4, test: (v) => v.frontMatter && v.postFields },
    { reason: 'front matter', weight: 2, test: (v) => v.frontMatter && !v.postFields },
    { reason: 'WordPress markup', weight: 4, test: (v) => /<!--\s*wp:/.test(v.text) },
    { reason: 'post metadata fields (post_title, post_date)', weight: 3, test: (v) => v.text.includes('post_') && /^\s*(post_title|post_date|post_name)\s*:/m.test(v.text) },
    { reason: 'blog page markup (rel="tag" links, article publication time)', weight: 3, test: (v) => mayHoldBlogMarkup(v.text) && BLOG_MARKUP.test(v.text) },
    { reason: 'reader-facing guide wording (신청방법, 총정리, 알아보)', weight: 1, test: (v) => /신청\s*방법|총정리|알아보(겠|자|기)|꿀팁|정리해\s*(드|보)/.test(v.head) },
  ],
  'national-plan': [
    { reason: 'title names a national plan (기본계획, 종합계획, 시행계획)', weight: 2, test: (v) => /(기본|종합|시행|촉진|중장기|발전)계획/.test(squashedHead(v)) },
    { reason: 'issued by a central ministry or agency', weight: 2, test: (v) => CENTRAL_BODY.test(v.head) && !LOCAL_BODY.test(v.head) },
    { reason: 'national budget program sheet (사업설명자료, 사업코드, 정부안, 국회확정)', weight: 3, test: (v) => BUDGET_SHEET_WORDS.test(v.text.slice(0, 50_000)) },
    { reason: 'budget document of a national account (예산, 결산, 특별회계, 기금) from a central body', weight: 1, test: (v) => /예산|결산|특별회계|기금/.test(squashedHead(v)) && CENTRAL_BODY.test(v.head) && !LOCAL_BODY.test(v.head) },
    { reason: 'strategies and tasks (전략, 추진과제)', weight: 1, test: (v) => /[[【]\s*전략\s*\d|추진\s*과제|중점\s*추진/.test(v.text) },
  ],
  'regional-report': [
    { reason: 'issued by a local government or its agency', weight: 2, test: (v) => LOCAL_BODY.test(v.head) },
    { reason: 'work report or work plan (주요업무, 업무보고, 추진상황)', weight: 2, test: (v) => /주요업무|업무(보고|계획)|추진(상황|실적)/.test(squashedHead(v)) },
    { reason: 'budget, settlement or execution report (예산, 결산, 집행) of a local body', weight: 1, test: (v) => /예산|결산|집행/.test(squashedHead(v)) && LOCAL_BODY.test(v.head) },
    { reason: 'council committee addressed (위원회 of a local council)', weight: 1, test: (v) => /(행정|기획|복지|건설|경제|문화|교육|환경|해양|도시)[가-힣]*위원회/.test(squashedHead(v)) },
    { reason: 'revenue and expenditure by department (세입, 세출)', weight: 1, test: (v) => namesRevenueAndExpenditure(v.text) },
    { reason: 'staff table (정원, 현원)', weight: 1, test: (v) => staffWords(v.tableHeaders + v.text.slice(0, 30_000)) },
    { reason: 'budget execution table (집행률, 예산 집행 현황)', weight: 1, test: (v) => /집행\s*[률율]|예산\s*집행\s*현황/.test(withoutSpaces(v.tableHeaders) + v.headings) },
  ],
};

/**
 * Scores every kind; the best at or above 3 wins, else the generic `document`.
 * One cue alone (a ministry's name, a city's name) is not enough: tenders,
 * rulings and data standards are issued by the same bodies.
 */
export function detectKindOf(view: LayoutView): KindDecision {
  const scores: KindScore[] = (Object.keys(CUES) as (keyof typeof CUES)[]).map((kind) => {
    const hits = CUES[kind].filter((c) => c.test(view));
    return { kind, score: hits.reduce((s, c) => s + c.weight, 0), reasons: hits.map((c) => c.reason) };
  });
  const best = [...scores].sort((a, b) => b.score - a.score)[0];
  if (!best || best.score < MIN_SCORE) return { kind: 'document', reasons: [`no kind scored ${MIN_SCORE} or more: read as a generic document`], scores };
  return { kind: best.kind, reasons: best.reasons, scores };
}
