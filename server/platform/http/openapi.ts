import type { FastifyInstance } from 'fastify';

interface Operation {
  operationId?: string;
  summary?: string;
  tags?: string[];
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Renders a compact, readable reference page of the OpenAPI document (no JavaScript needed). */
export function renderReference(spec: {
  info?: { title?: string; version?: string };
  paths?: Record<string, Record<string, Operation>>;
}): string {
  const byTag = new Map<string, { method: string; path: string; op: Operation }[]>();
  for (const [path, methods] of Object.entries(spec.paths ?? {})) {
    for (const [method, op] of Object.entries(methods)) {
      const tag = op.tags?.[0] ?? 'other';
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag)!.push({ method: method.toUpperCase(), path, op });
    }
  }
  const sections = [...byTag.entries()]
    .map(
      ([tag, ops]) =>
        `<section><h2>${escapeHtml(tag)}</h2><table><thead><tr><th>Operation</th><th>Method</th><th>Path</th><th>Summary</th></tr></thead><tbody>${ops
          .map(
            ({ method, path, op }) =>
              `<tr><td><code>${escapeHtml(op.operationId ?? '')}</code></td><td>${method}</td><td><code>${escapeHtml(path)}</code></td><td>${escapeHtml(op.summary ?? '')}</td></tr>`,
          )
          .join('')}</tbody></table></section>`,
    )
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(spec.info?.title ?? 'API')} reference</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#1b1f24}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #d0d7de;padding:.4rem;text-align:left;vertical-align:top}code{font-size:.9em}h2{text-transform:capitalize;margin-top:2rem}</style></head><body><main><h1>${escapeHtml(spec.info?.title ?? 'API')} <small>${escapeHtml(spec.info?.version ?? '')}</small></h1><p>Machine-readable document: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>. Errors are <code>application/problem+json</code> with a stable <code>code</code>; lists use <code>limit</code> and an opaque <code>cursor</code> (<code>nextCursor</code> in responses). Authentication: the session cookie from <code>/api/auth/sign-in/email</code>.</p>${sections}</main></body></html>`;
}

/** Serves `/api/v1/openapi.json` and the reference page `/api/v1/docs`. */
export function registerOpenApiRoutes(app: FastifyInstance): void {
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/api/v1/docs', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(renderReference(app.swagger() as never)),
  );
}
