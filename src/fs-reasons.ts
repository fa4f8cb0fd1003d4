// What a file-system error code means, in words: for the folders an export or a database is put in,
// and for the error mapping every command has at hand (which must not load the folder code to say it).
export const REASONS: Record<string, string> = {
  EACCES: 'permission denied', EPERM: 'not permitted', EROFS: 'read-only file system', ENOSPC: 'no space left on the disk',
  ENOTDIR: 'a part of the path is a file', EEXIST: 'a file is in the way', ENOENT: 'that place cannot hold folders',
};
