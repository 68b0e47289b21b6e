import { backtestDocument } from '../../testing/report-documents';
import { fileDetails, fileHeader, fileTitle, pairInWords, returnBasisInWords } from './file-header';
import type { ReportInput } from './report-input';

const input = (synthetic: boolean): ReportInput => ({ file: 'bt.json', kind: 'backtest', schema: 'ratecut.backtest/2', doc: backtestDocument({ synthetic }) }) as ReportInput;

describe('fileHeader', () => {
  it('shows the title, the synthetic notice and one short line; the rest folded under one details', () => {
    const i = input(true);
    const doc = backtestDocument({ synthetic: true });
    const html = fileHeader(i, 2, 'Backtest', doc.notice, doc.data, doc.commandLine, doc.conventions);
    expect(html.startsWith('<h2 id="file-2">Backtest</h2>\n<p class="synthetic">SYNTHETIC SAMPLE: test data</p>')).toBe(true);
    const [before, folded] = html.split('<details>');
    expect(before).toContain('Russell 2000 vs S&amp;P 500');
    expect(before).toContain(`${doc.data.first} to ${doc.data.last}, price return, synthetic data.`);
    expect(before).not.toContain('sha256');
    expect(before).not.toContain('ratecut backtest --out');
    expect(folded).toContain('ratecut backtest --out bt.json');
    expect(folded).toContain('ab'.repeat(32));
    expect(folded).toContain('none &amp; &quot;free&quot;');
    expect(html.match(/<details>/g)).toHaveLength(1);
    expect(html).toBe(`${fileTitle(2, 'Backtest', doc.notice, doc.data)}\n${fileDetails(i, doc.data, doc.commandLine, doc.conventions)}`);
  });

  it('has no notice for real data and words for the pair and the return basis', () => {
    const doc = backtestDocument();
    expect(fileTitle(1, 'x', undefined, doc.data)).toBe('<h2 id="file-1">x</h2>\n');
    expect(pairInWords({ id: 'other', small: 'a', large: 'b', returnBasis: '' })).toBe('small a vs large b');
    expect(returnBasisInWords('total return: monthly returns with dividends, compounded')).toBe('total return');
    expect(returnBasisInWords('something else')).toBe('something else');
  });
});
