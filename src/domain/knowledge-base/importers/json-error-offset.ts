/**
 * The character offset of the first JSON syntax error in `text`, or undefined if it has none.
 * JSON.parse only sometimes says where it failed (Node 20 gives "Unexpected token 'x', ... is
 * not valid JSON" with no position), so on failure this small scanner walks the text once more
 * to find the place. It checks syntax only and builds nothing.
 */
export function jsonErrorOffset(text: string): number | undefined {
  const scanner = new Scanner(text);
  try {
    scanner.value();
    scanner.blank();
    return scanner.at < text.length ? scanner.at : undefined;
  } catch (error) {
    if (error instanceof SyntaxAt) return error.offset;
    return undefined; // nested too deeply for the stack: leave the position out
  }
}

class SyntaxAt {
  constructor(readonly offset: number) {}
}

const LITERALS = ['true', 'false', 'null'];
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const SIMPLE_ESCAPES = '"\\/bfnrt';
const HEX = /^[0-9a-fA-F]$/;

class Scanner {
  at = 0;
  constructor(private readonly text: string) {}

  blank(): void {
    while (' \t\n\r'.includes(this.text[this.at] ?? 'x')) this.at += 1;
  }

  value(): void {
    this.blank();
    const c = this.text[this.at];
    if (c === '{') return this.container('}', () => this.member());
    if (c === '[') return this.container(']', () => this.value());
    if (c === '"') return this.string();
    const literal = LITERALS.find((l) => this.text.startsWith(l, this.at));
    if (literal) {
      this.at += literal.length;
      return;
    }
    this.match(NUMBER);
  }

  private container(close: string, item: () => void): void {
    this.at += 1;
    this.blank();
    if (this.text[this.at] === close) {
      this.at += 1;
      return;
    }
    for (;;) {
      item();
      this.blank();
      const c = this.text[this.at];
      this.at += 1;
      if (c === close) return;
      if (c !== ',') throw new SyntaxAt(this.at - 1);
    }
  }

  private member(): void {
    this.blank();
    if (this.text[this.at] !== '"') throw new SyntaxAt(this.at);
    this.string();
    this.blank();
    if (this.text[this.at] !== ':') throw new SyntaxAt(this.at);
    this.at += 1;
    this.value();
  }

  private string(): void {
    this.at += 1;
    for (;;) {
      const c = this.text[this.at];
      // Control characters must be escaped inside JSON strings; the end of text leaves it open.
      if (c === undefined || c < ' ') throw new SyntaxAt(this.at);
      this.at += 1;
      if (c === '"') return;
      if (c === '\\') this.escape();
    }
  }

  private escape(): void {
    const c = this.text[this.at] ?? '';
    if (c !== '' && SIMPLE_ESCAPES.includes(c)) {
      this.at += 1;
      return;
    }
    if (c !== 'u') throw new SyntaxAt(this.at);
    for (let i = 1; i <= 4; i += 1) if (!HEX.test(this.text[this.at + i] ?? '')) throw new SyntaxAt(this.at + i);
    this.at += 5;
  }

  private match(pattern: RegExp): void {
    pattern.lastIndex = this.at;
    const found = pattern.exec(this.text);
    if (!found || found[0] === '') throw new SyntaxAt(this.at);
    this.at += found[0].length;
  }
}
