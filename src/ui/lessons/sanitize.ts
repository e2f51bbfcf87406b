/** DOMPurify over the rendered lesson HTML (browser only: DOMPurify needs a DOM). */
import DOMPurify from 'dompurify';

export function sanitizeHtml(html: string): string {
  return DOMPurify.sanitize(html, { ADD_ATTR: ['target'], FORBID_TAGS: ['style', 'form', 'input', 'img'] });
}
