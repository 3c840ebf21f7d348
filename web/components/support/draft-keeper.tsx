import { useEffect, useState } from 'react';
import { useT } from '../../lib/i18n.ts';

type TextField = HTMLTextAreaElement | HTMLInputElement;

const isText = (el: Element | RadioNodeList | null): el is TextField =>
  el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && el.type === 'text');

function readDraft(key: string): Record<string, string> {
  try {
    const parsed = JSON.parse(localStorage.getItem(key) ?? '{}') as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

function saveDraft(form: HTMLFormElement, key: string): void {
  const data: Record<string, string> = {};
  for (const el of Array.from(form.elements)) {
    if (isText(el) && el.name && el.value.trim()) data[el.name] = el.value;
  }
  try {
    if (Object.keys(data).length > 0) localStorage.setItem(key, JSON.stringify(data));
    else localStorage.removeItem(key);
  } catch {
    // Storage full or disabled (private browsing): the form still works, only without drafts.
  }
}

/**
 * Keeps a member's unsent text through a reload (progressive enhancement: without JavaScript the form
 * simply works without it). The text fields of the form `formId` are saved to localStorage under
 * `storageKey` as the member types, restored into empty fields on load, dropped when the form is sent,
 * saved again when the post is refused (`outcome` changes, not `posted`), and the form is emptied when
 * it is accepted (`posted`).
 */
export function DraftKeeper({
  formId,
  storageKey,
  outcome,
  posted = false,
}: {
  formId: string;
  storageKey: string;
  outcome?: unknown;
  posted?: boolean;
}) {
  const t = useT();
  const [restored, setRestored] = useState(false);
  useEffect(() => {
    const form = document.getElementById(formId);
    if (!(form instanceof HTMLFormElement)) return;
    let any = false;
    for (const [name, value] of Object.entries(readDraft(storageKey))) {
      const el = form.elements.namedItem(name);
      if (isText(el) && !el.value && typeof value === 'string' && value) {
        el.value = value;
        any = true;
      }
    }
    setRestored(any);
    const save = () => saveDraft(form, storageKey);
    const sent = () => {
      try {
        localStorage.removeItem(storageKey);
      } catch {
        // Nothing to drop.
      }
    };
    form.addEventListener('input', save);
    form.addEventListener('submit', sent);
    return () => {
      form.removeEventListener('input', save);
      form.removeEventListener('submit', sent);
    };
  }, [formId, storageKey]);
  useEffect(() => {
    const form = document.getElementById(formId);
    if (!outcome || !(form instanceof HTMLFormElement)) return;
    if (posted) {
      form.reset();
      setRestored(false);
    }
    saveDraft(form, storageKey);
  }, [formId, storageKey, outcome, posted]);
  return restored ? (
    <p className="meta" role="status">
      {t('support.draftRestored')}
    </p>
  ) : null;
}
