import { describe, expect, it } from 'vitest';
import { markdownToText, renderMarkdown } from './markdown.ts';

describe('member Markdown', () => {
  it('escapes raw HTML and scripts instead of rendering them', () => {
    const html = renderMarkdown('Hello <script>alert(1)</script> <img src=x onerror=alert(1)> **bold**');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('<strong>bold</strong>');
  });

  it('adds rel="nofollow ugc noopener" to links and drops javascript: links', () => {
    const html = renderMarkdown(
      '[site](https://example.com) and [bad](javascript:alert(1)) and https://veloce.example/aide',
    );
    expect(html).toContain('<a href="https://example.com" rel="nofollow ugc noopener">site</a>');
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('href="https://veloce.example/aide" rel="nofollow ugc noopener"');
  });

  it('renders no image from Markdown', () => {
    expect(renderMarkdown('![x](https://example.com/a.png)')).not.toContain('<img');
  });

  it('gives plain text for snippets', () => {
    expect(markdownToText('# Titre\n\nUn **écran** <b>noir</b> & rien')).toBe(
      'Titre Un écran <b>noir</b> & rien',
    );
  });
});
