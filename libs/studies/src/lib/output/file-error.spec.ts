import { describeFileFailure, describeStrayErrno, isErrnoError } from './file-error';

const errno = (code: string, syscall: string, path?: string) => Object.assign(new Error(`${code}: x`), { code, syscall, ...(path === undefined ? {} : { path }) });

describe('file errors in words', () => {
  it('says what went wrong and what to do, naming the path', () => {
    expect(describeFileFailure(errno('ENOSPC', 'write'), 'out/bt.json', 'write')).toBe('cannot write out/bt.json: the disk is full (ENOSPC); free some space or choose another folder with --out');
    expect(describeFileFailure(errno('EROFS', 'open'), 'out/bt.json', 'write')).toBe('cannot write out/bt.json: the file system is read-only (EROFS); choose a writable folder with --out');
    expect(describeFileFailure(errno('EACCES', 'open'), 'in.json', 'read')).toBe("cannot read in.json: permission denied (EACCES); check the file's permissions");
    expect(describeFileFailure(errno('ENOTDIR', 'mkdir'), 'a/b', 'create folder')).toBe('cannot create folder a/b: a part of the path is a file, not a folder (ENOTDIR); choose another --out');
  });

  it('describes a system error that escaped a command by its own path, or by its operation', () => {
    expect(describeStrayErrno(errno('EEXIST', 'mkdir', '/tmp/afile'))).toBe('cannot write /tmp/afile: it already exists (EEXIST); check the path and try again');
    expect(describeStrayErrno(errno('ENOENT', 'open', '/x/catalog.json'))).toBe('cannot read /x/catalog.json: no such file or folder (ENOENT); check the path');
    expect(describeStrayErrno(errno('EISDIR', 'read'))).toBe('a file could not be read: it is a folder, not a file (EISDIR, read); check the paths on the command line');
  });

  it('recognises system errors by shape, also from another realm, and nothing else', () => {
    expect(isErrnoError(errno('ENOENT', 'open'))).toBe(true);
    expect(isErrnoError({ code: 'EISDIR', message: 'EISDIR: illegal operation on a directory, read' })).toBe(true);
    expect(isErrnoError(new RangeError('Invalid array length'))).toBe(false);
    expect(isErrnoError(Object.assign(new Error('x'), { code: 'ERR_INVALID_ARG_TYPE' }))).toBe(false);
  });
});
