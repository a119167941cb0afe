#!/usr/bin/env node
// Writes the HWPX fixtures in fixtures/hwpx/: a small OWPML writer (zip with
// `mimetype` stored first, META-INF/manifest.xml, Contents/content.hpf,
// Contents/header.xml, Contents/section0.xml) and the documents made with it:
//   budget-execution-2024h2.hwpx  a half-year work report of an invented agency:
//       a budget execution table with merged group cells (rowSpan), a two-level
//       header (예산 over 본예산/추경/계), 소계 and 합계 rows, and a target table;
//       the same document as text, tables tab-separated, in budget-execution-2024h2.txt
//   nested-table.hwpx  a framed box (1×1 table) holding a paragraph and a captioned table,
//       and a paragraph whose bullet 한글 draws from its shape
//   and the bad inputs: not-hwpx, zip-bomb, lying-sizes, path-traversal,
//   malformed-xml, encrypted, huge-entry, wrong-mimetype.
// Run: node scripts/make-hwpx.mjs   (output is committed; rerun to regenerate)

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.join(root, 'fixtures/hwpx');
mkdirSync(dir, { recursive: true });
const out = (name, data) => {
  writeFileSync(path.join(dir, name), data);
  console.log(`wrote fixtures/hwpx/${name} (${data.length} bytes)`);
};

// ---- OWPML writer --------------------------------------------------------

const NS = [
  'xmlns:ha="http://www.hancom.co.kr/hwpml/2011/app"',
  'xmlns:hp="http://www.hancom.co.kr/hwpml/2011/paragraph"',
  'xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section"',
  'xmlns:hc="http://www.hancom.co.kr/hwpml/2011/core"',
  'xmlns:hh="http://www.hancom.co.kr/hwpml/2011/head"',
].join(' ');
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes" ?>';
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** paraPr ids in header.xml: 0 plain, 1 outline level 1, 2 outline level 2, 3 bullet ○ (drawn by 한글, not in the text). */
const PARA = { plain: 0, outline1: 1, outline2: 2, bullet: 3 };

function header() {
  const paraPr = (id, heading) =>
    `<hh:paraPr id="${id}" tabPrIDRef="0" condense="0"><hh:align horizontal="JUSTIFY" vertical="BASELINE"/>${heading}</hh:paraPr>`;
  return (
    `${XML_DECL}<hh:head ${NS} version="1.4" secCnt="1"><hh:beginNum page="1" footnote="1" endnote="1" pic="1" tbl="1" equation="1"/>` +
    '<hh:refList><hh:bullets itemCnt="1"><hh:bullet id="1" char="○" useImage="0"><hh:paraHead level="0" align="LEFT" useInstWidth="0" autoIndent="1" widthAdjust="0" textOffsetType="PERCENT" textOffset="50" numFormat="DIGIT" charPrIDRef="4294967295" checkable="0"/></hh:bullet></hh:bullets>' +
    '<hh:paraProperties itemCnt="4">' +
    paraPr(PARA.plain, '<hh:heading type="NONE" idRef="0" level="0"/>') +
    paraPr(PARA.outline1, '<hh:heading type="OUTLINE" idRef="0" level="0"/>') +
    paraPr(PARA.outline2, '<hh:heading type="OUTLINE" idRef="0" level="1"/>') +
    paraPr(PARA.bullet, '<hh:heading type="BULLET" idRef="1" level="1"/>') +
    '</hh:paraProperties><hh:styles itemCnt="2">' +
    '<hh:style id="0" type="PARA" name="바탕글" engName="Normal" paraPrIDRef="0" charPrIDRef="0" nextStyleIDRef="0" langID="1042" lockForm="0"/>' +
    '<hh:style id="1" type="PARA" name="본문" engName="Body" paraPrIDRef="0" charPrIDRef="0" nextStyleIDRef="1" langID="1042" lockForm="0"/>' +
    '</hh:styles></hh:refList></hh:head>'
  );
}

