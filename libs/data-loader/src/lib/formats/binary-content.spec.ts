import { describeBinaryContent } from './binary-content';

describe('describeBinaryContent', () => {
  it('passes UTF-8 text, with or without a byte-order mark, and empty files', () => {
    expect(describeBinaryContent(Buffer.from('date,close\n2024-01-02,1\n'))).toBeUndefined();
    expect(describeBinaryContent(Buffer.from('\ufeffDate,Close\nÉté,1\n'))).toBeUndefined();
    expect(describeBinaryContent(Buffer.alloc(0))).toBeUndefined();
  });

  it('names archives and documents by their signature', () => {
    expect(describeBinaryContent(Buffer.from('PK\u0003\u0004rest', 'latin1'))).toMatch(/^a zip archive/);
    expect(describeBinaryContent(Buffer.from([0x1f, 0x8b, 8, 0]))).toMatch(/^a gzip-compressed file/);
    expect(describeBinaryContent(Buffer.from('%PDF-1.7'))).toBe('a PDF document');
    expect(describeBinaryContent(Buffer.from([0xff, 0xfe, 0x44, 0x00]))).toBe('UTF-16 text (save it as UTF-8)');
  });

  it('calls a NUL byte binary, at its byte', () => {
    expect(describeBinaryContent(Buffer.from('abc\u0000'))).toBe('binary data (a NUL byte at byte 4; text files have none)');
  });

  it('calls text more than 10 % invalid UTF-8 binary, and tolerates a few Latin-1 bytes', () => {
    expect(describeBinaryContent(Buffer.from([0x41, 0xff, 0x41, 0x41]))).toMatch(/25 % of the first 4 characters are not valid UTF-8/);
    expect(describeBinaryContent(Buffer.concat([Buffer.from('a'.repeat(100)), Buffer.from([0xe9])]))).toBeUndefined();
  });
});
