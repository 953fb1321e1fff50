// Offsets in a text to 1-based line and column (columns count UTF-16 units; \n, \r\n and \r end a line).

export interface Position {
  line: number;
  column: number;
}

export class LineIndex {
  private readonly starts: number[] = [0];

  // pure; never mutates its input
  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }

  /** The position of `offset`, clamped to the text. */
  at(offset: number): Position {
    const o = offset < 0 ? 0 : offset > this.text.length ? this.text.length : offset;
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - (this.starts[lo] ?? 0) + 1 };
  }

  /** "line 3, column 7" for messages. */
  describe(offset: number): string {
    const p = this.at(offset);
    return `line ${p.line}, column ${p.column}`;
  }
}
