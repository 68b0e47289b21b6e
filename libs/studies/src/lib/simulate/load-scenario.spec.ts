import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURE_SCENARIO } from '../../testing/report-fixtures';
import { workspaceRoot } from '../../cli/workspace-root';
import { loadScenario } from './load-scenario';

describe('loadScenario reads files like every JSON input', () => {
  const dataDir = join(workspaceRoot(), 'data');
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ratecut-scenario-'));
    writeFileSync(join(dir, 'token.json'), '{\n  "name": "x",\n  "pair": }\n');
    writeFileSync(join(dir, 'cut.json'), '{\n  "name": "x",\n  "pair": "rut-gspc"');
    writeFileSync(join(dir, 'bom.json'), `\uFEFF${JSON.stringify(FIXTURE_SCENARIO)}`);
    writeFileSync(join(dir, 'wrong.json'), JSON.stringify({ ...FIXTURE_SCENARIO, paths: 'many' }));
    mkdirSync(join(dir, 'folder.json'));
  });

  it('locates every syntax error by line and column, in one line', () => {
    expect(loadScenario('token.json', dataDir, dir)).toEqual({ ok: false, errors: [`${join(dir, 'token.json')}:3:11: error bad-scenario: malformed JSON: unexpected character "}"; expected a value (object, array, string, number, true, false or null)`] });
    expect(loadScenario('cut.json', dataDir, dir)).toEqual({ ok: false, errors: [`${join(dir, 'cut.json')}:3:21: error bad-scenario: truncated JSON (the file ends before the document does)`] });
  });

  it('ignores a byte-order mark, names a folder, and gives schema errors their JSON path', () => {
    expect(loadScenario('bom.json', dataDir, dir)).toMatchObject({ ok: true, value: { name: 'fixture-cuts' } });
    expect(loadScenario('folder.json', dataDir, dir)).toEqual({ ok: false, errors: [`${join(dir, 'folder.json')}: error not-a-file: is a folder; name a file`] });
    const wrong = loadScenario('wrong.json', dataDir, dir);
    expect(!wrong.ok && wrong.errors[0]).toMatch(new RegExp(`^${join(dir, 'wrong.json').replace(/[.]/g, '\\.')}:1:\\d+: error bad-scenario: paths: `));
  });

  it('still loads the built-ins by name', () => {
    expect(loadScenario('insurance-cuts', dataDir, dir)).toMatchObject({ ok: true, value: { name: 'insurance-cuts' } });
  });
});
