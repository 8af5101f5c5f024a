/**
 * The EM query-service filter grammar (A.5.6): `field op value`, `;` = AND, `,` = OR, parentheses,
 * double-quoted values with `""` as a literal quote. AND binds tighter than OR, as in FIQL, which the
 * syntax follows. Unquoted values have their spaces ignored.
 */
export type ComparisonOperator = '==' | '!=' | '>' | '<' | '>=' | '<=';

export type FilterNode =
  | { kind: 'and' | 'or'; items: FilterNode[] }
  | { kind: 'comparison'; field: string; operator: ComparisonOperator; value: string };

export class FilterSyntaxError extends Error {}

const OPERATORS: readonly ComparisonOperator[] = ['==', '!=', '>=', '<=', '>', '<'];

export function parseFilter(text: string): FilterNode {
  const parser = new FilterParser(text);
  const node = parser.parseOr();
  parser.expectEnd();
  return node;
}

class FilterParser {
  private pos = 0;

  constructor(private readonly text: string) {}

  parseOr(): FilterNode {
    const items = [this.parseAnd()];
    while (this.consume(',')) items.push(this.parseAnd());
    return items.length === 1 ? items[0] : { kind: 'or', items };
  }

  expectEnd(): void {
    this.skipSpaces();
    if (this.pos < this.text.length) this.fail(`unexpected '${this.text[this.pos]}'`);
  }

  private parseAnd(): FilterNode {
    const items = [this.parseTerm()];
    while (this.consume(';')) items.push(this.parseTerm());
    return items.length === 1 ? items[0] : { kind: 'and', items };
  }

  private parseTerm(): FilterNode {
    if (this.consume('(')) {
      const inner = this.parseOr();
      if (!this.consume(')')) this.fail("missing ')'");
      return inner;
    }
    return this.parseComparison();
  }

  private parseComparison(): FilterNode {
    this.skipSpaces();
    const fieldMatch = /^[A-Za-z][A-Za-z0-9_]*/.exec(this.text.slice(this.pos));
    if (!fieldMatch) this.fail('expected a field name');
    this.pos += fieldMatch[0].length;
    this.skipSpaces();
    const operator = OPERATORS.find((op) => this.text.startsWith(op, this.pos));
    if (!operator) this.fail(`expected a comparison operator after '${fieldMatch[0]}'`);
    this.pos += operator.length;
    return { kind: 'comparison', field: fieldMatch[0], operator, value: this.parseValue() };
  }

  private parseValue(): string {
    this.skipSpaces();
    if (this.text[this.pos] === '"') {
      let value = '';
      this.pos++;
      for (;;) {
        if (this.pos >= this.text.length) this.fail('unterminated quoted value');
        const c = this.text[this.pos++];
        if (c !== '"') value += c;
        else if (this.text[this.pos] === '"') {
          value += '"';
          this.pos++;
        } else break;
      }
      return value;
    }
    const start = this.pos;
    while (this.pos < this.text.length && !';,()'.includes(this.text[this.pos])) this.pos++;
    const value = this.text.slice(start, this.pos).replace(/\s+/g, '');
    if (value === '') this.fail('expected a value');
    return value;
  }

  private consume(token: string): boolean {
    this.skipSpaces();
    if (this.text[this.pos] !== token) return false;
    this.pos++;
    return true;
  }

  private skipSpaces(): void {
    while (this.text[this.pos] === ' ') this.pos++;
  }

  private fail(message: string): never {
    throw new FilterSyntaxError(`Invalid filter expression at position ${this.pos}: ${message}.`);
  }
}
