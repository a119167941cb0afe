#!/usr/bin/env node
// Writes the generated fixtures that cannot be typed by hand: PDFs with a
// non-embedded Korean CID font (UniKS-UCS2-H and KSCms-UHC-H encodings, as older
// Hangul exporters write them), a PDF without a text layer, an encrypted PDF, a
// truncated PDF, a binary file, and the samples re-encoded as CP949 and UTF-16.
// Run: node scripts/make-fixtures.mjs   (output is committed; rerun to regenerate)

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const iconv = require('iconv-lite');
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = (rel, data) => {
  const file = path.join(root, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, data);
  console.log(`wrote ${rel} (${data.length} bytes)`);
};

/** A PDF from object bodies (1-based), with a correct xref table. */
function pdf(objects, trailerExtra = '') {
  const parts = [Buffer.from('%PDF-1.4\n%\xC7\xEC\x8F\xA2\n', 'latin1')];
  const offsets = [];
  let length = parts[0].length;
  objects.forEach((body, i) => {
    offsets.push(length);
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), Buffer.isBuffer(body) ? body : Buffer.from(body, 'latin1'), Buffer.from('\nendobj\n', 'latin1')]);
    parts.push(chunk);
    length += chunk.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n`, '0000000000 65535 f \n', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${length}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

function stream(content) {
  const data = Buffer.isBuffer(content) ? content : Buffer.from(content, 'latin1');
  return Buffer.concat([Buffer.from(`<< /Length ${data.length} >>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')]);
}

/** A PDF whose pages' text is set in a non-embedded Korean CID font; `pages` is a list of line lists. */
function cidPdfPages(pages, encoding, { furniture = true } = {}) {
  const encode = (text) =>
    encoding === 'UniKS-UCS2-H'
      ? Buffer.from(text, 'utf16le').swap16().toString('hex')
      : Buffer.from(iconv.encode(text, 'cp949')).toString('hex');
  const n = pages.length;
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${pages.map((_, i) => `${5 + 2 * i} 0 R`).join(' ')}] /Count ${n} >>`];
  objects.push(`<< /Type /Font /Subtype /Type0 /BaseFont /HYGoThic-Medium /Encoding /${encoding} /DescendantFonts [4 0 R] >>`);
  objects.push('<< /Type /Font /Subtype /CIDFontType0 /BaseFont /HYGoThic-Medium /CIDSystemInfo << /Registry (Adobe) /Ordering (Korea1) /Supplement 2 >> /FontDescriptor ' + `${5 + 2 * n} 0 R /DW 1000 >>`);
  pages.forEach((lines, i) => {
    let y = 800;
    const ops = ['BT', '/F1 10 Tf'];
    for (const line of lines) {
      const cells = line.split('\t');
      let x = 40;
      for (const cell of cells) {
        ops.push(`1 0 0 1 ${x} ${y} Tm <${encode(cell)}> Tj`);
        x += cells.length > 1 ? 95 : 0;
      }
      y -= line === '' ? 0 : 14;
    }
    if (furniture) {
      // Running header and page number, as office exporters print them.
      ops.push(`1 0 0 1 40 830 Tm <${encode('충북과학기술혁신원 업무보고')}> Tj`);
      ops.push(`1 0 0 1 280 20 Tm <${encode(`- ${i + 1} -`)}> Tj`);
    }
    ops.push('ET');
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${6 + 2 * i} 0 R >>`);
    objects.push(stream(ops.join('\n')));
  });
  objects.push('<< /Type /FontDescriptor /FontName /HYGoThic-Medium /Flags 6 /FontBBox [0 -148 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>');
  return pdf(objects);
}

/** A one-page PDF whose text is set in a non-embedded Korean CID font. */
function cidPdf(lines, encoding) {
  return cidPdfPages([lines], encoding, { furniture: false });
}

// A small regional report: the budget table must come out of either encoding.
const report = [
  '2021년도 상반기 주요업무 추진상황',
  '2021년도 상반기 예산집행 현황',
  "('21. 6. 30 현재, 단위 : 천원)",
  '구분\t사업명\t예산액\t집행액\t잔액\t집행률',
  '계\t\t1,500,000\t450,000\t1,050,000\t30.0%',
  '지역혁신\t가나다사업\t1,000,000\t400,000\t600,000\t40.0%',
  '\t라마바사업\t500,000\t50,000\t450,000\t10.0%',
];
out('fixtures/pdf/cid-uniks-ucs2.pdf', cidPdf(report, 'UniKS-UCS2-H'));
out('fixtures/pdf/cid-kscms-uhc.pdf', cidPdf(report, 'KSCms-UHC-H'));

// A budget table over three pages, its header repeated on each, with running headers and page numbers.
const head = '구분\t사업명\t예산액\t집행액\t잔액\t집행률';
out(
  'fixtures/pdf/multipage-table.pdf',
  cidPdfPages(
    [
      ['2021년도 상반기 주요업무 추진상황', '2021년도 상반기 예산집행 현황', "('21. 6. 30 현재, 단위 : 천원)", head, '계\t\t600,000\t120,000\t480,000\t20.0%', '분야가\t첫째사업\t100,000\t10,000\t90,000\t10.0%', '\t둘째사업\t200,000\t40,000\t160,000\t20.0%'],
      [head, '\t셋째사업\t100,000\t30,000\t70,000\t30.0%', '분야나\t넷째사업\t100,000\t20,000\t80,000\t20.0%'],
      [head, '\t다섯째사업\t100,000\t20,000\t80,000\t20.0%'],
    ],
    'UniKS-UCS2-H',
  ),
);

