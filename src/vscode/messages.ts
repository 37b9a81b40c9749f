/**
 * Messages between the report panel and the extension, validated on receipt (the webview is
 * untrusted input: a message names only files the report already holds). Editor-free.
 */
import * as z from 'zod';

const relPath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.startsWith('/') && !/^[a-zA-Z]:/.test(p) && !p.split(/[\\/]/).includes('..'), 'a relative path inside the workspace');

export const webviewMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({
    type: z.literal('open'),
    file: relPath,
    line: z.number().int().min(1),
    column: z.number().int().min(1),
    endLine: z.number().int().min(1).optional(),
    endColumn: z.number().int().min(1).optional(),
  }),
  z.object({ type: z.literal('openDocs'), ruleId: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/) }),
  z.object({ type: z.literal('rescan') }),
  z.object({ type: z.literal('export') }),
]);

export type WebviewMessage = z.infer<typeof webviewMessageSchema>;

export function parseWebviewMessage(data: unknown): { ok: true; message: WebviewMessage } | { ok: false; error: string } {
  const r = webviewMessageSchema.safeParse(data);
  if (r.success) return { ok: true, message: r.data };
  const issue = r.error.issues[0];
  return { ok: false, error: `${issue?.path.map(String).join('.') || 'message'}: ${issue?.message ?? 'invalid'}` };
}

/** Extension → webview. */
export type HostMessage =
  | { type: 'report'; model: unknown }
  | { type: 'reveal'; file: string; line: number }
  | { type: 'scanning'; scanning: boolean };