let paragraphId = 0;
function p(text, paraPr = PARA.plain, inner = '') {
  const lines = text.split('\t');
  const t = lines.map((s, i) => (i > 0 ? '<hp:tab/>' : '') + esc(s)).join('');
  return (
    `<hp:p id="${paragraphId++}" paraPrIDRef="${paraPr}" styleIDRef="0" pageBreak="0" columnBreak="0" merged="0">` +
    `<hp:run charPrIDRef="0">${inner}<hp:t>${t}</hp:t></hp:run>` +
    '<hp:linesegarray><hp:lineseg textpos="0" vertpos="0" vertsize="1000" textheight="1000" baseline="850" spacing="600" horzpos="0" horzsize="42520" flags="393216"/></hp:linesegarray></hp:p>'
  );
}

/**
 * A table from rows of cells; a cell is a string or [text, rowSpan, colSpan]
 * or { text, rowSpan, colSpan, inner } (inner: extra paragraph XML, e.g. a nested table).
 * Cells are listed as made (a merged cell once, in its first row); addresses are computed.
 */
function table(rows, caption) {
  const taken = new Set();
  const colCount = Math.max(...rows.map((r) => r.reduce((n, c) => n + (Array.isArray(c) ? c[2] : typeof c === 'object' ? c.colSpan : 1), 0)));
  let xml = '';
  rows.forEach((row, r) => {
    xml += '<hp:tr>';
    let c = 0;
    for (const cell of row) {
      const { text, rowSpan, colSpan, inner } =
        typeof cell === 'string' ? { text: cell, rowSpan: 1, colSpan: 1 } : Array.isArray(cell) ? { text: cell[0], rowSpan: cell[1], colSpan: cell[2] } : cell;
      while (taken.has(`${r},${c}`)) c++;
      for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) taken.add(`${r + dr},${c + dc}`);
      const paragraphs = text.split('\n').map((line) => p(line)).join('') + (inner ?? '');
      xml +=
        `<hp:tc name="" header="0" hasMargin="0" protect="0" editable="0" dirty="0" borderFillIDRef="3">` +
        `<hp:subList id="" textDirection="HORIZONTAL" lineWrap="BREAK" vertAlign="CENTER" linkListIDRef="0" linkListNextIDRef="0" textWidth="0" textHeight="0" hasTextRef="0" hasNumRef="0">${paragraphs}</hp:subList>` +
        `<hp:cellAddr colAddr="${c}" rowAddr="${r}"/><hp:cellSpan colSpan="${colSpan}" rowSpan="${rowSpan}"/>` +
        '<hp:cellSz width="5000" height="1000"/><hp:cellMargin left="510" right="510" top="141" bottom="141"/></hp:tc>';
      c += colSpan;
    }
    xml += '</hp:tr>';
  });
  return (
    `<hp:tbl id="${paragraphId++}" zOrder="0" numberingType="TABLE" textWrap="TOP_AND_BOTTOM" textFlow="BOTH_SIDES" lock="0" dropcapstyle="None" pageBreak="CELL" repeatHeader="1" rowCnt="${rows.length}" colCnt="${colCount}" cellSpacing="0" borderFillIDRef="3" noAdjust="0">` +
    '<hp:sz width="42520" widthRelTo="ABSOLUTE" height="10000" heightRelTo="ABSOLUTE" protect="0"/>' +
    '<hp:pos treatAsChar="1" affectLSpacing="0" flowWithText="1" allowOverlap="0" holdAnchorAndSO="0" vertRelTo="PARA" horzRelTo="PARA" vertAlign="TOP" horzAlign="LEFT" vertOffset="0" horzOffset="0"/>' +
    '<hp:outMargin left="283" right="283" top="283" bottom="283"/>' +
    (caption
      ? `<hp:caption side="TOP" fullSz="0" width="8504" gap="850" lastWidth="42520"><hp:subList id="" textDirection="HORIZONTAL" lineWrap="BREAK" vertAlign="TOP" linkListIDRef="0" linkListNextIDRef="0" textWidth="0" textHeight="0" hasTextRef="0" hasNumRef="0">${p(caption)}</hp:subList></hp:caption>`
      : '') +
    `<hp:inMargin left="510" right="510" top="141" bottom="141"/>${xml}</hp:tbl>`
  );
}

