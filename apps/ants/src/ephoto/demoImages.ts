import { crc32, deflateSync } from 'node:zlib';

/**
 * Small PNG images standing in for what a photo booth captures, for the demo data and the tests:
 * a portrait on a light background and a black-ink signature line.
 */
export function demoPortrait(hue = 0): Buffer {
  const width = 70;
  const height = 90;
  return png(width, height, (x, y) => {
    const head = (x - 35) ** 2 / 14 ** 2 + (y - 32) ** 2 / 17 ** 2 <= 1;
    const shoulders = y > 55 && (x - 35) ** 2 / 30 ** 2 + (y - 95) ** 2 / 38 ** 2 <= 1;
    if (head) return [222, 184, 150];
    if (shoulders) return [40 + (hue % 80), 60, 110];
    return [235, 238, 242];
  });
}

export function demoSignature(seed = 1): Buffer {
  const width = 160;
  const height = 50;
  return png(width, height, (x, y) => {
    const curve = 25 + 12 * Math.sin(x / (8 + (seed % 5))) * Math.cos(x / 23);
    return Math.abs(y - curve) < 1.6 && x > 10 && x < 150 ? [10, 10, 10] : [255, 255, 255];
  });
}

function png(width: number, height: number, pixel: (x: number, y: number) => [number, number, number]): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0;
    for (let x = 0; x < width; x++) {
      const [r, g, b] = pixel(x, y);
      const at = y * (width * 3 + 1) + 1 + x * 3;
      raw[at] = r;
      raw[at + 1] = g;
      raw[at + 2] = b;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
