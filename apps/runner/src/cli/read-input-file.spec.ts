import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { notAFileIssue } from './read-input-file';

describe('notAFileIssue', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ratecut-input-'));
  mkdirSync(join(dir, 'adir'));
  writeFileSync(join(dir, 'a.json'), '{}');
  execFileSync('mkfifo', [join(dir, 'pipe')]);

  it('names what the path is, in the words the data loader uses', () => {
    expect(notAFileIssue('adir', dir)).toBe('adir: error not-a-file: is a folder; name a file');
    expect(notAFileIssue('pipe', dir)).toBe('pipe: error not-a-file: is a named pipe (FIFO); name a file');
  });

  it('leaves regular files and missing paths to the reader', () => {
    expect(notAFileIssue('a.json', dir)).toBeNull();
    expect(notAFileIssue('none.json', dir)).toBeNull();
  });
});
