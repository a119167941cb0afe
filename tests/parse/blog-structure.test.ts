// Program and section rules on hand-made layout blocks, and the pure readers
// behind them (text cleaning, front matter, names, amounts, periods). Every
// expectation is written out by hand.

import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/layout/types.js';
import { plainRow } from '../../src/layout/types.js';
import { readPrograms } from '../../src/parse/blog/structure.js';
import { cleanText } from '../../src/layout/clean.js';
import { cleanList, isoDateTime, parseToml, readFrontMatter } from '../../src/parse/blog/front-matter.js';
import { cleanProgramName, readHeading } from '../../src/parse/blog/headings.js';
import { readAmounts, readPeriod } from '../../src/parse/blog/structure.js';
import { readTextLayout } from '../../src/layout/text.js';
import { bodyBlocks, needsBlogReader, type NumberedLine } from '../../src/layout/post.js';

const numbered = (texts: string[]): NumberedLine[] => texts.map((text, i) => ({ n: i + 1, text }));

let n = 0;
const src = () => ({ file: 'post.md', line: ++n, text: '' });
const h = (level: number, text: string): Block => ({ type: 'heading', level, text, source: src() });
const p = (text: string): Block => ({ type: 'paragraph', text, source: src() });
const li = (text: string, marker = '-', depth = 0): Block => ({ type: 'list-item', marker, depth, text, source: src() });
const table = (rows: string[][], headerRows = 1): Block => ({ type: 'table', headerRows, rows: rows.map((r) => plainRow(r, src())), source: src() });

const programsOf = (title: string, blocks: Block[]) => readPrograms({ title, titled: true, blocks });

