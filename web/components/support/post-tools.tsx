import { Form, Link, useActionData } from 'react-router';
import type { ReplyDto, TopicDto } from '../../../server/modules/support/support.schemas.ts';
import type { ActionErrors } from '../../lib/errors.ts';
import { useT } from '../../lib/i18n.ts';
import type { PostToolIntent, ToolTarget } from '../../lib/post-tools.ts';
import { Field, FormMessage, SubmitButton } from '../form.tsx';

type ToolResult = (Partial<ActionErrors> & { tool?: ToolTarget; done?: string }) | undefined;

/** The action result of the tool form that was sent for this post (`intents`), if any. */
function useToolResult(id: string, intents: readonly PostToolIntent[]) {
  const result = useActionData<ToolResult>();
  const tool = result?.tool;
  if (!result || !tool || tool.id !== id || !intents.includes(tool.intent)) return null;
  return result;
}

/** The message a tool form shows after it was sent: its error, or what was done. */
function ToolMessage({ result }: { result: ToolResult | null }) {
  const t = useT();
  if (!result) return null;
  const done = result.done ? t(`support.done.${result.done}` as 'support.done.edited') : null;
  return <FormMessage error={result.formError} success={done} />;
}

/** "Delete" behind a disclosure: a warning and a confirmation button (works without JavaScript). */
function DeleteTool({
  intent,
  warning,
  replyId,
}: {
  intent: 'deleteTopic' | 'deleteReply';
  warning: string;
  replyId?: string;
}) {
  const t = useT();
  return (
    <details className="post-tool">
      <summary className="button button--small button--secondary">{t('support.tools.delete')}</summary>
      <Form method="post" className="post-tool__panel">
        {replyId ? <input type="hidden" name="replyId" value={replyId} /> : null}
        <p>{warning}</p>
        <button type="submit" className="button button--small button--danger" name="intent" value={intent}>
          {t('support.tools.deleteConfirm')}
        </button>
      </Form>
    </details>
  );
}

/**
 * The tools on a topic for those who may use them: edit (author or staff), delete, and for staff lock,
 * pin, move and merge. Each is a plain form posting an `intent` to the topic page's action.
 */
export function TopicTools({
  topic,
  boards,
}: {
  topic: Pick<TopicDto, 'id' | 'title' | 'boardId' | 'locked' | 'pinned' | 'abilities' | 'bodySource'>;
  boards: { id: string; title: string }[];
}) {
  const t = useT();
  const result = useToolResult(topic.id, [
    'editTopic',
    'deleteTopic',
    'lock',
    'unlock',
    'pin',
    'unpin',
    'move',
    'merge',
  ]);
  const fields = result?.fieldErrors ?? {};
  const { edit, delete: canDelete, arrange } = topic.abilities;
  if (!edit && !canDelete && !arrange) return null;
  return (
    <div className="post-tools">
      <ToolMessage result={result} />
      {edit ? (
        <details className="post-tool" open={result?.tool?.intent === 'editTopic' && !result.done}>
          <summary className="button button--small button--secondary">{t('support.tools.edit')}</summary>
          <Form method="post" noValidate className="post-tool__panel">
            <h3>{t('support.tools.editTopic')}</h3>
            <Field
              label={t('support.field.title')}
              name="title"
              required
              minLength={5}
              maxLength={200}
              defaultValue={topic.title}
              error={fields.title}
            />
            <Field
              label={t('support.field.body')}
              name="body"
              multiline
              required
              maxLength={50000}
              defaultValue={topic.bodySource ?? ''}
              help={t('support.field.bodyHelp')}
              error={fields.body}
            />
            <SubmitButton name="intent" value="editTopic">
              {t('support.tools.save')}
            </SubmitButton>
          </Form>
        </details>
      ) : null}
      {canDelete ? <DeleteTool intent="deleteTopic" warning={t('support.tools.deleteTopicWarning')} /> : null}
      {arrange ? (
        <details
          className="post-tool"
          open={!!result && ['move', 'merge'].includes(result.tool!.intent) && !result.done}
        >
          <summary className="button button--small button--secondary">
            {t('support.tools.moderation')}
          </summary>
          <div className="post-tool__panel">
            <Form method="post" className="inline-form">
              <button
                type="submit"
                className="button button--small button--secondary"
                name="intent"
                value={topic.locked ? 'unlock' : 'lock'}
              >
                {topic.locked ? t('support.tools.unlock') : t('support.tools.lock')}
              </button>
              <button
                type="submit"
                className="button button--small button--secondary"
                name="intent"
                value={topic.pinned ? 'unpin' : 'pin'}
              >
                {topic.pinned ? t('support.tools.unpin') : t('support.tools.pin')}
              </button>
            </Form>
            <Form method="post" noValidate>
              <Field
                label={t('support.tools.board')}
                name="boardId"
                required
                defaultValue={topic.boardId}
                error={fields.boardId}
              >
                {boards.map((board) => (
                  <option key={board.id} value={board.id}>
                    {board.title}
                  </option>
                ))}
              </Field>
              <SubmitButton name="intent" value="move">
                {t('support.tools.move')}
              </SubmitButton>
            </Form>
            <Form method="post" noValidate>
              <Field
                label={t('support.tools.mergeTarget')}
                name="target"
                required
                maxLength={500}
                help={t('support.tools.mergeHelp')}
                error={fields.target ?? fields.targetTopicId}
              />
              <SubmitButton name="intent" value="merge">
                {t('support.tools.merge')}
              </SubmitButton>
            </Form>
          </div>
        </details>
      ) : null}
    </div>
  );
}

/** The tools on a reply for its author or staff: edit (prefilled) and delete. */
export function ReplyTools({ reply }: { reply: Pick<ReplyDto, 'id' | 'abilities' | 'bodySource'> }) {
  const t = useT();
  const result = useToolResult(reply.id, ['editReply', 'deleteReply']);
  const { edit, delete: canDelete } = reply.abilities;
  if (!edit && !canDelete) return null;
  return (
    <div className="post-tools">
      <ToolMessage result={result} />
      {edit ? (
        <details className="post-tool" open={!!result && !result.done}>
          <summary className="button button--small button--secondary">{t('support.tools.edit')}</summary>
          <Form method="post" noValidate className="post-tool__panel">
            <input type="hidden" name="replyId" value={reply.id} />
            <Field
              label={t('support.tools.editReply')}
              name="body"
              multiline
              required
              maxLength={50000}
              defaultValue={reply.bodySource ?? ''}
              help={t('support.field.bodyHelp')}
              error={result?.fieldErrors?.body}
            />
            <SubmitButton name="intent" value="editReply">
              {t('support.tools.save')}
            </SubmitButton>
          </Form>
        </details>
      ) : null}
      {canDelete ? (
        <DeleteTool intent="deleteReply" replyId={reply.id} warning={t('support.tools.deleteReplyWarning')} />
      ) : null}
    </div>
  );
}

/** The confirmation of a deleted reply, shown at the page level since the reply itself is gone. */
export function DeletedReplyNotice() {
  const t = useT();
  const result = useActionData<ToolResult>();
  if (result?.tool?.intent !== 'deleteReply' || !result.done) return null;
  return <FormMessage success={t('support.done.deletedReply')} />;
}

/** "edited", linking to the post's edit history. */
export function EditedMark({ editedAt, href }: { editedAt: string | null; href: string }) {
  const t = useT();
  if (!editedAt) return null;
  return (
    <>
      {' · '}
      <Link to={href} className="meta" title={t('support.history.title')}>
        {t('support.edited')}
      </Link>
    </>
  );
}