/** A paragraph that anchors a table (treated as a character, as 한글 writes them). */
const tableParagraph = (rows, caption) => p('', PARA.plain, table(rows, caption));

function section(body) {
  return `${XML_DECL}<hs:sec ${NS}>${body}</hs:sec>`;
}

const MANIFEST = `${XML_DECL}<odf:manifest xmlns:odf="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>`;
const contentHpf = (title) =>
  `${XML_DECL}<opf:package xmlns:opf="http://www.idpf.org/2007/opf/" version="" unique-identifier="" id=""><opf:metadata><opf:title>${esc(title)}</opf:title><opf:language>ko</opf:language></opf:metadata>` +
  '<opf:manifest><opf:item id="header" href="Contents/header.xml" media-type="application/xml"/><opf:item id="section0" href="Contents/section0.xml" media-type="application/xml"/></opf:manifest>' +
  '<opf:spine><opf:itemref idref="header" linear="yes"/><opf:itemref idref="section0" linear="yes"/></opf:spine></opf:package>';

/** Zip entries of an HWPX package; `extra` entries are added or replace the standard ones. */
function hwpxEntries(title, sectionXml, extra = {}) {
  return {
    mimetype: [strToU8('application/hwp+zip'), { level: 0 }],
    'META-INF/manifest.xml': strToU8(MANIFEST),
    'Contents/content.hpf': strToU8(contentHpf(title)),
    'Contents/header.xml': strToU8(header()),
    'Contents/section0.xml': strToU8(sectionXml),
    ...extra,
  };
}

const zip = (entries) => Buffer.from(zipSync(entries, { level: 6, mtime: new Date('2024-12-31T00:00:00Z') }));

// ---- The budget document (HWPX and text from one description) -------------

// Amounts in 백만원. Every 소계 and 합계 adds up; 잔액 = 계 − 집행액; rates to one decimal.
const BUDGET_HEADER = [
  [['구분', 2, 1], ['사업명', 2, 1], ['예산', 1, 3], ['집행액', 2, 1], ['잔액', 2, 1], ['집행률', 2, 1], ['비고', 2, 1]],
  ['본예산', '추경', '계'],
];
const BUDGET_BODY = [
  [['합계', 1, 2], '4,950', '950', '5,900', '4,517', '1,383', '76.6%', ''],
  [['에너지 전환', 4, 1], '태양광 보급 지원', '1,200', '300', '1,500', '1,230', '270', '82.0%', '24.02.14.'],
  ['건물 에너지 효율화', '900', '0', '900', '612', '288', '68.0%', '24.03.05.'],
  ['수소버스 충전소 구축', '2,000', '500', '2,500', '1,750', '750', '70.0%', '24.04.22.'],
  ['소계', '4,100', '800', '4,900', '3,592', '1,308', '73.3%', ''],
  [['시민 참여', 3, 1], '에너지 자립마을 조성', '600', '150', '750', '690', '60', '92.0%', '24.02.28.'],
  ['탄소중립 시민교육', '250', '0', '250', '235', '15', '94.0%', '24.03.18.'],
  ['소계', '850', '150', '1,000', '925', '75', '92.5%', ''],
];
const TARGETS = [
  ['지표', '단위', '목표', '실적', '달성률'],
  ['태양광 설비 보급', 'kW', '2,000', '1,840', '92.0%'],
  ['에너지 자립마을 지정', '개소', '5', '5', '100.0%'],
  ['탄소중립 교육 이수', '명', '1,200', '1,320', '110.0%'],
  ['수소충전소 준공', '개소', '2', '1', '50.0%'],
];

