// Blog posts as people write them: the three real posts in ../shared/real/blogs
// (read in place) and the written posts in fixtures/blog, one per platform and
// habit. Every expectation was read off the post by hand (line numbers cited
// for the real posts); none comes from running the tool.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { load, ROOT } from '../helpers/load.js';
import type { PolicyDocument, Program } from '../../src/model/types.js';

const REAL = path.resolve(ROOT, '../shared/real/blogs');

interface Expected {
  file: string;
  title: string;
  date: string;
  tags: string[];
  categories?: string[];
  /** Programs the post describes, in order. */
  programs: string[];
  /** Programs it only names (related lists), in order. */
  mentioned?: string[];
  /** Steps and required documents per described program, in order. */
  steps?: Record<string, string[]>;
  documents?: Record<string, string[]>;
}

const described = (doc: PolicyDocument) => doc.programs.filter((p) => !p.mentioned);
const named = (doc: PolicyDocument, name: string): Program => {
  const p = doc.programs.find((x) => x.name === name);
  if (!p) throw new Error(`no program ${name} in ${doc.programs.map((x) => x.name).join(', ')}`);
  return p;
};

/** Share of expected items found in the same relative order (longest common subsequence). */
function foundInOrder(expected: string[], found: string[]): number {
  if (!expected.length) return found.length ? 0 : 1;
  const dp = Array.from({ length: expected.length + 1 }, () => new Array<number>(found.length + 1).fill(0));
  for (let i = 1; i <= expected.length; i++)
    for (let j = 1; j <= found.length; j++)
      dp[i]![j] = expected[i - 1] === found[j - 1] ? dp[i - 1]![j - 1]! + 1 : Math.max(dp[i - 1]![j]!, dp[i]![j - 1]!);
  return dp[expected.length]![found.length]! / expected.length;
}

