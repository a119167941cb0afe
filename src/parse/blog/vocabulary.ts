// Words that make a blog heading a section of a program rather than a program's
// name, grouped by what the section holds. Data, not code: add words here.
// Words are compared with spaces removed, so `신청 방법` and `신청방법` are one.

export type Aspect =
  | 'faq'
  | 'related'
  | 'links'
  | 'closing'
  | 'types'
  | 'documents'
  | 'deadlines'
  | 'eligibility'
  | 'steps'
  | 'scope'
  | 'contents';

/** In priority order: the first aspect with a word in the heading wins (`신청 자격` is eligibility, not steps). */
export const SECTION_WORDS: [Aspect, string[]][] = [
  ['faq', ['faq', 'q&a', 'qna', '자주묻는', '질문과답변', '묻고답하기', '궁금한점', '궁금증']],
  ['related', ['함께보면', '함께확인', '함께읽으면', '함께알아', '함께참고', '같이보면', '같이읽', '관련글', '관련포스트', '관련지원', '관련정책', '관련제도', '추천글', '다른지원', '다른글', '이런지원', '더알아보기', '더보기']],
  ['links', ['관련링크', '링크', '바로가기', '공식출처', '공식사이트', '공식홈페이지', '홈페이지', '사이트']],
  ['closing', ['마치며', '마무리', '맺음말', '결론', '끝으로', '후기', '출처', '참고자료', '에필로그', '정리하며']],
  ['types', ['유형', '종류', '세부사업', '사업구성', '프로그램목록', '사업목록']],
  ['documents', ['서류', '준비물', '구비', '제출물', '첨부']],
  ['deadlines', ['기간', '일정', '마감', '기한', '모집시기', '언제']],
  ['eligibility', ['대상', '자격', '요건', '조건', '기준', '제외', '누가']],
  ['steps', ['절차', '방법', '신청', '접수', '단계', '프로세스', '흐름', '순서', '찾는법', '하는법', '이용법', '사용법', '평가', '심사', '선정', '선발', 'step']],
  ['scope', ['범위']],
  [
    'contents',
    ['내용', '혜택', '금액', '한도', '지원금', '지급', '급여', '수당', '특징', '효과', '사례', '소개', '개요', '안내', '상세', '본인부담', '자비부담', '부담률', '정보', '요약', '핵심', '주의', '유의', '꿀팁', '팁', '달라진', '변경', '개편', '바뀐', '한눈에', '목차', '들어가며', '서론', '문의', '연락처', '총정리', '정리', '체크리스트', '확인사항', '예시'],
  ],
];

/** Words a heading may add to a section word without naming anything (`주요 지원 내용`, `기본 서류 (필수)`). */
export const FILLER_WORDS = ['및', '등', '기타', '그밖의', '제출', '필요', '준비', '별', '주요', '기본', '추가', '상세', '세부', '사항', '관련', '지원', '사업', '전체', '필수', '온라인', '오프라인', '방문', '전화', '이란', '이란?', '무엇', '알아보기', '총', '완벽', '가이드', '꼭', '알아야', '할', '것', '점', '시', '후', '전'];

/** Nouns that end the names of support programs (`…지원금`, `…카드`, `…수당`). */
export const PROGRAM_NOUNS = ['지원', '자금', '융자', '이용권', '의료비', '진료비', '감면', '할인', '면제', '경감', '상한제', '휴가', '휴직', '돌봄', '교실', '멤버십', '장학금', '청약', '기본소득', '도우미', '패키지', '사관학교', '아카데미', '스타트', '근로', '보증', '사업', '프로그램', '카드', '수당', '장려금', '지원금', '보조금', '급여', '연금', '계좌', '통장', '적금', '바우처', '제도', '대출', '보험', '일자리', '서비스', '패스', '펀드', '쿠폰', '센터', '육성', '창업', '공제'];

/** A title that announces several programs (`3가지`, `5개 사업`, `모음`, `비교`). */
export const SEVERAL_PROGRAMS = /\d+\s*(가지|개\s*(사업|제도|프로그램|지원)|선)|모음|비교|\bvs\b|TOP\s*\d+/i;

/** Words that close a program's name in a title or link: what follows them is not the name (`… 신청방법 총정리`). */
export const NAME_ENDINGS = ['신청', '가입', '이용', '발급', '수령', '지급', '받는', '받기', '방법', '총정리', '정리', '자격', '요건', '조건', '지급액', '수령액', '혜택', '금액', '안내', '알아보기', '확인', '가이드', '대상', '기간', '서류', '절차', '완벽', '꿀팁', '후기', '바로가기', '자세히'];

/** Particles that may trail a word in a heading (`심사는`, `대상과`). */
export const PARTICLES = /(은|는|이|가|을|를|의|과|와|에|도|로|으로|별)$/;

/** A question that asks what the program is (`부모급여란?`, `…은 어떤 제도인가요?`): a description, not a FAQ entry. */
export const DEFINITION_QUESTION = /(이란|란|무엇인가요|뭔가요|어떤\s*(제도|사업|지원|혜택|프로그램)\S*)\s*[?？]?$/;
