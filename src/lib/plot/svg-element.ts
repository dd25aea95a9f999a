import { escapeXml } from './svg-text';

/** Attribute values of an SVG element; numbers are written as they are, strings escaped. */
export type Attributes = Record<string, string | number>;

/**
 * An SVG element `<name a="…" …/>`, or `<name …>inner</name>` when `inner` markup is given.
 * Attribute values are escaped; `inner` is markup already built (and escaped) by its maker.
 */
export function element(name: string, attributes: Attributes, inner = ''): string {
  const written = Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${typeof value === 'number' ? value : escapeXml(value)}"`)
    .join('');
  return inner === '' ? `<${name}${written}/>` : `<${name}${written}>${inner}</${name}>`;
}