/** The document as a list of parts: [kind, text | rows, outline level]. */
const BUDGET_DOC = [
  ['p', '2025. 1.'],
  ['p', '2024년도 하반기 주요업무 추진실적'],
  ['p', '해오름시 에너지전환센터'],
  ['h1', 'Ⅰ. 일반현황'],
  ['p', '□ 2024년 예산 규모 : 5,900백만원 (제2회 추경 기준)'],
  ['p', '※ 2023년 예산 규모 (4,720백만원) 대비 25% 증가'],
  ['p', '○ 정원 / 현원 : 24명 / 22명'],
  ['h1', 'Ⅱ. 분야별 추진실적'],
  ['h2', '1. 에너지 전환'],
  ['p', '□ 태양광 보급 지원 : 1,840kW 보급 (목표 2,000kW)'],
  ['p', ' - 누적 보급량 : (\'22) 3,100 → (\'23) 4,250 → (\'24) 6,090kW'],
  ['p', '□ 수소버스 충전소 구축 : 1개소 준공, 1개소 공사 중'],
  ['h2', '2. 시민 참여'],
  ['p', '□ 에너지 자립마을 조성 : 5개소 지정 완료'],
  ['p', '□ 탄소중립 시민교육 : 1,320명 이수'],
  ['h1', 'Ⅲ. 예산집행 현황'],
  ['p', '< 사업별 예산 집행 현황 >'],
  ['p', '(2024. 12. 31. 현재, 단위 : 백만원)'],
  ['table', [...BUDGET_HEADER, ...BUDGET_BODY]],
  ['p', '※ 추경 : 2024년 제2회 추가경정예산 반영분'],
  ['h1', 'Ⅳ. 성과지표 달성 현황'],
  ['p', '< 주요 성과지표 달성 현황 >'],
  ['table', TARGETS],
  ['p', '주) 달성률 = 실적 ÷ 목표 × 100'],
];

function budgetHwpx() {
  const body = BUDGET_DOC.map(([kind, value]) => {
    if (kind === 'table') return tableParagraph(value);
    return p(value, kind === 'h1' ? PARA.outline1 : kind === 'h2' ? PARA.outline2 : PARA.plain);
  }).join('');
  return section(body);
}

/** The text twin: one line per paragraph, tables as tab-separated rows, merged cells printed once. */
function budgetText() {
  const lines = [];
  for (const [kind, value] of BUDGET_DOC) {
    if (kind !== 'table') {
      lines.push(value.trimEnd(), '');
      continue;
    }
    const grid = [];
    value.forEach((row, r) => {
      grid[r] ??= [];
      let c = 0;
      for (const cell of row) {
        const [text, rowSpan, colSpan] = Array.isArray(cell) ? cell : [cell, 1, 1];
        while (grid[r][c] !== undefined) c++;
        for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) (grid[r + dr] ??= [])[c + dc] = dr === 0 && dc === 0 ? text : '';
        c += colSpan;
      }
    });
    for (const row of grid) lines.push(row.join('\t'));
    lines.push('');
  }
  return lines.join('\n');
}

paragraphId = 0;
out('budget-execution-2024h2.hwpx', zip(hwpxEntries('2024년도 하반기 주요업무 추진실적', budgetHwpx())));
out('budget-execution-2024h2.txt', Buffer.from(budgetText(), 'utf8'));

// ---- A framed box holding a table -----------------------------------------

paragraphId = 0;
const nestedInner = tableParagraph(
  [
    ['분기', '계획', '실적'],
    ['1분기', '120', '115'],
  ],
  '< 분기별 교육 실적 > (단위: 명)',
);
const nestedSection = section(
  p('< 분기별 추진 현황 >') +
    tableParagraph([[{ text: '□ 분기별 교육 실적은 아래와 같음', rowSpan: 1, colSpan: 1, inner: nestedInner }]]) +
    p('※ 2분기 실적은 7월 중 확정') +
    p('하반기 교육 대상 확대', PARA.bullet),
);
out('nested-table.hwpx', zip(hwpxEntries('분기별 추진 현황', nestedSection)));

