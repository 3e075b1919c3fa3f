/** Stable ASCII slugs for URLs and ids: pinyin for Chinese names, never percent-encoded paths. */
import { pinyin } from 'pinyin-pro';
import { createHash } from 'node:crypto';

export function slugify(text: string, maxLength = 60): string {
  const latin = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('-');
  const slug = latin
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/g, '');
  return slug || 'x';
}

export function shortHash(text: string, length = 8): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}
