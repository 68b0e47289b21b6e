import { strToU8, zipSync } from 'fflate';
import { normalizeKenFrenchColumn, unzipKenFrenchCsv } from './ken-french-zip';

const CSV = 'Intro\r\n\r\n,Mkt-RF,SMB,HML,RF\r\n192607,2.89,-2.55,-2.39,0.22\r\n';

describe('Ken French zips', () => {
  it('unzips the one CSV and checks it', () => {
    expect(unzipKenFrenchCsv(zipSync({ 'F-F_Research_Data_Factors.CSV': strToU8(CSV) }), 'x.zip')).toEqual({ name: 'F-F_Research_Data_Factors.CSV', text: CSV });
  });

  it('reports a zip without a CSV and a CSV that is not a Ken French file', () => {
    expect(() => unzipKenFrenchCsv(zipSync({ 'readme.txt': strToU8('hi') }), 'x.zip')).toThrow('Ken French x.zip: expected a zip holding a .csv file, found: readme.txt');
    expect(() => unzipKenFrenchCsv(zipSync({ 'a.csv': strToU8('<html></html>') }), 'x.zip')).toThrow(/Ken French x.zip: expected a Ken French CSV/);
    expect(() => unzipKenFrenchCsv(strToU8('<html>not found</html>'), 'x.zip')).toThrow(/corrupt or truncated zip/);
  });

  it('normalizes column names like the shared normalized file', () => {
    expect(['<= 0', 'Lo 30', 'Qnt 2', 'Lo 10', '2-Dec', 'Hi 10'].map(normalizeKenFrenchColumn)).toEqual(['le0', 'Lo30', 'Qnt2', 'Lo10', 'Dec2', 'Hi10']);
  });
});