function checkPost(e: Expected, file: string) {
  describe(e.file, async () => {
    const { document: doc } = await load(path.relative(ROOT, file));
    it('is a blog post with its title, date, clean tags and categories', () => {
      expect(doc.kind).toBe('blog-post');
      expect(doc.title).toBe(e.title);
      expect(doc.date).toBe(e.date);
      expect(doc.meta.tags).toEqual(e.tags);
      if (e.categories) expect(doc.meta.categories).toEqual(e.categories);
      for (const t of [...(doc.meta.tags ?? []), ...(doc.meta.categories ?? [])]) expect(t).not.toMatch(/[<>]|&[a-z#0-9]+;/i);
    });
    it(`describes exactly ${e.programs.length} program(s)`, () => {
      expect(described(doc).map((p) => p.name)).toEqual(e.programs);
      expect(doc.programs.filter((p) => p.mentioned).map((p) => p.name)).toEqual(e.mentioned ?? []);
    });
    for (const [kind, table] of [['steps', e.steps], ['documents', e.documents]] as const) {
      for (const [program, items] of Object.entries(table ?? {})) {
        it(`finds the ${kind} of ${program} in order (at least 90%, and no more than written)`, () => {
          const found = named(doc, program).details![kind];
          expect(foundInOrder(items, found)).toBeGreaterThanOrEqual(0.9);
          expect(found.length).toBeLessThanOrEqual(items.length);
        });
      }
    }
  });
}

const WRITTEN: Expected[] = [
  {
    file: 'wordpress-youth-leap-account.md',
    title: '"청년도약계좌" 가입 방법 총정리',
    date: '2024-02-14T09:30:00',
    tags: ['청년도약계좌', '적금', '저축&투자', '정부기여금', '비과세', '청년'],
    categories: ['청년&금융', '정책'],
    programs: ['청년도약계좌'],
    mentioned: ['청년내일저축계좌', '청년월세지원'],
    steps: { 청년도약계좌: ['취급 은행 앱에서 가입 신청', '소득 및 가구 요건 심사 (약 2주)', '심사 결과 문자 안내', '계좌 개설 및 첫 납입'] },
    documents: { 청년도약계좌: ['신분증', '소득금액증명원', '건강보험 자격득실 확인서'] },
  },
  {
    file: 'hugo-rural-housing.md',
    title: '2024 농촌 주거 지원사업 3가지 정리',
    date: '2024-04-02T10:00:00',
    tags: ['빈집', '주택개량', '귀농'],
    categories: ['농촌', '주거'],
    programs: ['빈집 리모델링 지원', '농촌 주택개량 대출', '귀농인 임시거주시설'],
    steps: {
      '빈집 리모델링 지원': ['신청', '서류 심사', '현장 평가', '선정'],
      '농촌 주택개량 대출': ['시·군청 건축 담당 부서 상담', '사업 신청서 제출', '대상자 선정 통보', '농협 대출 실행'],
      '귀농인 임시거주시설': ['입주 신청', '면접 심사', '입주 계약'],
    },
  },
  {
    file: 'jekyll-startup-voucher.md',
    title: '[2024] 창업 바우처 신청 가이드',
    date: '2024-03-02T10:00:00',
    tags: ['창업', '바우처', 'R&D', '예비창업자'],
    categories: ['창업', '지원사업'],
    programs: ['창업 바우처'],
    mentioned: ['초기창업패키지', '청년창업사관학교'],
    steps: { '창업 바우처': ['K-Startup 누리집에서 온라인 신청', '서류 평가', '발표 평가', '협약 체결 및 바우처 발급'] },
    documents: { '창업 바우처': ['사업계획서', '신분증 사본', '창업 이력 확인서'] },
  },
  {
    file: 'astro-energy-voucher.mdx',
    title: '에너지바우처 신청방법 완벽 정리',
    date: '2024-07-08',
    tags: ['에너지바우처', '냉난방비', '취약계층'],
    programs: ['에너지바우처'],
    steps: { 에너지바우처: ['신청서 제출', '자격 확인', '바우처 발급', '요금 차감'] },
    documents: { 에너지바우처: ['사회보장급여 신청서', '신분증', '대리 신청 시 위임장'] },
  },
  {
    file: 'naver-parent-benefit.md',
    title: '2024 부모급여 신청방법 총정리',
    date: '2024-01-10',
    tags: ['부모급여', '육아', '출산지원', '복지'],
    programs: ['부모급여'],
    mentioned: ['첫만남이용권', '아동수당'],
    steps: { 부모급여: ['복지로 또는 정부24 접속', '부모급여 신청 메뉴 선택', '아동 정보 입력', '지급 계좌 등록', '신청 완료'] },
    documents: { 부모급여: ['신청서 (주민센터 비치)', '신분증', '통장 사본'] },
  },
  {
    file: 'multi-youth-programs.md',
    title: '사회초년생이라면 꼭 챙겨야 할 정부 지원',
    date: '2024-05-20',
    tags: ['청년', '사회초년생', '정부지원'],
    categories: ['청년정책'],
    programs: ['청년내일저축계좌', '청년내일채움공제', 'K-패스', '국민취업지원제도'],
    steps: {
      청년내일저축계좌: ['복지로 누리집 접속', '가입 신청서 작성', '소득·재산 조사 후 선정 통보'],
      청년내일채움공제: ['기업과 청년이 함께 참여 신청', '운영기관 승인', '청약 신청'],
      'K-패스': ['K-패스 카드 발급', '누리집 회원가입 및 카드 등록', '월 15회 이상 이용하면 다음 달 환급'],
      국민취업지원제도: ['고용24에서 구직 신청', '수급자격 인정 통지', '취업활동계획 수립'],
    },
  },
  {
    file: 'faq-small-business-loan.md',
    title: '소상공인 정책자금, 궁금한 것만 모았습니다',
    date: '2024-06-03T08:00:00',
    tags: ['소상공인', '정책자금', '대출', '경영안정'],
    categories: ['금융 & 대출'],
    programs: ['소상공인 정책자금'],
    steps: { '소상공인 정책자금': ['소상공인정책자금 누리집에서 자가진단', '온라인 신청 및 예약', '지역센터 방문 상담', '보증 심사 및 대출 실행'] },
    documents: { '소상공인 정책자금': ['사업자등록증명원', '부가가치세 과세표준증명원', '신분증'] },
  },
  {
    file: 'html-export-emergency-welfare.html',
    title: '긴급복지 생계지원 신청 안내',
    date: '2024-08-01T09:00:00',
    tags: ['긴급복지', '생계 지원', '위기가구'],
    categories: ['복지&생활'],
    programs: ['긴급복지 생계지원'],
    mentioned: ['기초생활보장 생계급여', '에너지바우처'],
    steps: { '긴급복지 생계지원': ['시·군·구청 또는 보건복지상담센터(129)에 신청', '담당 공무원 현장 확인', '지원 결정 및 지급', '사후 조사'] },
    documents: { '긴급복지 생계지원': ['긴급지원 신청서', '금융정보 제공 동의서'] },
  },
  {
    file: 'json-culture-card.md',
    title: '문화누리카드 발급부터 사용까지',
    date: '2024-02-01',
    tags: ['문화누리카드', '문화생활', '통합문화이용권'],
    categories: ['문화', '복지'],
    programs: ['문화누리카드'],
    steps: { 문화누리카드: ['주민센터 방문 또는 누리집 신청', '자격 확인', '카드 발급 및 지원금 충전'] },
  },
  {
    file: 'tistory-overview-table.md',
    title: '📌 K-패스 | 교통비 환급 조건, 신청 방법 총정리',
    date: '2024-05-01T12:00:00',
    tags: ['K-패스', '교통비 환급', '알뜰교통'],
    categories: ['교통'],
    programs: ['K-패스'],
    mentioned: ['기후동행카드', '알뜰교통카드'],
    steps: { 'K-패스': ['카드 발급', '누리집 회원가입', '카드 등록', '환급 확인'] },
    documents: { 'K-패스': ['신분증', '교통카드'] },
  },
  {
    file: 'comparison-two-savings.md',
    title: '청년도약계좌 vs 청년희망적금 비교',
    date: '2024-01-15',
    tags: ['청년도약계좌', '청년희망적금', '비교'],
    programs: ['청년도약계좌', '청년희망적금'],
  },
];

describe('written posts (fixtures/blog)', () => {
  for (const e of WRITTEN) checkPost(e, path.join(ROOT, 'fixtures/blog', e.file));
});

// Real posts, read by hand: line numbers are those of the .mdx files.
const REAL_POSTS: Expected[] = [
  {
    file: 'blog-national-learning-card-2026.mdx',
    title: '2026년 국민내일배움카드 신청방법 총정리 (지원금액, 자격요건, 훈련과정)',
    date: '2026-01-27',
    tags: ['국민내일배움카드', '내배카', '직업훈련', '국비지원', 'HRD-Net', '2026'], // line 6
    categories: ['subsidy'],
    programs: ['국민내일배움카드'],
    mentioned: ['국민취업지원제도', '실업급여', '근로장려금', '청년일자리도약장려금'], // lines 330-333
    steps: {
      // lines 185-192 (online), 198-201 (offline), 214-224 (finding a course; sub-bullets are not steps)
      국민내일배움카드: [
        '고용24 접속 및 로그인',
        '상단 메뉴 [직업능력개발] - [국민내일배움카드] 클릭',
        '신청자격 확인',
        '권리 및 의무사항 동의',
        '발급신청서 작성 (카드사 선택: NH농협 또는 신한)',
        '훈련계획서 작성 (희망 훈련과정 1개 이상 등록)',
        '신청 완료',
        '관할 고용센터 전화 문의 (사전 예약 권장)',
        '신분증 지참 후 방문',
        '상담 및 신청서 작성',
        '카드 발급 신청',
        'HRD-Net 또는 고용24 접속',
        '[훈련과정] 메뉴 클릭',
        '원하는 조건으로 검색',
        '과정 상세 정보 확인',
        '수강신청',
      ],
    },
    documents: { 국민내일배움카드: [] },
  },
  {
    file: 'blog-senior-jobs-2026.mdx',
    title: '2026년 노인일자리 신청방법 총정리 (자격요건, 급여, 사업유형)',
    date: '2026-01-28',
    tags: ['노인일자리', '노인사회활동', '공익활동', '시니어일자리', '어르신일자리', '2026'], // line 6
    categories: ['subsidy'],
    // The programme and its four types (lines 53, 64, 75, 85).
    programs: ['노인일자리', '공익활동', '사회서비스형', '시장형 사업단', '취업알선형'],
    mentioned: ['기초연금', '국민연금', '장애인연금', '의료급여'], // lines 211-214
    steps: { 노인일자리: [] },
    documents: { 노인일자리: ['신분증', '기초연금 수급 확인 서류'] }, // line 147
  },
  {
    file: 'blog-youth-monthly-rent-support-2026.mdx',
    title: '2026년 청년월세지원 신청방법 총정리 (자격요건, 지원금액, 신청기간)',
    date: '2026-01-27',
    tags: ['청년월세지원', '청년월세', '월세지원금', '2026', '청년정책'], // line 6
    categories: ['subsidy'],
    programs: ['청년월세지원'],
    steps: {
      // lines 125-129 (online), 136-139 (offline), 186-188 (the 단계 table)
      청년월세지원: [
        '복지로 접속',
        '공동인증서 또는 간편인증으로 로그인',
        '"청년월세지원" 검색 또는 복지서비스 신청 메뉴 이동',
        '신청서 작성 및 필요서류 업로드',
        '신청 완료 후 진행상황은 마이페이지에서 확인',
        '거주지 관할 주민센터(행정복지센터) 방문',
        '신분증 및 필요서류 지참',
        '신청서 작성 및 제출',
        '접수증 수령',
        '서류 심사',
        '선정 통보',
        '지원금 지급',
      ],
    },
    documents: {
      // lines 152-157 (table) and 161-165 (additional, by case)
      청년월세지원: [
        '임대차계약서',
        '월세 이체 증빙서류',
        '가족관계증명서',
        '주민등록등본',
        '청년 본인 통장사본',
        '소득/재산 신고서',
        '고시원/게스트하우스 거주: 입실서 또는 월차임 납부확인서',
        '전대차 계약: 전대차계약서 + 등기부등본 또는 건축물대장',
        '현금 납부: 월차임 납부확인서 (별도 양식)',
        '대리 신청 시: 위임장',
        '부채 증빙: 주택구입/임차보증금 용도 부채만 인정',
      ],
    },
  },
];

describe.skipIf(!existsSync(REAL))('real posts (../shared/real/blogs, read in place)', () => {
  for (const e of REAL_POSTS) checkPost(e, path.join(REAL, e.file));
});

describe.skipIf(!existsSync(REAL))('details of the real posts', async () => {
  const card = (await load(path.relative(ROOT, path.join(REAL, 'blog-national-learning-card-2026.mdx')))).document;
  const senior = (await load(path.relative(ROOT, path.join(REAL, 'blog-senior-jobs-2026.mdx')))).document;

  it('reads support amounts with their qualifiers and source line', () => {
    const amounts = named(card, '국민내일배움카드').details!.amounts!;
    // line 26: `5년간 최대 500만원까지`; line 265: `월 최대 20만원`
    expect(amounts).toContainEqual(expect.objectContaining({ qualifiers: ['최대', '까지'], quantity: expect.objectContaining({ value: 5_000_000, unit: '원', source: expect.objectContaining({ line: 26 }) }) }));
    expect(amounts).toContainEqual(expect.objectContaining({ qualifiers: ['월', '최대'], label: '훈련장려금', quantity: expect.objectContaining({ value: 200_000, source: expect.objectContaining({ line: 265 }) }) }));
    // line 70: `월 76만 1천원`
    expect(named(senior, '사회서비스형').details!.amounts).toContainEqual(expect.objectContaining({ label: '급여', quantity: expect.objectContaining({ value: 761_000 }) }));
  });

  it('keeps MDX link buttons as links of the program, not as text', () => {
    const d = named(card, '국민내일배움카드').details!;
    expect(d.links!.map((l) => l.href)).toEqual([
      'https://www.work24.go.kr/cm/main.do', // line 38
      'https://www.korea.kr/special/policyCurationView.do?newsId=148867871', // line 141
      'https://www.moel.go.kr/policy/policyinfo/reclamarion/list2.do', // line 173
      'https://www.gov.kr/portal/rcvfvrSvc/dtlEx/149200000026', // line 341
    ]);
    expect(d.contents.join('\n')).not.toMatch(/LinkButton|href=/);
  });

  it('attaches a later heading that repeats a type to that type (`공익활동 (65세 이상)` under 신청 자격)', () => {
    const d = named(senior, '공익활동').details!;
    expect(d.eligibility).toEqual(expect.arrayContaining(['만 65세 이상', '기초연금 수급자'])); // lines 102-103
    expect(d.eligibility).toContain('제외: 국민건강보험 직장가입자'); // line 107, under 참여 불가
  });

  it('reads the recruitment period with its dates (line 135)', () => {
    const deadlines = named(senior, '노인일자리').details!.deadlines;
    expect(deadlines).toContainEqual(expect.objectContaining({ period: { start: '2025-11-28', end: '2025-12-26' }, source: expect.objectContaining({ line: 135 }) }));
  });
});

describe('`programs` over all the posts together', async () => {
  const { programs } = await import('../../src/commands/programs.js');
  const { readdirSync } = await import('node:fs');
  const files = [
    ...readdirSync(path.join(ROOT, 'fixtures/blog')).map((f) => `fixtures/blog/${f}`),
    'fixtures/samples/blog-post.md',
    ...(existsSync(REAL) ? readdirSync(REAL).map((f) => path.relative(ROOT, path.join(REAL, f))) : []),
  ];
  const documents = await Promise.all(files.map(async (f) => (await load(f)).document));
  const rows = programs({ documents, diagnostics: new Map(), options: {} }).tables![0]!.rows;
  const seen = (name: string) => rows.filter((r) => r.program === name);

  it('merges one program described in one post and listed as related in another, the describing post first', () => {
    // multi-youth-programs.md describes 청년내일저축계좌 (line 12); wordpress-youth-leap-account.md lists it (line 83).
    expect(seen('청년내일저축계좌')).toEqual([expect.objectContaining({ document: 'fixtures/blog/multi-youth-programs.md', mentions: 2 })]);
    // astro-energy-voucher.mdx describes 에너지바우처; the HTML export lists it.
    expect(seen('에너지바우처')).toEqual([expect.objectContaining({ document: 'fixtures/blog/astro-energy-voucher.mdx', mentions: 2 })]);
  });

  it('never makes a program of a generic heading, so none merge', () => {
    for (const generic of ['관련 링크', '함께 보면 좋은 글', 'FAQ', '자주 묻는 질문', '마치며', '마무리', '신청 방법', '지원 대상', '핵심 요약', '주의사항']) expect(seen(generic)).toEqual([]);
    // Hand count over fixtures/blog and the sample: 21 described programs (1+3+1+1+1+4+1+1+1+1+2 written, 4 in
    // the sample), of which K-패스 and 청년도약계좌 are described twice (one row each): 19 rows; and 10 related
    // ones, of which 청년내일저축계좌 and 에너지바우처 join their describing post's row, and 청년월세지원 joins
    // the real post that describes it (when ../shared is there): 19 + 7 = 26 rows (27 without it).
    const local = rows.filter((r) => String(r.document).startsWith('fixtures/'));
    expect(local).toHaveLength(existsSync(REAL) ? 26 : 27);
  });
});

describe('details of the written posts', async () => {
  const kpass = (await load('fixtures/blog/tistory-overview-table.md')).document;
  const rural = (await load('fixtures/blog/hugo-rural-housing.md')).document;

  it('reads an overview table row by row: eligibility, period, channels, documents', () => {
    const d = named(kpass, 'K-패스').details!;
    expect(d.eligibility).toEqual(['만 19세 이상 대중교통 이용자']);
    expect(d.deadlines).toEqual([expect.objectContaining({ period: { start: '2024-05-01', end: '2024-12-31' }, source: expect.objectContaining({ line: 21 }) })]);
    expect(d.channels).toEqual(['K-패스 누리집', '카드사 앱']);
  });

  it('reads amounts per unit and shares within a limit', () => {
    const amounts = (name: string) => named(rural, name).details!.amounts!.map((a) => [a.qualifiers.join(' '), a.quantity.value, a.quantity.unit]);
    expect(amounts('빈집 리모델링 지원')).toEqual([['㎡당', 500_000, '원'], ['가구당 최대 까지', 20_000_000, '원']]); // line 30
    expect(amounts('농촌 주택개량 대출')).toEqual([['최대', 200_000_000, '원'], ['이내', 20, '%']]); // lines 46, 48
  });
});
