import { describe, expect, it } from 'vitest';
import { load, loadText } from '../helpers/load.js';
import { readDeadline, readHeading } from '../../src/parse/blog/index.js';

describe('blog post sample', async () => {
  const { document: doc } = await load('fixtures/samples/blog-post.md');

  it('reads the front matter: title, date, status, trimmed tags, categories, image', () => {
    expect(doc.kind).toBe('blog-post');
    expect(doc.title).toBe('기술개발 지원을 통한 1인 창조기업 육성');
    expect(doc.date).toBe('2023-11-30T07:45:46');
    expect(doc.meta.status).toBe('publish');
    expect(doc.meta.categories).toEqual(['사업', '1인창조기업']);
    expect(doc.meta.tags).toHaveLength(15);
    expect(doc.meta.tags![1]).toBe('1인 창조기업'); // was ' 1인 창조기업' with a stray space
    expect(doc.meta.featuredImage).toBe('_images/사업.png');
  });

  it('names programs by their section headings', () => {
    expect(doc.programs.map((p) => p.name)).toEqual(['기술개발 지원', '지식서비스 거래지원', '해외진출', '네트워크 프로그램']);
  });

  it('gathers steps, documents, deadline, agencies and legal basis of technology development support', () => {
    const d = doc.programs[0]!.details!;
    expect(d.steps).toEqual(['기술개발사업 신청서 제출', '기술개발계획서 제출', '그 밖에 중소벤처기업부장관이 필요하다고 인정하는 서류 제출']);
    expect(d.documents).toEqual(['기술개발사업 신청서', '기술개발계획서', '그 밖에 중소벤처기업부장관이 필요하다고 인정하는 서류']);
    expect(d.deadlines).toEqual([{ text: '협약기간 종료일로부터 2개월 이내', amount: 2, unit: 'month', after: '협약기간 종료일', source: expect.objectContaining({ line: 59 }) }]);
    expect(d.agencies).toEqual(['과학기술정보통신부장관', '창업진흥원', '중소벤처기업부장관']);
    expect(d.legalBasis).toEqual(['「1인 창조기업 육성에 관한 법률」']);
    expect(d.scope).toHaveLength(3);
  });

  it('gathers eligibility, documents and the application channel of knowledge-service trade support', () => {
    const d = doc.programs[1]!.details!;
    expect(d.eligibility).toEqual(['1인 창조기업으로부터 재화 또는 용역을 제공받는 중소기업 또는 비영리법인']);
    expect(d.documents).toHaveLength(4);
    expect(d.channels).toContain('k-startup 홈페이지');
  });

  it('counts body lines from the top of the file, front matter included', () => {
    expect(doc.programs[0]!.sources.map((s) => s.line)).toEqual([31, 33, 43, 51]);
    expect(doc.programs[0]!.sources[1]!.text).toBe('## 기술개발지원의 내용');
  });

  it('matches the golden model', async () => {
    await expect(JSON.stringify(doc, null, 2) + '\n').toMatchFileSnapshot('../../fixtures/samples/blog-post.md.model.json');
  });
});

describe('other blog forms', () => {
  const body = '## 창업지원의 대상\n\n대상은 다음과 같습니다.\n\n1. 예비창업자\n2. 3년 이내 창업기업\n';

  it.each([
    ['YAML', `---\ntitle: "창업지원 안내"\ndate: 2024-01-05\ntags: [ " 창업 ", "", "지원" ]\n---\n${body}`, '2024-01-05'],
    ['TOML', `+++\ntitle = "창업지원 안내"\ndate = "2024-01-05T09:30:00"\ntags = ["창업", "지원"]\n+++\n${body}`, '2024-01-05T09:30:00'],
    ['JSON', `{\n"title": "창업지원 안내",\n"date": "2024-01-05",\n"tags": ["창업", "지원"]\n}\n${body}`, '2024-01-05'],
  ])('%s front matter', async (_, text, date) => {
    const { document } = await loadText('post.md', text, { kind: 'blog-post' });
    expect(document.title).toBe('창업지원 안내');
    expect(document.date).toBe(date);
    expect(document.meta.tags).toEqual(['창업', '지원']);
    expect(document.programs[0]!.details!.eligibility).toEqual(['예비창업자', '3년 이내 창업기업']);
  });

  it('a post without front matter takes its title from the first heading', async () => {
    const { document } = await loadText('plain.md', `# 창업지원 안내\n\n${body}`, { kind: 'blog-post' });
    expect(document.title).toBe('창업지원 안내');
    expect(document.programs[0]!.details!.eligibility).toHaveLength(2);
    // `창업지원 안내` names the same program as `창업지원의 대상`: both lines are its sources.
    expect(document.programs[0]!.sources.map((x) => x.line)).toEqual([1, 3]);
  });

  it('a plain HTML post loads, with line numbers from the HTML', async () => {
    const html = '<html><body>\n<h1>창업지원 안내</h1>\n<h2>창업지원의 대상</h2>\n<p>대상은 다음과 같습니다.</p>\n<ol><li>예비창업자</li>\n<li>3년 이내 창업기업</li></ol>\n<!-- wp:separator --><hr/><!-- /wp:separator -->\n</body></html>\n';
    const { document } = await loadText('post.html', html);
    expect(document.kind).toBe('blog-post');
    expect(document.title).toBe('창업지원 안내');
    expect(document.programs[0]!.details!.eligibility).toEqual(['예비창업자', '3년 이내 창업기업']);
    expect(document.programs[0]!.sources.map((x) => x.line)).toEqual([2, 3]);
  });

  it.each([
    ['기술개발지원의 내용', { program: '기술개발지원', aspect: 'contents' }],
    ['지식서비스 거래지원의 신청방법', { program: '지식서비스 거래지원', aspect: 'steps' }],
    ['해외진출을 통한 1인 창조기업의 성장', { program: '해외진출' }],
    ['결론', { aspect: 'closing' }],
  ])('heading %s', (heading, expected) => expect(readHeading(heading)).toMatchObject(expected));

  it.each([
    ['선정일로부터 30일 이내에 제출', { amount: 30, unit: 'day', after: '선정일' }],
    ['사업 완료일부터 1년 안에 보고', { amount: 1, unit: 'year', after: '사업 완료일' }],
  ])('deadline %s', (text, expected) => expect(readDeadline(text)).toMatchObject(expected));
});
