/**
 * RFC 6266: the Latin name for every client, and the name in the page's language as
 * `filename*` (RFC 8187: UTF-8, percent-encoded beyond its attr-chars).
 */
export function disposition(kind: 'attachment' | 'inline', name: { ascii: string; named: string }): string {
  const encoded = encodeURIComponent(name.named).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${name.ascii}"; filename*=UTF-8''${encoded}`;
}