describe('programs from blocks', () => {
  it('a one-program post: sections, a question and closing headings name no program', () => {
    const programs = programsOf('2024 청년월세 특별지원 신청방법 총정리', [
      p('월 20만원씩 지원합니다.'),
      h(2, '지원 대상'),
      li('만 19~34세 청년'),
      h(2, '신청 방법'),
      li('복지로 접속', '1.'),
      li('신청서 작성', '2.'),
      h(2, '심사는 어떻게 진행되나요?'),
      p('서류 심사 후 문자로 알려 드립니다.'),
      h(2, '관련 링크'),
      p('[복지로](https://www.bokjiro.go.kr)'),
      h(2, '마치며'),
      p('꼭 신청하세요.'),
    ]);
    expect(programs.map((x) => x.name)).toEqual(['청년월세 특별지원']);
    expect(programs[0]!.details!.eligibility).toEqual(['만 19~34세 청년']);
    // The question heading is a step section (심사), not a program.
    expect(programs[0]!.details!.steps).toEqual(['복지로 접속', '신청서 작성']);
    expect(programs[0]!.details!.links!.map((l) => l.href)).toEqual(['https://www.bokjiro.go.kr']);
  });

  it('`<program>의 신청 절차` attaches its content to that program, and two posts-worth of generic headings make none', () => {
    const programs = programsOf('창업 지원 모음', [
      h(2, '예비창업패키지'),
      p('예비창업자의 사업화를 돕습니다.'),
      h(2, '초기창업패키지'),
      p('창업 3년 이내 기업을 돕습니다.'),
      h(2, '예비창업패키지의 신청 절차'),
      p('신청 → 서류 평가 → 발표 평가 → 선정'),
      h(2, 'FAQ'),
      h(3, '중복 신청이 되나요?'),
      p('안 됩니다.'),
      h(2, '함께 보면 좋은 글'),
      li('[2024 창업도약패키지 신청방법](/post/1)'),
    ]);
    expect(programs.filter((x) => !x.mentioned).map((x) => x.name)).toEqual(['예비창업패키지', '초기창업패키지']);
    expect(programs.find((x) => x.name === '예비창업패키지')!.details!.steps).toEqual(['신청', '서류 평가', '발표 평가', '선정']);
    expect(programs.filter((x) => x.mentioned).map((x) => x.name)).toEqual(['창업도약패키지']);
  });

  it('a section listing kinds makes its children programs; a repeated name later attaches to them', () => {
    const programs = programsOf('노인 일자리 안내', [
      h(2, '사업 유형'),
      h(3, '1. 공익활동'),
      table([['항목', '내용'], ['대상', '만 65세 이상'], ['활동비', '월 29만원']]),
      h(3, '2. 시장형 사업단'),
      table([['항목', '내용'], ['대상', '만 60세 이상']]),
      h(2, '신청 자격'),
      h(3, '공익활동 (65세 이상)'),
      li('기초연금 수급자'),
    ]);
    expect(programs.map((x) => x.name)).toEqual(['노인 일자리', '공익활동', '시장형 사업단']);
    const publicWork = programs[1]!.details!;
    expect(publicWork.eligibility).toEqual(['만 65세 이상', '기초연금 수급자']);
    expect(publicWork.amounts).toEqual([expect.objectContaining({ qualifiers: ['월'], label: '활동비', quantity: expect.objectContaining({ value: 290_000, unit: '원' }) })]);
  });

  it('a heading whose sub-headings are programme names lists programmes; it is none itself', () => {
    const programs = programsOf('청년 지원 정책 5가지', [
      h(2, '들어가며'),
      p('올해 달라진 정책을 정리했습니다.'),
      h(2, '주요 지원 정책'),
      h(3, '청년도약계좌'),
      li('월 70만원 한도 납입'),
      h(3, '청년내일채움공제'),
      li('2년 만기 1,200만원'),
      h(2, '마치며'),
    ]);
    expect(programs.map((x) => x.name)).toEqual(['청년도약계좌', '청년내일채움공제']);
  });

  it('a name repeated in two headings is a programme of its own (`자녀장려금 지급액`, `자녀장려금 신청 방법`)', () => {
    const programs = programsOf('2024 근로장려금 신청 방법', [
      h(2, '근로장려금 지급액'),
      p('맞벌이 가구 최대 330만원'),
      h(2, '자녀장려금 지급액'),
      p('자녀 1인당 최대 100만원'),
      h(2, '자녀장려금 신청 방법'),
      li('홈택스 접속', '1.'),
      h(2, '대출 대상'),
      h(2, '대출 조건'),
    ]);
    expect(programs.map((x) => x.name)).toEqual(['근로장려금', '자녀장려금']);
    expect(programs[1]!.details!.steps).toEqual(['홈택스 접속']);
    expect(programs[1]!.details!.amounts!.map((a) => a.quantity.value)).toEqual([1_000_000]);
  });

  it('emoji bullets are list items; `지원 대상: …` and `제출 서류: …` lines say what they hold', () => {
    const [program] = programsOf('청년 전세대출 이자지원 안내', [
      h(2, '📌 한눈에 보기'),
      p('지원 대상: 만 19~39세 무주택 청년'),
      li('제출 서류: 임대차계약서, 소득증빙'),
      li('지원 내용: 대출 이자 연 2% 이내'),
      h(2, '준비물'),
      p('✔ 신분증'),
      p('✅ 주민등록등본'),
      h(2, '함께 보면 좋은 글'),
      p('👉 [청년 월세 지원 신청방법](/rent)'),
    ]);
    expect(program!.name).toBe('청년 전세대출 이자지원');
    expect(program!.details!.eligibility).toEqual(['만 19~39세 무주택 청년']);
    expect(program!.details!.documents).toEqual(['임대차계약서', '소득증빙', '신분증', '주민등록등본']);
    expect(program!.details!.contents).toEqual(['지원 내용: 대출 이자 연 2% 이내']);
    expect(program!.details!.amounts!.map((a) => [a.qualifiers, a.quantity.value, a.quantity.unit])).toEqual([[['연', '이내'], 2, '%']]);
  });

  it('numbered lists under the channels of a procedure are steps; a checklist is not; `X 함께 받기` describes X', () => {
    const programs = programsOf('2026년 근로장려금 신청방법 총정리', [
      h(2, '신청 방법'),
      h(3, '1. 홈택스 (PC)'),
      li('[홈택스](https://hometax.go.kr) 접속', '1.'),
      li('신청서 작성 및 제출', '2.'),
      h(3, '2. 손택스 앱 (모바일)'),
      li('손택스 앱 설치', '1.'),
      h(2, '인기 업종'),
      li('도소매업', '1.'),
      h(2, '신청 전 체크리스트'),
      li('[ ] 전년도 소득금액 확인'),
      h(2, '자녀장려금 함께 받기'),
      table([['항목', '내용'], ['지급액', '자녀 1명당 최대 100만원']]),
    ]);
    expect(programs.map((x) => x.name)).toEqual(['근로장려금', '자녀장려금']);
    expect(programs[0]!.details!.steps).toEqual(['홈택스 접속', '신청서 작성 및 제출', '손택스 앱 설치']);
    expect(programs[0]!.details!.contents).toEqual(['도소매업', '전년도 소득금액 확인']);
    expect(programs[1]!.details!.amounts!.map((a) => [a.label, a.quantity.value])).toEqual([['지급액', 1_000_000]]);
  });

  it('a title that names no programme (a guide to an income standard) makes none; related guides are not programmes', () => {
    const programs = programsOf('2026년 기준 중위소득 총정리', [
      h(2, '가구원수별 기준'),
      table([['가구원수', '금액'], ['1인', '2,564,238원']]),
      h(2, '함께 보면 좋은 글'),
      li('[중위소득 50% 이하 복지 총정리](/a)'),
      li('[2026년 청년월세지원 신청방법](/b)'),
    ]);
    expect(programs.map((x) => [x.name, x.mentioned ?? false])).toEqual([['청년월세지원', true]]);
  });

  it('a related-programs table gives mentioned programs, not described ones', () => {
    const programs = programsOf('에너지바우처 신청 안내', [
      h(2, '지원 내용'),
      p('가구당 최대 50만원을 지원합니다.'),
      h(2, '함께 확인하면 좋은 지원'),
      table([['사업명', '내용'], ['「에너지효율개선사업」', '단열 공사'], ['등유바우처', '등유 구입비']]),
    ]);
    expect(programs.map((x) => [x.name, x.mentioned ?? false])).toEqual([
      ['에너지바우처', false],
      ['에너지효율개선사업', true],
      ['등유바우처', true],
    ]);
  });

  it('steps from STEP/단계 paragraphs and from a table of steps; documents from a table and an inline list', () => {
    const [program] = programsOf('문화누리카드 발급 안내', [
      h(2, '신청 절차'),
      p('STEP 1. 온라인 신청'),
      p('STEP 2: 자격 확인'),
      table([['단계', '내용'], ['3단계', '카드 발급']]),
      h(2, '제출 서류'),
      table([['서류명', '비고'], ['신청서', '주민센터 비치'], ['신분증', '']]),
      p('준비물: 통장 사본, 가족관계증명서'),
    ]);
    expect(program!.details!.steps).toEqual(['온라인 신청', '자격 확인', '카드 발급']);
    expect(program!.details!.documents).toEqual(['신청서', '신분증', '통장 사본', '가족관계증명서']);
  });

  it('plugs into the layout reader of src/layout/text.ts (Markdown → blocks)', () => {
    const text = ['---', 'title: 부모급여 신청 안내', '---', '', '## 지원 대상', '', '- 만 0~1세 아동의 부모', '', '## 신청 방법', '', '1. 복지로 접속', '2. 신청서 작성', '', '## 함께 보면 좋은 글', '', '- [아동수당 신청방법](/a)', ''].join('\n');
    const layout = readTextLayout('post.md', text, { markdown: true });
    const programs = programsOf('부모급여 신청 안내', layout.blocks);
    expect(programs.map((x) => [x.name, x.mentioned ?? false])).toEqual([
      ['부모급여', false],
      ['아동수당', true],
    ]);
    expect(programs[0]!.details!.steps).toEqual(['복지로 접속', '신청서 작성']);
  });
});

