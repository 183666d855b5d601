import fs from 'node:fs';
import zlib from 'node:zlib';

/**
 * Writes a zip file part by part, straight to disk, compressing with Node's own zlib: a large report
 * is never held in memory twice, and deflating its XML natively takes a tenth of the time a
 * JavaScript deflate does. Pictures, already compressed, are stored as they are. Parts and sizes
 * stay within plain zip's limits (65,535 parts, 4 GB), far beyond any report.
 */
export class ZipWriter {
  private offset = 0;
  private readonly entries: Buffer[] = [];
  private readonly time: number;
  private readonly date: number;

  constructor(private readonly fd: number, now = new Date()) {
    this.time = (now.getHours() << 11) | (now.getMinutes() << 5) | Math.floor(now.getSeconds() / 2);
    this.date = ((Math.max(1980, now.getFullYear()) - 1980) << 9) | ((now.getMonth() + 1) << 5) | now.getDate();
  }

  private write(data: Uint8Array): void {
    let written = 0;
    while (written < data.length) written += fs.writeSync(this.fd, data, written, data.length - written);
    this.offset += data.length;
  }

  add(name: string, content: string | Uint8Array, compress: boolean): void {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const packed = compress ? zlib.deflateRawSync(data, { level: 6 }) : data;
    const method = compress ? 8 : 0;
    const crc = zlib.crc32(data);
    const fileName = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(this.time, 10);
    local.writeUInt16LE(this.date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(this.time, 12);
    central.writeUInt16LE(this.date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(this.offset, 42);
    this.entries.push(Buffer.concat([central, fileName]));
    this.write(local);
    this.write(fileName);
    this.write(packed);
  }

  finish(): void {
    const start = this.offset;
    for (const entry of this.entries) this.write(entry);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    this.write(end);
  }
}

/** The end of a zip file's central directory, searched for from the end (a comment may follow it). */
function endOfDirectory(data: Buffer): number {
  for (let at = data.length - 22; at >= Math.max(0, data.length - 22 - 0xffff); at--) {
    if (data.readUInt32LE(at) === 0x06054b50) return at;
  }
  return -1;
}

/**
 * Reads the parts of a small zip file (a Word template) into memory, refusing what it should not
 * inflate: encrypted or zip64 entries, and more than `maxBytes` once inflated (a zip bomb). Returns
 * null for anything that is not a readable zip file.
 */
export function readZip(data: Buffer, maxBytes: number): Map<string, Buffer> | null {
  try {
    const end = endOfDirectory(data);
    if (end < 0) return null;
    const count = data.readUInt16LE(end + 10);
    let at = data.readUInt32LE(end + 16);
    const parts = new Map<string, Buffer>();
    let total = 0;
    for (let i = 0; i < count; i++) {
      if (data.readUInt32LE(at) !== 0x02014b50) return null;
      const flags = data.readUInt16LE(at + 8);
      const method = data.readUInt16LE(at + 10);
      const packedSize = data.readUInt32LE(at + 20);
      const size = data.readUInt32LE(at + 24);
      const nameLength = data.readUInt16LE(at + 28);
      const extraLength = data.readUInt16LE(at + 30);
      const commentLength = data.readUInt16LE(at + 32);
      const local = data.readUInt32LE(at + 42);
      const name = data.subarray(at + 46, at + 46 + nameLength).toString('utf8');
      at += 46 + nameLength + extraLength + commentLength;
      if (name.endsWith('/')) continue;
      if (flags & 1 || packedSize === 0xffffffff || size === 0xffffffff || (method !== 0 && method !== 8)) return null;
      total += size;
      if (total > maxBytes || data.readUInt32LE(local) !== 0x04034b50) return null;
      const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
      const packed = data.subarray(start, start + packedSize);
      const content = method === 0 ? Buffer.from(packed) : zlib.inflateRawSync(packed, { maxOutputLength: Math.max(1, size) });
      if (content.length !== size) return null;
      parts.set(name, content);
    }
    return parts;
  } catch {
    return null;
  }
}
