import qrcode from 'qrcode-generator';

/**
 * Text as a string of UTF-8 bytes (one char per byte), which qrcode-generator's byte mode
 * expects: its own conversion keeps only the low 8 bits of each UTF-16 unit. Written out rather
 * than using TextEncoder, which older mini-program engines lack.
 */
export function utf8Binary(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) out += String.fromCharCode(code);
    else if (code < 0x800) out += String.fromCharCode(0xc0 | (code >> 6), 0x80 | (code & 0x3f));
    else if (code < 0x10000)
      out += String.fromCharCode(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
    else
      out += String.fromCharCode(
        0xf0 | (code >> 18),
        0x80 | ((code >> 12) & 0x3f),
        0x80 | ((code >> 6) & 0x3f),
        0x80 | (code & 0x3f),
      );
  }
  return out;
}

/**
 * A QR code as a GIF data URL for `<Image>` (both platforms): error correction M, 8 px per
 * module and the standard 4-module quiet zone, so a phone camera or a screenshot decodes it.
 */
export function qrDataUrl(text: string, cellSize = 8): string {
  const qr = qrcode(0, 'M');
  qr.addData(utf8Binary(text), 'Byte');
  qr.make();
  return qr.createDataURL(cellSize, cellSize * 4);
}