describe('text values', () => {
  it.each([
    ['<b>청년</b>도약계좌', '청년도약계좌'],
    ['적금&nbsp;', '적금'],
    ['저축&amp;투자', '저축&투자'],
    ['정부기여금&lt;br&gt;', '정부기여금'],
    ['비과세<br/>', '비과세'],
    ['&#52397;&#45380;', '청년'],
    ['&#x3C;em&#x3E;창업&#x3C;/em&#x3E;', '창업'],
    ['**지원 대상**', '지원 대상'],
    ['[복지로](https://www.bokjiro.go.kr) 접속', '복지로 접속'],
    ['첫 줄<br>둘째 줄', '첫 줄 둘째 줄'],
  ])('%s → %s', (raw, clean) => expect(cleanText(raw)).toBe(clean));

  it('a tag list never holds HTML, empties or repeats', () => {
    expect(cleanList(['<em>창업</em>', ' 창업 ', '', '&lt;b&gt;지원&lt;/b&gt;', { name: 'R&amp;D' }])).toEqual(['창업', '지원', 'R&D']);
    expect(cleanList('창업, 바우처 ,')).toEqual(['창업', '바우처']);
  });
});

describe('front matter', () => {
  it.each([
    ['2023-11-30 07:45:46', '2023-11-30T07:45:46'],
    ['2024-04-02T10:00:00+09:00', '2024-04-02T10:00:00'],
    ['2024.01.10', '2024-01-10'],
    ['2024년 1월 5일', '2024-01-05'],
    ['Jul 08 2024', '2024-07-08'],
    ['July 8, 2024', '2024-07-08'],
    ['어제', undefined],
  ])('date %s', (raw, iso) => expect(isoDateTime(raw)).toBe(iso));

  it('TOML: strings, booleans, bare dates, multi-line arrays and tables', () => {
    const data = parseToml(['title = "빈집 지원"', 'draft = true', 'date = 2024-04-02', 'tags = [', '  "빈집",', "  '귀농',", ']', '[taxonomies]', 'categories = ["농촌"]'].join('\n'));
    expect(data).toEqual({ title: '빈집 지원', draft: true, date: '2024-04-02', tags: ['빈집', '귀농'], taxonomies: { categories: ['농촌'] } });
  });

  it('Zola/Hugo taxonomies, draft as status, Astro dates, JSON block', () => {
    const toml = readFrontMatter(['+++', 'title = "A"', 'draft = true', 'slug = "a-post"', '[taxonomies]', 'tags = ["x", "y"]', '+++', 'body'].join('\n'));
    expect(toml).toMatchObject({ title: 'A', draft: true, status: 'draft', slug: 'a-post', tags: ['x', 'y'], bodyStartLine: 8 });
    const astro = readFrontMatter(['---', 'title: B', "pubDate: 'Jul 08 2024'", "updatedDate: 'Jul 15 2024'", 'description: <b>요약</b>', '---'].join('\n'));
    expect(astro).toMatchObject({ date: '2024-07-08', updated: '2024-07-15', excerpt: '요약' });
    const json = readFrontMatter(['---json', '{ "title": "C", "tags": ["z"] }', '---'].join('\n'));
    expect(json).toMatchObject({ title: 'C', tags: ['z'], bodyStartLine: 4 });
  });
});

