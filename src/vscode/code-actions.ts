/**
 * Quick fixes for Accel Advisor diagnostics: the rule's own edits (replace an instance type with
 * its counterpart, make a CUDA device binding device-agnostic), a suppression comment for the line
 * or the file, and the rule's docs. A rule's edit is found by the diagnostic's stable key and only
 * for the document version it was computed for (fix-store.ts), so a stale edit is never applied.
 */
import * as vscode from 'vscode';
import type { Ctx } from './ctx';
import { PRODUCT } from './ctx';
import { fixKey } from './fix-store';
import { commentSyntax, fileSuppressionEdit, lineSuppressionEdit } from './suppression-edit';

export const OPEN_RULE_DOCS = 'accelAdvisor.openRuleDocs';

function ruleIdOf(d: vscode.Diagnostic): string | undefined {
  if (d.source !== PRODUCT) return undefined;
  const code = d.code;
  if (typeof code === 'object' && code !== null) return String(code.value);
  return code === undefined ? undefined : String(code);
}

export class CodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly ctx: Ctx) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    const uri = document.uri.toString();
    const comment = commentSyntax(document.languageId, document.fileName);
    const lines = { lineCount: document.lineCount, lineText: (n: number) => document.lineAt(n).text };
    const seenRules = new Set<string>();
    for (const diagnostic of context.diagnostics) {
      const ruleId = ruleIdOf(diagnostic);
      if (!ruleId) continue;
      const found = this.ctx.fixes.get(uri, document.version, fixKey(ruleId, diagnostic.range));
      for (const [i, fix] of (found?.fixes ?? []).entries()) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        const edit = new vscode.WorkspaceEdit();
        for (const e of fix.edits) edit.replace(document.uri, new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.newText);
        action.edit = edit;
        action.diagnostics = [diagnostic];
        action.isPreferred = i === 0;
        actions.push(action);
      }
      if (seenRules.has(`${ruleId}@${diagnostic.range.start.line}`)) continue;
      seenRules.add(`${ruleId}@${diagnostic.range.start.line}`);
      if (comment) {
        const line = lineSuppressionEdit(lines, diagnostic.range.start.line, ruleId, comment);
        const a = new vscode.CodeAction(`Ignore ${ruleId} for this line`, vscode.CodeActionKind.QuickFix);
        a.edit = new vscode.WorkspaceEdit();
        a.edit.insert(document.uri, new vscode.Position(line.line, line.character), line.newText);
        a.diagnostics = [diagnostic];
        actions.push(a);
        const file = fileSuppressionEdit(lines, ruleId, comment);
        const b = new vscode.CodeAction(`Ignore ${ruleId} in this file`, vscode.CodeActionKind.QuickFix);
        b.edit = new vscode.WorkspaceEdit();
        b.edit.insert(document.uri, new vscode.Position(file.line, file.character), file.newText);
        b.diagnostics = [diagnostic];
        actions.push(b);
      }
      const docs = new vscode.CodeAction(`Show documentation for ${ruleId}`, vscode.CodeActionKind.QuickFix);
      docs.command = { command: OPEN_RULE_DOCS, title: 'Show documentation', arguments: [ruleId] };
      actions.push(docs);
    }
    return actions;
  }
}