// A budget table whose cells are centred vertically: wrapped names run above and below
// the figures, and the total row comes first.
function cidPdfAt(items, encoding) {
  const encode = (text) => Buffer.from(text, 'utf16le').swap16().toString('hex');
  const ops = ['BT', '/F1 10 Tf', ...items.map(([x, y, t]) => `1 0 0 1 ${x} ${y} Tm <${encode(t)}> Tj`), 'ET'];
  return pdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    stream(ops.join('\n')),
    `<< /Type /Font /Subtype /Type0 /BaseFont /HYGoThic-Medium /Encoding /${encoding} /DescendantFonts [6 0 R] >>`,
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /HYGoThic-Medium /CIDSystemInfo << /Registry (Adobe) /Ordering (Korea1) /Supplement 2 >> /FontDescriptor 7 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /HYGoThic-Medium /Flags 6 /FontBBox [0 -148 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ]);
}
const row = (y, cells) => cells.map((t, k) => [[40, 135, 230, 325, 420, 515][k], y, t]).filter(([, , t]) => t !== '');
out(
  'fixtures/pdf/centred-cells.pdf',
  cidPdfAt(
    [
      [40, 820, '2021년도 상반기 주요업무 추진상황'],
      [40, 805, '2021년도 상반기 예산집행 현황'],
      [40, 790, "('21. 6. 30 현재, 단위 : 천원)"],
      ...row(770, ['구분', '사업명', '예산액', '집행액', '잔액', '집행률']),
      ...row(750, ['계', '', '1,500', '500', '1,000', '33.3%']),
      [135, 727, '가나다라마'],
      ...row(720, ['분야', '', '1,000', '400', '600', '40.0%']),
      [135, 713, '바사업'],
      [135, 697, '아자차'],
      ...row(690, ['', '', '500', '100', '400', '20.0%']),
      [135, 683, '카타사업'],
    ],
    'UniKS-UCS2-H',
  ),
);

// No text layer: a page that only draws (as a scan would).
out(
  'fixtures/broken/scanned.pdf',
  pdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    stream('0.5 g 40 40 500 760 re f'),
  ]),
);

// Encrypted (standard security handler, revision 2) with a user password.
function rc4(key, data) {
  const s = [...Array(256).keys()];
  let j = 0;
  for (let i = 0; i < 256; i++) {
    j = (j + s[i] + key[i % key.length]) & 255;
    [s[i], s[j]] = [s[j], s[i]];
  }
  const outBuf = Buffer.alloc(data.length);
  let i = 0;
  j = 0;
  for (let k = 0; k < data.length; k++) {
    i = (i + 1) & 255;
    j = (j + s[i]) & 255;
    [s[i], s[j]] = [s[j], s[i]];
    outBuf[k] = data[k] ^ s[(s[i] + s[j]) & 255];
  }
  return outBuf;
}
const PAD = Buffer.from('28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A', 'hex');
const padded = (pw) => Buffer.concat([Buffer.from(pw, 'latin1'), PAD]).subarray(0, 32);
const md5 = (...bufs) => createHash('md5').update(Buffer.concat(bufs)).digest();
const owner = rc4(md5(padded('owner')).subarray(0, 5), padded('secret'));
const id = Buffer.from('0123456789abcdef0123456789abcdef', 'hex');
const p = Buffer.alloc(4);
p.writeInt32LE(-4);
const userKey = md5(padded('secret'), owner, p, id).subarray(0, 5);
const user = rc4(userKey, PAD);
out(
  'fixtures/broken/encrypted.pdf',
  pdf(
    [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
      `<< /Filter /Standard /V 1 /R 2 /O <${owner.toString('hex')}> /U <${user.toString('hex')}> /P -4 >>`,
    ],
    `/Encrypt 4 0 R /ID [<${id.toString('hex')}> <${id.toString('hex')}>] `,
  ),
);

// Truncated: a PDF cut off before its pages and cross-reference table.
const whole = cidPdf(report, 'UniKS-UCS2-H');
out('fixtures/broken/truncated.pdf', whole.subarray(0, 60));

// Binary garbage with a text extension, and an empty file.
const garbage = Buffer.alloc(2048);
for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919 + 13) & 255;
out('fixtures/broken/garbage.txt', garbage);
out('fixtures/broken/empty.md', Buffer.alloc(0));
// A text document of no known kind.
out('fixtures/broken/unknown-kind.txt', Buffer.from('장보기 목록\n\n- 사과 3개\n- 우유 1리터\n', 'utf8'));

// The samples re-encoded: CP949 (CRLF line ends, as Windows tools save them) and UTF-16 LE/BE with BOM.
for (const name of ['regional-report-2020h1.txt', 'national-plan-2023.txt']) {
  const text = readFileSync(path.join(root, 'fixtures/samples', name), 'utf8');
  const base = name.replace(/\.txt$/, '');
  // CP949 has no code for a few characters the samples use (e.g. ➔, 樂 forms); iconv writes '?' for them.
  out(`fixtures/encodings/${base}.cp949.txt`, iconv.encode(text.replace(/\n/g, '\r\n'), 'cp949'));
  out(`fixtures/encodings/${base}.utf16le.txt`, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
  out(`fixtures/encodings/${base}.utf16be.txt`, Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]));
}
