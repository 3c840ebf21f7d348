import type { MouseEvent } from 'react';
import { useT } from '../../lib/i18n.ts';

/** The id of the topic page's reply form, its text box and its "in reply to" field. */
export const REPLY_FORM_ID = 'reply-box';

/** Turns text into a Markdown quote followed by an empty line. */
export function quoteMarkdown(text: string): string {
  const lines = text.trim().split(/\r?\n/);
  return `${lines.map((line) => (line ? `> ${line}` : '>')).join('\n')}\n\n`;
}

/**
 * The "Quote" action of a post. Without JavaScript it is a link (`?quote=<replyId>#reply-box`) and the
 * server pre-fills the reply box; with it, the post's selected text (or its whole text) is inserted at
 * the cursor of the reply box, and the reply is marked as answering that reply.
 */
export function QuoteLink({ href, text, replyId }: { href: string; text: string; replyId: string | null }) {
  const t = useT();
  const insert = (event: MouseEvent<HTMLAnchorElement>) => {
    const form = document.getElementById(REPLY_FORM_ID);
    if (!(form instanceof HTMLFormElement)) return;
    const box = form.elements.namedItem('body');
    if (!(box instanceof HTMLTextAreaElement)) return;
    event.preventDefault();
    const post = event.currentTarget.closest('article, .post');
    const selection = window.getSelection();
    const selected =
      selection && !selection.isCollapsed && post?.contains(selection.anchorNode) ? selection.toString() : '';
    const quote = quoteMarkdown(selected || text);
    const at = box.selectionStart ?? box.value.length;
    const before = box.value.slice(0, at);
    box.value = `${before}${before && !before.endsWith('\n\n') ? '\n\n' : ''}${quote}${box.value.slice(at)}`;
    const inReplyTo = form.elements.namedItem('inReplyToId');
    if (inReplyTo instanceof HTMLInputElement) inReplyTo.value = replyId ?? '';
    box.dispatchEvent(new Event('input', { bubbles: true }));
    box.focus();
    box.scrollIntoView({ block: 'center' });
  };
  return (
    <a className="button button--small button--secondary" href={href} onClick={insert}>
      {t('support.quote')}
    </a>
  );
}