describe('names, amounts and periods', () => {
  it.each([
    ['2026년 국민내일배움카드 신청방법 총정리 (지원금액, 자격요건, 훈련과정)', '국민내일배움카드'],
    ['"청년도약계좌" 가입 방법 총정리', '청년도약계좌'],
    ['[2024] 창업 바우처 신청 가이드', '창업 바우처'],
    ['청년월세지원의 신청 절차', '청년월세지원'],
    ['「초기창업패키지」', '초기창업패키지'],
    ['2026년 기초연금 신청자격과 지급액', '기초연금'],
    ['소상공인 정책자금, 궁금한 것만 모았습니다', '소상공인 정책자금'],
    ['3. 귀농인 임시거주시설', '귀농인 임시거주시설'],
  ])('name %s → %s', (raw, name) => expect(cleanProgramName(raw)).toBe(name));

  it.each([
    ['신청 방법', { aspect: 'steps', naming: [] }],
    ['지원 대상 및 자격요건', { aspect: 'eligibility', naming: [] }],
    ['함께 보면 좋은 글', { aspect: 'related' }],
    ['자주 묻는 질문', { aspect: 'faq' }],
    ['주의사항 및 꿀팁', { aspect: 'contents', naming: [] }],
    ['심사는 어떻게 진행되나요?', { question: true }],
    ['훈련장려금', { naming: ['훈련장려금'] }],
  ])('heading %s', (heading, expected) => expect(readHeading(heading)).toMatchObject(expected));

  const at = { file: 'post.md', line: 7, text: '' };
  it.each([
    ['월 최대 20만원', [{ qualifiers: ['월', '최대'], value: 200_000, unit: '원' }]],
    ['㎡당 50만원, 가구당 최대 2,000만원까지', [{ qualifiers: ['㎡당'], value: 500_000, unit: '원' }, { qualifiers: ['가구당', '최대', '까지'], value: 20_000_000, unit: '원' }]],
    ['사업비의 70% 이내', [{ qualifiers: ['이내'], value: 70, unit: '%' }]],
    ['월 76만 1천원', [{ qualifiers: ['월'], value: 761_000, unit: '원' }]],
    ['연 매출 1억 5천만원', [{ qualifiers: [], value: 150_000_000, unit: '원' }]],
    ['취업률 80%', []],
  ])('amounts in %s', (text, expected) => {
    expect(readAmounts(text, at).map((a) => ({ qualifiers: a.qualifiers, value: a.quantity.value, unit: a.quantity.unit }))).toEqual(expected);
  });

  it.each([
    ['모집 기간: 2025.11.28 ~ 12.26', { start: '2025-11-28', end: '2025-12-26' }],
    ['2025년 11월 28일(금) ~ 12월 26일(금)', { start: '2025-11-28', end: '2025-12-26' }],
    ['2024. 3. 4. ~ 2024. 3. 22.', { start: '2024-03-04', end: '2024-03-22' }],
    ['상시 접수', undefined],
  ])('period in %s', (text, expected) => expect(readPeriod(text) && { start: readPeriod(text)!.start, end: readPeriod(text)!.end }).toEqual(expected));
});

