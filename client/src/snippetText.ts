/**
 * Expands a VS Code snippet body to plain text: variables from a table, tab stops and placeholders
 * to their default (or a value given for that tab stop), choices to their first option. New Plan
 * uses it to write a template to disk; the snippet tests use it to lint every template. No vscode
 * import, so it runs in plain Node too.
 */

export interface SnippetValues {
  /** Values of snippet variables such as CURRENT_YEAR. */
  readonly variables: Readonly<Record<string, string>>;
  /** Text for a tab stop, replacing its default everywhere the tab stop appears. */
  readonly tabStops?: Readonly<Record<number, string>>;
}

/** Thrown for a variable the table does not define, so a misspelt name cannot slip into a plan. */
export class UnknownSnippetVariableError extends Error {}

/** The snippet variables for a time, the way VS Code fills them (local time, offset `+HH:MM`). */
export function timeVariables(date: Date, offsetMinutes = -date.getTimezoneOffset()): Record<string, string> {
  const shifted = new Date(date.getTime() + offsetMinutes * 60_000);
  const pad = (value: number): string => String(value).padStart(2, '0');
  const sign = offsetMinutes < 0 ? '-' : '+';
  const absolute = Math.abs(offsetMinutes);
  return {
    CURRENT_YEAR: String(shifted.getUTCFullYear()),
    CURRENT_YEAR_SHORT: String(shifted.getUTCFullYear()).slice(-2),
    CURRENT_MONTH: pad(shifted.getUTCMonth() + 1),
    CURRENT_DATE: pad(shifted.getUTCDate()),
    CURRENT_HOUR: pad(shifted.getUTCHours()),
    CURRENT_MINUTE: pad(shifted.getUTCMinutes()),
    CURRENT_SECOND: pad(shifted.getUTCSeconds()),
    CURRENT_SECONDS_UNIX: String(Math.floor(date.getTime() / 1000)),
    CURRENT_TIMEZONE_OFFSET: `${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`,
  };
}

type Node = { readonly text: string } | { readonly tabStop: number; readonly body: readonly Node[] | undefined; readonly choice?: string } | { readonly variable: string; readonly body: readonly Node[] | undefined };

/** Expands `body` (the lines of a snippet, or one string) to plain text. */
export function expandSnippet(body: string | readonly string[], values: SnippetValues): string {
  const source = typeof body === 'string' ? body : body.join('\n');
  const nodes = new Parser(source).parse();
  const defaults = new Map<number, string>();
  // A tab stop's default is the first placeholder text given for it, wherever it appears.
  const collect = (list: readonly Node[]): void => {
    for (const node of list) {
      if ('tabStop' in node) {
        if (!defaults.has(node.tabStop)) {
          if (node.choice !== undefined) defaults.set(node.tabStop, node.choice);
          else if (node.body) defaults.set(node.tabStop, render(node.body));
        }
        if (node.body) collect(node.body);
      } else if ('variable' in node && node.body) collect(node.body);
    }
  };
  const render = (list: readonly Node[]): string =>
    list
      .map((node) => {
        if ('text' in node) return node.text;
        if ('tabStop' in node) {
          const given = values.tabStops?.[node.tabStop];
          if (given !== undefined) return given;
          return defaults.get(node.tabStop) ?? (node.body ? render(node.body) : '');
        }
        const value = values.variables[node.variable];
        if (value !== undefined) return value;
        if (node.body) return render(node.body);
        throw new UnknownSnippetVariableError(`The snippet uses the variable ${node.variable}, which has no value.`);
      })
      .join('');
  collect(nodes);
  return render(nodes);
}

class Parser {
  private index = 0;

  constructor(private readonly source: string) {}

  parse(): Node[] {
    return this.sequence(false);
  }

  private sequence(nested: boolean): Node[] {
    const nodes: Node[] = [];
    let text = '';
    const flush = (): void => {
      if (text) nodes.push({ text });
      text = '';
    };
    while (this.index < this.source.length) {
      const char = this.source[this.index]!;
      if (char === '\\' && this.index + 1 < this.source.length && '$}\\,|'.includes(this.source[this.index + 1]!)) {
        text += this.source[this.index + 1];
        this.index += 2;
        continue;
      }
      if (nested && char === '}') break;
      if (char === '$') {
        const node = this.dollar();
        if (node) {
          flush();
          nodes.push(node);
          continue;
        }
      }
      text += char;
      this.index++;
    }
    flush();
    return nodes;
  }

  /** Reads `$1`, `${1}`, `${1:x}`, `${1|a,b|}`, `$NAME`, `${NAME}`, `${NAME:x}`; undefined for a plain `$`. */
  private dollar(): Node | undefined {
    const rest = this.source.slice(this.index + 1);
    const bare = /^(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
    if (bare) {
      this.index += 1 + bare[1]!.length;
      return /^\d/.test(bare[1]!) ? { tabStop: Number(bare[1]), body: undefined } : { variable: bare[1]!, body: undefined };
    }
    const braced = /^\{(\d+|[A-Za-z_][A-Za-z0-9_]*)([:|}])/.exec(rest);
    if (!braced) return undefined;
    const name = braced[1]!;
    const isTabStop = /^\d/.test(name);
    this.index += 1 + braced[0].length;
    if (braced[2] === '}') return isTabStop ? { tabStop: Number(name), body: undefined } : { variable: name, body: undefined };
    if (braced[2] === '|') {
      const end = this.source.indexOf('|}', this.index);
      if (end < 0) throw new Error(`Unclosed choice for tab stop ${name}.`);
      const options = this.source.slice(this.index, end).split(',');
      this.index = end + 2;
      return { tabStop: Number(name), body: undefined, choice: options[0] ?? '' };
    }
    const body = this.sequence(true);
    if (this.source[this.index] !== '}') throw new Error(`Unclosed placeholder \${${name}:...`);
    this.index++;
    return isTabStop ? { tabStop: Number(name), body } : { variable: name, body };
  }
}
