// Generates every icon the installers need from the two source SVGs in resources/:
// icon.png (1024 px, electron-builder derives the app icons from it), and the document icons for
// .shoshin files as .ico (Windows) and .icns (macOS), both wrapping PNGs.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'resources', 'build');

function png(svgFile, size) {
  const svg = fs.readFileSync(path.join(root, 'resources', svgFile), 'utf8');
  return new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
}

/** ICO with PNG entries (Windows Vista and later read these). */
function ico(images) {
  const header = Buffer.alloc(6 + images.length * 16);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, data }, i) => {
    const entry = 6 + i * 16;
    header.writeUInt8(size >= 256 ? 0 : size, entry);
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(data.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...images.map((i) => i.data)]);
}

/** ICNS with PNG entries keyed by Apple's type codes. */
function icns(images) {
  const types = { 32: 'ic11', 64: 'ic12', 128: 'ic07', 256: 'ic08', 512: 'ic09', 1024: 'ic10' };
  const chunks = images.map(({ size, data }) => {
    const head = Buffer.alloc(8);
    head.write(types[size], 0, 'ascii');
    head.writeUInt32BE(data.length + 8, 4);
    return Buffer.concat([head, data]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + chunks.reduce((n, c) => n + c.length, 0), 4);
  return Buffer.concat([head, ...chunks]);
}

export function generateIcons(target = out) {
  fs.mkdirSync(target, { recursive: true });
  fs.writeFileSync(path.join(target, 'icon.png'), png('icon.svg', 1024));
  const sizes = [16, 32, 48, 64, 128, 256];
  fs.writeFileSync(path.join(target, 'icon.ico'), ico(sizes.map((size) => ({ size, data: png('icon.svg', size) }))));
  fs.writeFileSync(path.join(target, 'shoshin.ico'), ico(sizes.map((size) => ({ size, data: png('file-icon.svg', size) }))));
  fs.writeFileSync(path.join(target, 'shoshin.icns'), icns([32, 64, 128, 256, 512, 1024].map((size) => ({ size, data: png('file-icon.svg', size) }))));
  return target;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(`icons: wrote ${generateIcons(process.argv[2] ?? out)}`);
}
