import fs from 'node:fs';

/**
 * Reads a -wal file the way SQLite's recovery does (https://www.sqlite.org/fileformat2.html#walformat),
 * to know before opening whether SQLite would replay anything from it into the database. Nothing in
 * the format ties a WAL to its database beyond the page size, so callers still compare the database
 * with and without it.
 */

const WAL_MAGIC_LE = 0x377f0682;
const WAL_MAGIC_BE = 0x377f0683;
const WAL_VERSION = 3007000;
const HEADER = 32;
const FRAME_HEADER = 24;

export interface WalSummary {
  /** The header is a WAL header with a valid checksum; SQLite ignores the whole file otherwise. */
  valid: boolean;
  pageSize: number;
  /** Frames up to and including the last commit frame whose salts and checksums hold: what SQLite would replay. */
  committedFrames: number;
}

function checksum(buf: Buffer, end: number, bigEndian: boolean, seed: [number, number]): [number, number] {
  let [s0, s1] = seed;
  for (let i = 0; i + 8 <= end; i += 8) {
    const x0 = bigEndian ? buf.readUInt32BE(i) : buf.readUInt32LE(i);
    const x1 = bigEndian ? buf.readUInt32BE(i + 4) : buf.readUInt32LE(i + 4);
    s0 = (s0 + x0 + s1) >>> 0;
    s1 = (s1 + x1 + s0) >>> 0;
  }
  return [s0, s1];
}

export function validPageSize(size: number): boolean {
  return size >= 512 && size <= 65536 && (size & (size - 1)) === 0;
}

/** Null when there is no -wal or it is empty. */
export function readWal(file: string): WalSummary | null {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const size = fs.fstatSync(fd).size;
    if (size === 0) return null;
    const header = Buffer.alloc(HEADER);
    if (fs.readSync(fd, header, 0, HEADER, 0) < HEADER) return { valid: false, pageSize: 0, committedFrames: 0 };
    const magic = header.readUInt32BE(0);
    const rawPageSize = header.readUInt32BE(8);
    const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
    const bigEndian = magic === WAL_MAGIC_BE;
    const invalid = { valid: false, pageSize, committedFrames: 0 };
    if ((magic !== WAL_MAGIC_LE && magic !== WAL_MAGIC_BE) || header.readUInt32BE(4) !== WAL_VERSION || !validPageSize(pageSize)) return invalid;
    let sum = checksum(header, 24, bigEndian, [0, 0]);
    if (sum[0] !== header.readUInt32BE(24) || sum[1] !== header.readUInt32BE(28)) return invalid;
    const salt1 = header.readUInt32BE(16);
    const salt2 = header.readUInt32BE(20);
    const frame = Buffer.alloc(FRAME_HEADER + pageSize);
    let committedFrames = 0;
    for (let index = 0, offset = HEADER; offset + frame.length <= size; index++, offset += frame.length) {
      if (fs.readSync(fd, frame, 0, frame.length, offset) < frame.length) break;
      if (frame.readUInt32BE(0) === 0 || frame.readUInt32BE(8) !== salt1 || frame.readUInt32BE(12) !== salt2) break;
      // The checksum covers the first 8 bytes of the frame header, then the page.
      sum = checksum(frame, 8, bigEndian, sum);
      sum = checksum(frame.subarray(FRAME_HEADER), pageSize, bigEndian, sum);
      if (sum[0] !== frame.readUInt32BE(16) || sum[1] !== frame.readUInt32BE(20)) break;
      if (frame.readUInt32BE(4) !== 0) committedFrames = index + 1;
    }
    return { valid: true, pageSize, committedFrames };
  } finally {
    fs.closeSync(fd);
  }
}
