import MarkdownIt from 'markdown-it';

/**
 * Markdown for member-written text (DESIGN rule 12): raw HTML is off (escaped, never rendered), only
 * http(s) and mailto links are kept, every link gets rel="nofollow ugc noopener" and opens normally,
 * images are not rendered from Markdown (uploads come later, checked by content).
 */
const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: true });
md.disable(['image']);
md.validateLink = (url) => /^(https?:|mailto:)/i.test(url.trim());
const defaultLinkOpen =
  md.renderer.rules.link_open ??
  ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx].attrSet('rel', 'nofollow ugc noopener');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/** Renders member Markdown to safe HTML. */
export function renderMarkdown(source: string): string {
  return md.render(source);
}

/** Plain text of member Markdown (for snippets, search, notifications): tags dropped, whitespace folded. */
export function markdownToText(source: string): string {
  return htmlToText(md.render(source));
}

/**
 * Plain text of HTML that `renderMarkdown` produced (tags dropped, entities decoded, whitespace folded):
 * the same text as `markdownToText` of its source, without parsing the Markdown again (pages that show
 * many posts read it from the stored HTML).
 */
export function htmlToText(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(
      /&(amp|lt|gt|quot|#39);/g,
      (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e] ?? '',
    )
    .replace(/\s+/g, ' ')
    .trim();
}
