/** A text element; the content is escaped. */
export function text(
  x: number,
  y: number,
  content: string,
  anchor: string,
  size: number,
  weight = 'normal'
): string {
  return (
    `<text x="${x}" y="${y}" text-anchor="${anchor}" font-size="${size}" ` +
    `font-weight="${weight}" fill="#111827">${escapeXml(content)}</text>`
  );
}

/** Escapes the five XML special characters, so text can never become markup. */
export function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A standalone SVG document of the given size around the given parts. */
export function svgDocument(width: number, height: number, title: string, parts: string[]): string {
  const open =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" ` +
    `viewBox="0 0 ${width} ${height}" font-family="sans-serif" role="img" ` +
    `aria-label="${escapeXml(title)}">`;
  return `${open}${parts.join('')}</svg>\n`;
}
