/**
 * Jupyter notebooks in the editor: each cell is its own text document, but a device chosen in one
 * cell is used in the next, so the code cells are analysed together as one synthetic `.py`
 * document and each finding is mapped back to its cell. IPython magics and shell escapes
 * (`%pip …`, `!nvidia-smi`) become comments of the same length, so offsets stay put and the
 * Python parser sees valid code. Editor-free.
 */

export interface CellText {
  /** Identifies the cell (its document URI). */
  id: string;
  text: string;
}

export interface NotebookSource {
  text: string;
  /** Start offset of each cell in `text`, in order. */
  starts: number[];
  cells: CellText[];
}

function neutraliseMagics(text: string): string {
  return text.replace(/^([ \t]*)[%!]/gm, '$1#');
}

export function buildNotebookSource(cells: readonly CellText[]): NotebookSource {
  const starts: number[] = [];
  let text = '';
  for (const c of cells) {
    starts.push(text.length);
    text += neutraliseMagics(c.text) + '\n\n';
  }
  return { text, starts, cells: [...cells] };
}

/** The cell an offset of the combined text falls in, and the offset inside that cell. */
export function cellAt(src: NotebookSource, offset: number): { cell: number; offset: number } | undefined {
  for (let i = src.starts.length - 1; i >= 0; i--) {
    if (offset >= src.starts[i]) {
      const inCell = offset - src.starts[i];
      if (inCell > src.cells[i].text.length) return undefined; // in the separator
      return { cell: i, offset: inCell };
    }
  }
  return undefined;
}

/** Maps a range of the combined text to one cell; undefined when it spans cells. */
export function mapRange(src: NotebookSource, start: number, end: number): { cell: number; start: number; end: number } | undefined {
  const a = cellAt(src, start);
  const b = cellAt(src, Math.max(start, end));
  if (!a || !b || a.cell !== b.cell) return undefined;
  return { cell: a.cell, start: a.offset, end: b.offset };
}
