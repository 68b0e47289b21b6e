import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatIssue } from '@ratecut/sim-core';
import { FACTS_DIR as dataDir, SAMPLE_SCENARIO } from '../../testing/sample-simulate-request';
import { loadScenario } from './load-scenario';

/** Every issue of a load, formatted as the CLI prints it. */
const problems = (name: string, cwd: string): string[] => {
  const r = loadScenario(name, dataDir, cwd);
  return r.ok ? [] : r.issues.map(formatIssue);
};

describe('loadScenario reads files like every JSON input', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ratecut-scenario-'));
    writeFileSync(join(dir, 'token.json'), '{\n  "name": "x",\n  "pair": }\n');
    writeFileSync(join(dir, 'cut.json'), '{\n  "name": "x",\n  "pair": "rut-gspc"');
    writeFileSync(join(dir, 'bom.json'), `\uFEFF${JSON.stringify(SAMPLE_SCENARIO)}`);
    writeFileSync(join(dir, 'wrong.json'), JSON.stringify({ ...SAMPLE_SCENARIO, paths: 'many' }, null, 2));
    mkdirSync(join(dir, 'folder.json'));
  });

  it('locates every syntax error by line and column, in one line', () => {
    expect(problems('token.json', dir)).toEqual([`${join(dir, 'token.json')}:3:11: error bad-scenario: malformed JSON: unexpected character "}"; expected a value (object, array, string, number, true, false or null)`]);
    expect(problems('cut.json', dir)).toEqual([`${join(dir, 'cut.json')}:3:21: error bad-scenario: truncated JSON (the file ends before the document does)`]);
  });

  it('ignores a byte-order mark, names a folder, and gives schema errors their line, column and JSON path', () => {
    expect(loadScenario('bom.json', dataDir, dir)).toMatchObject({ ok: true, value: { scenario: { name: 'sample-cuts' }, file: join(dir, 'bom.json') } });
    expect(problems('folder.json', dir)).toEqual([`${join(dir, 'folder.json')}: error not-a-file: is a folder; name a file`]);
    const wrong = problems('wrong.json', dir);
    expect(wrong).toHaveLength(1);
    // "paths" is on line 24 of the pretty-printed file, its value at column 12.
    expect(wrong[0]).toMatch(new RegExp(`^${join(dir, 'wrong.json').replace(/[.]/g, '\\.')}:\\d+:12: error bad-scenario: paths: `));
  });

  it('loads the built-ins by name, and lists them when a name is neither a file nor a built-in', () => {
    expect(loadScenario('insurance-cuts', dataDir, dir)).toMatchObject({ ok: true, value: { scenario: { name: 'insurance-cuts' }, file: join(dataDir, 'scenarios', 'insurance-cuts.json') } });
    expect(problems('no-such-scenario', dir)).toEqual(['no-such-scenario: error bad-scenario: no such scenario file, and not a built-in (built-ins: all-cycles, emergency-cuts, insurance-cuts, recession-easing, resumption)']);
  });
});