describe('which reader reads the body', () => {
  it.each([
    ['Markdown with headings', ['## 지원 대상', '- 청년', '■ 참고'], false],
    ['HTML markup in a .md body (WordPress export)', ['<!-- wp:heading -->', '<h2>지원 대상</h2>', '<!-- /wp:heading -->', '<ul><li>청년</li></ul>'], true],
    ['plain text with ■ and 【 】 headings', ['■ 지원 대상', '1. 청년', '【 신청 방법 】', '1. 복지로 접속'], true],
    ['plain text with one ■ line', ['■ 참고 바랍니다', '본문'], false],
  ])('%s → blog reader: %s', (_, lines, expected) => expect(needsBlogReader(lines)).toBe(expected));

  it('the blog reader: plain-text headings, MDX components as links, module lines dropped, list depth', () => {
    const lines = numbered(['import X from "./x";', '■ 신청 방법', '1. 복지로 접속', '   - 로그인', '<LinkButton', '  href="https://a.kr"', '  label="신청하기"', '/>', '※ 60일 이내 신청']);
    const blocks = bodyBlocks('p.md', lines, { html: false }).map((b) => [b.type, b.source.line, b.type === 'table' ? '' : b.text, b.type === 'list-item' ? b.depth : '']);
    expect(blocks).toEqual([
      ['heading', 2, '신청 방법', ''],
      ['list-item', 3, '복지로 접속', 0],
      ['list-item', 4, '로그인', 1],
      ['paragraph', 5, '[신청하기](https://a.kr)', ''],
      ['note', 9, '60일 이내 신청', ''],
    ]);
  });
});
