/**
 * A string derived from an original text, each of its UTF-16 units knowing the span of the original it came
 * from: screening matches on the normalised form and reports offsets into the text the collector typed.
 */
export class MappedText {
  private constructor(
    readonly text: string,
    /** for each unit of `text`: where its source starts in the original */
    private readonly starts: readonly number[],
    /** for each unit of `text`: where its source ends in the original (exclusive) */
    private readonly ends: readonly number[],
  ) {}

  static identity(text: string): MappedText {
    const starts = Array.from({ length: text.length }, (_, i) => i);
    return new MappedText(text, starts, starts.map((i) => i + 1));
  }

  /** The original span [start, end) behind the normalised span [from, to). */
  original(from: number, to: number): { start: number; end: number } {
    if (to <= from || from >= this.text.length) {
      const at = from < this.starts.length ? (this.starts[from] as number) : (this.ends[this.ends.length - 1] ?? 0);
      return { start: at, end: at };
    }
    return { start: this.starts[from] as number, end: this.ends[Math.min(to, this.text.length) - 1] as number };
  }

  /** Builds a new mapped text piece by piece; each piece names the units of this text it replaces. */
  builder(): MappedBuilder {
    return new MappedBuilder(this);
  }

  /** @internal */ startOf(i: number): number {
    return this.starts[i] as number;
  }

  /** @internal */ endOf(i: number): number {
    return this.ends[i] as number;
  }

  /** @internal */ static of(text: string, starts: number[], ends: number[]): MappedText {
    return new MappedText(text, starts, ends);
  }
}

export class MappedBuilder {
  private readonly parts: string[] = [];
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  constructor(private readonly source: MappedText) {}

  /** Appends `out` in place of the source's units [from, to); an empty `out` drops them. */
  push(out: string, from: number, to: number): void {
    if (!out) return;
    const start = this.source.startOf(from);
    const end = this.source.endOf(Math.max(from, to - 1));
    this.parts.push(out);
    for (let k = 0; k < out.length; k++) {
      this.starts.push(start);
      this.ends.push(end);
    }
  }

  /** Appends `out`, one unit for each source unit from `from` on (the lengths are equal). */
  pushAligned(out: string, from: number): void {
    this.parts.push(out);
    for (let k = 0; k < out.length; k++) {
      this.starts.push(this.source.startOf(from + k));
      this.ends.push(this.source.endOf(from + k));
    }
  }

  build(): MappedText {
    return MappedText.of(this.parts.join(''), this.starts, this.ends);
  }
}