// ---- Bad inputs ------------------------------------------------------------

const tiny = section(p('본문'));

out('not-hwpx.hwpx', zip({ 'readme.txt': strToU8('이 압축 파일에는 한글 문서가 없습니다.\n') }));
out('wrong-mimetype.hwpx', zip(hwpxEntries('x', tiny, { mimetype: [strToU8('application/epub+zip'), { level: 0 }] })));

// One paragraph of 24 MiB of the same syllable compresses about a thousandfold.
const bombXml = section(p('가'.repeat(8 * 1024 * 1024)));
out('zip-bomb.hwpx', zip(hwpxEntries('x', bombXml)));

// A section whose directory entries declare 2,000 bytes but whose data inflates to ~600 KB.
{
  const bigXml = section(p('나'.repeat(64)).repeat(1500));
  const data = zip(hwpxEntries('x', bigXml));
  patchDeclaredSize(data, 'Contents/section0.xml', 2000);
  out('lying-sizes.hwpx', data);
}

out('path-traversal.hwpx', zip(hwpxEntries('x', tiny, { '../../outside/evil.xml': strToU8('<x/>') })));
out('malformed-xml.hwpx', zip(hwpxEntries('x', section('<hp:p id="0" paraPrIDRef="0" styleIDRef="0"><hp:run charPrIDRef="0"><hp:t>예산</hp:run></hp:p>'))));

// Password protection as 한글 writes it: the manifest lists encryption data for the
// encrypted parts, and those parts are no longer XML.
{
  const manifest =
    `${XML_DECL}<odf:manifest xmlns:odf="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">` +
    '<odf:file-entry odf:full-path="Contents/section0.xml" odf:media-type="application/xml" odf:size="1180">' +
    '<odf:encryption-data odf:checksum-type="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0#sha256-1k" odf:checksum="3q2+7w==">' +
    '<odf:algorithm odf:algorithm-name="http://www.w3.org/2001/04/xmlenc#aes256-cbc" odf:initialisation-vector="AAECAwQFBgcICQoLDA0ODw=="/>' +
    '<odf:key-derivation odf:key-derivation-name="PBKDF2" odf:key-size="32" odf:iteration-count="1024" odf:salt="ZmZmZmZmZmZmZmZmZmZmZg=="/>' +
    '</odf:encryption-data></odf:file-entry></odf:manifest>';
  const scrambled = new Uint8Array(1184).map((_, i) => (i * 131 + 17) & 0xff);
  out('encrypted.hwpx', zip(hwpxEntries('x', tiny, { 'META-INF/manifest.xml': strToU8(manifest), 'Contents/section0.xml': scrambled })));
}

// The directory declares a 96 MiB section (about 1 MB compressed, a plausible ratio).
{
  const data = zip(hwpxEntries('x', tiny));
  patchDeclaredSize(data, 'Contents/section0.xml', 96 * 1024 * 1024, 1024 * 1024);
  out('huge-entry.hwpx', data);
}

/** Rewrites an entry's uncompressed (and optionally compressed) size in its local header and central directory. */
function patchDeclaredSize(data, name, uncompressed, compressed) {
  const nameBytes = Buffer.from(name, 'utf8');
  for (let i = 0; i + 46 < data.length; i++) {
    const sig = data.readUInt32LE(i);
    if (sig === 0x04034b50 && data.readUInt16LE(i + 26) === nameBytes.length && data.subarray(i + 30, i + 30 + nameBytes.length).equals(nameBytes)) {
      data.writeUInt32LE(uncompressed, i + 22);
      if (compressed !== undefined) data.writeUInt32LE(compressed, i + 18);
    }
    if (sig === 0x02014b50 && data.readUInt16LE(i + 28) === nameBytes.length && data.subarray(i + 46, i + 46 + nameBytes.length).equals(nameBytes)) {
      data.writeUInt32LE(uncompressed, i + 24);
      if (compressed !== undefined) data.writeUInt32LE(compressed, i + 20);
    }
  }
}
