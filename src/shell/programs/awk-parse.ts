/** awk's parser: POSIX awk's grammar (patterns, actions, functions, statements, expressions). */
import { AwkSyntaxError, lex, type Tok } from './awk-lex';

export type Expr =
  | { k: 'num'; v: number } | { k: 'str'; v: string } | { k: 're'; v: string }
  | { k: 'var'; name: string } | { k: 'field'; e: Expr } | { k: 'index'; name: string; subs: Expr[] }
  | { k: 'assign'; op: string; target: Expr; e: Expr }
  | { k: 'cond'; c: Expr; a: Expr; b: Expr }
  | { k: 'bin'; op: string; a: Expr; b: Expr }
  | { k: 'unary'; op: string; e: Expr }
  | { k: 'match'; neg: boolean; e: Expr; re: Expr }
  | { k: 'in'; subs: Expr[]; name: string }
  | { k: 'incdec'; op: string; prefix: boolean; target: Expr }
  | { k: 'call'; name: string; args: Expr[] }
  | { k: 'ucall'; name: string; args: Expr[] }
  | { k: 'group'; list: Expr[] }
  | { k: 'getline'; target?: Expr; file?: Expr };

export type Stmt =
  | { k: 'expr'; e: Expr }
  | { k: 'print'; printf: boolean; args: Expr[]; redirect?: { op: string; e: Expr } }
  | { k: 'if'; c: Expr; t: Stmt; f?: Stmt }
  | { k: 'while'; c: Expr; body: Stmt }
  | { k: 'do'; body: Stmt; c: Expr }
  | { k: 'for'; init?: Stmt; c?: Expr; step?: Stmt; body: Stmt }
  | { k: 'forin'; v: Expr; arr: string; body: Stmt }
  | { k: 'block'; body: Stmt[] }
  | { k: 'next' } | { k: 'break' } | { k: 'continue' }
  | { k: 'exit'; e?: Expr } | { k: 'return'; e?: Expr }
  | { k: 'delete'; name: string; subs?: Expr[] };

export interface Rule { pattern?: Expr; pattern2?: Expr; body?: Stmt }
export interface Func { params: string[]; body: Stmt }
export interface AwkProgram { begin: Stmt[]; end: Stmt[]; rules: Rule[]; funcs: Map<string, Func> }

export function parseAwk(src: string): AwkProgram {
  return new Parser(lex(src)).program();
}

class Parser {
  private i = 0;
  constructor(private toks: Tok[]) {}

  program(): AwkProgram {
    const prog: AwkProgram = { begin: [], end: [], rules: [], funcs: new Map() };
    this.terms();
    while (this.peek().t !== 'eof') {
      if (this.isKw('BEGIN')) { this.i++; prog.begin.push(this.block()); }
      else if (this.isKw('END')) { this.i++; prog.end.push(this.block()); }
      else if (this.isKw('function')) {
        this.i++;
        const name = this.next();
        if (name.t !== 'name' && name.t !== 'funcname') throw this.error(name);
        this.expect('(');
        const params: string[] = [];
        while (!this.isOp(')')) {
          const p = this.next();
          if (p.t !== 'name') throw this.error(p);
          params.push(p.v);
          if (this.isOp(',')) { this.i++; this.nls(); }
        }
        this.expect(')');
        this.nls();
        prog.funcs.set(name.v, { params, body: this.block() });
      } else if (this.isOp('{')) {
        prog.rules.push({ body: this.block() });
      } else {
        const rule: Rule = { pattern: this.expr() };
        if (this.isOp(',')) { this.i++; this.nls(); rule.pattern2 = this.expr(); }
        if (this.isOp('{')) rule.body = this.block();
        prog.rules.push(rule);
      }
      this.terms();
    }
    return prog;
  }

  private block(): Stmt {
    this.expect('{');
    const body: Stmt[] = [];
    this.terms();
    while (!this.isOp('}')) {
      body.push(this.stmt());
      this.terms();
    }
    this.expect('}');
    return { k: 'block', body };
  }

  private stmt(): Stmt {
    const t = this.peek();
    if (this.isOp('{')) return this.block();
    if (t.t === 'kw') {
      switch (t.v) {
        case 'if': {
          this.i++;
          this.expect('(');
          const c = this.expr();
          this.expect(')');
          this.nls();
          const then = this.stmt();
          const save = this.i;
          this.terms();
          if (this.isKw('else')) { this.i++; this.nls(); return { k: 'if', c, t: then, f: this.stmt() }; }
          this.i = save;
          return { k: 'if', c, t: then };
        }
        case 'while': {
          this.i++;
          this.expect('(');
          const c = this.expr();
          this.expect(')');
          if (this.isOp(';')) { this.i++; return { k: 'while', c, body: { k: 'block', body: [] } }; }
          this.nls();
          return { k: 'while', c, body: this.stmt() };
        }
        case 'do': {
          this.i++;
          this.nls();
          const body = this.stmt();
          this.terms();
          if (!this.isKw('while')) throw this.error(this.peek());
          this.i++;
          this.expect('(');
          const c = this.expr();
          this.expect(')');
          return { k: 'do', body, c };
        }
        case 'for': return this.forStmt();
        case 'next': case 'nextfile': this.i++; return { k: 'next' };
        case 'break': this.i++; return { k: 'break' };
        case 'continue': this.i++; return { k: 'continue' };
        case 'exit': case 'return': {
          this.i++;
          const e = this.endsStmt() ? undefined : this.expr();
          return t.v === 'exit' ? { k: 'exit', e } : { k: 'return', e };
        }
        case 'delete': {
          this.i++;
          const name = this.next();
          if (name.t !== 'name') throw this.error(name);
          if (!this.isOp('[')) return { k: 'delete', name: name.v };
          this.i++;
          const subs = this.exprList(']');
          return { k: 'delete', name: name.v, subs };
        }
        case 'print': case 'printf': return this.print(t.v === 'printf');
      }
    }
    if (this.isOp(';')) return { k: 'block', body: [] };
    return { k: 'expr', e: this.expr() };
  }

  private forStmt(): Stmt {
    this.i++;
    this.expect('(');
    const save = this.i;
    const v = this.peek();
    if (v.t === 'name' && this.toks[this.i + 1].v === 'in' && this.toks[this.i + 2].t === 'name' && this.toks[this.i + 3].v === ')') {
      this.i += 4;
      this.nls();
      return { k: 'forin', v: { k: 'var', name: v.v }, arr: (this.toks[save + 2] as { v: string }).v, body: this.stmt() };
    }
    const init = this.isOp(';') ? undefined : this.simple();
    this.expect(';');
    this.nls();
    const c = this.isOp(';') ? undefined : this.expr();
    this.expect(';');
    this.nls();
    const step = this.isOp(')') ? undefined : this.simple();
    this.expect(')');
    if (this.isOp(';')) { this.i++; return { k: 'for', init, c, step, body: { k: 'block', body: [] } }; }
    this.nls();
    return { k: 'for', init, c, step, body: this.stmt() };
  }

  private simple(): Stmt {
    return { k: 'expr', e: this.expr() };
  }

  private print(printf: boolean): Stmt {
    this.i++;
    let args: Expr[] = [];
    if (!this.endsStmt() && !this.isOp('>') && !this.isOp('>>') && !this.isOp('|')) {
      args = [this.expr(true)];
      while (this.isOp(',')) { this.i++; this.nls(); args.push(this.expr(true)); }
    }
    if (args.length === 1 && args[0].k === 'group') args = args[0].list;
    let redirect: { op: string; e: Expr } | undefined;
    if (this.isOp('>') || this.isOp('>>') || this.isOp('|')) {
      const op = String(this.next().v);
      redirect = { op, e: this.concat(true) };
    }
    return { k: 'print', printf, args, redirect };
  }

  private exprList(close: string): Expr[] {
    const list = [this.expr()];
    while (this.isOp(',')) { this.i++; this.nls(); list.push(this.expr()); }
    this.expect(close);
    return list;
  }

  /** `noGt`: inside print, a bare `>` is a redirection. */
  expr(noGt = false): Expr {
    const left = this.ternary(noGt);
    const t = this.peek();
    if (t.t === 'op' && /^([-+*/%^]?=)$/.test(t.v)) {
      if (!['var', 'field', 'index'].includes(left.k)) throw this.error(t);
      this.i++;
      this.nls();
      return { k: 'assign', op: t.v, target: left, e: this.expr(noGt) };
    }
    return left;
  }

  private ternary(noGt: boolean): Expr {
    const c = this.or(noGt);
    if (!this.isOp('?')) return c;
    this.i++;
    this.nls();
    const a = this.expr(noGt);
    this.nls();
    this.expect(':');
    this.nls();
    return { k: 'cond', c, a, b: this.expr(noGt) };
  }

  private or(noGt: boolean): Expr {
    let a = this.and(noGt);
    while (this.isOp('||')) { this.i++; this.nls(); a = { k: 'bin', op: '||', a, b: this.and(noGt) }; }
    return a;
  }

  private and(noGt: boolean): Expr {
    let a = this.inExpr(noGt);
    while (this.isOp('&&')) { this.i++; this.nls(); a = { k: 'bin', op: '&&', a, b: this.inExpr(noGt) }; }
    return a;
  }

  private inExpr(noGt: boolean): Expr {
    let a = this.matchExpr(noGt);
    while (this.isKw('in')) {
      this.i++;
      const name = this.next();
      if (name.t !== 'name') throw this.error(name);
      a = { k: 'in', subs: a.k === 'group' ? a.list : [a], name: name.v };
    }
    return a;
  }

  private matchExpr(noGt: boolean): Expr {
    let a = this.compare(noGt);
    while (this.isOp('~') || this.isOp('!~')) {
      const neg = String(this.next().v) === '!~';
      a = { k: 'match', neg, e: a, re: this.compare(noGt) };
    }
    return a;
  }

  private compare(noGt: boolean): Expr {
    const a = this.concat(noGt);
    const t = this.peek();
    if (t.t === 'op' && ['<', '<=', '!=', '==', '>=', '>'].includes(t.v) && !(noGt && t.v === '>')) {
      this.i++;
      return { k: 'bin', op: t.v, a, b: this.concat(noGt) };
    }
    return a;
  }

  private concat(noGt: boolean): Expr {
    let a = this.additive();
    for (;;) {
      const t = this.peek();
      // An operand that starts right after one concatenates (`-`, `+`, `!` are operators here).
      const starts = t.t === 'num' || t.t === 'str' || t.t === 're' || t.t === 'name' || t.t === 'func' || t.t === 'funcname'
        || (t.t === 'kw' && t.v === 'getline') || (t.t === 'op' && ['$', '(', '++', '--'].includes(t.v));
      if (!starts || (noGt && t.t === 'kw')) return a;
      a = { k: 'bin', op: 'concat', a, b: this.additive() };
    }
  }

  private additive(): Expr {
    let a = this.multiplicative();
    while (this.isOp('+') || this.isOp('-')) { const op = String(this.next().v); a = { k: 'bin', op, a, b: this.multiplicative() }; }
    return a;
  }

  private multiplicative(): Expr {
    let a = this.unary();
    while (this.isOp('*') || this.isOp('/') || this.isOp('%')) { const op = String(this.next().v); a = { k: 'bin', op, a, b: this.unary() }; }
    return a;
  }

  private unary(): Expr {
    if (this.isOp('!') || this.isOp('-') || this.isOp('+')) { const op = String(this.next().v); return { k: 'unary', op, e: this.unary() }; }
    return this.power();
  }

  private power(): Expr {
    const a = this.postfix();
    if (this.isOp('^')) { this.i++; return { k: 'bin', op: '^', a, b: this.unaryPower() }; }
    return a;
  }

  private unaryPower(): Expr {
    if (this.isOp('-') || this.isOp('+') || this.isOp('!')) { const op = String(this.next().v); return { k: 'unary', op, e: this.unaryPower() }; }
    return this.power();
  }

  private postfix(): Expr {
    if (this.isOp('++') || this.isOp('--')) { const op = String(this.next().v); return { k: 'incdec', op, prefix: true, target: this.lvalue(this.primary()) }; }
    const e = this.primary();
    if ((this.isOp('++') || this.isOp('--')) && ['var', 'field', 'index'].includes(e.k)) return { k: 'incdec', op: String(this.next().v), prefix: false, target: e };
    return e;
  }

  private lvalue(e: Expr): Expr {
    if (!['var', 'field', 'index'].includes(e.k)) throw this.error(this.peek());
    return e;
  }

  private primary(): Expr {
    const t = this.next();
    switch (t.t) {
      case 'num': return { k: 'num', v: t.v };
      case 'str': return { k: 'str', v: t.v };
      case 're': return { k: 're', v: t.v };
      case 'name':
        if (this.isOp('[')) { this.i++; return { k: 'index', name: t.v, subs: this.exprList(']') }; }
        return { k: 'var', name: t.v };
      case 'funcname': {
        this.expect('(');
        const args = this.isOp(')') ? (this.i++, []) : this.exprList(')');
        return { k: 'ucall', name: t.v, args };
      }
      case 'func': {
        if (!this.isOp('(')) return { k: 'call', name: t.v, args: [] };
        this.i++;
        const args = this.isOp(')') ? (this.i++, []) : this.exprList(')');
        return { k: 'call', name: t.v, args };
      }
      case 'kw':
        if (t.v === 'getline') {
          const target = this.peek().t === 'name' || this.isOp('$') ? this.postfix() : undefined;
          if (this.isOp('<')) { this.i++; return { k: 'getline', target, file: this.primary() }; }
          return { k: 'getline', target };
        }
        break;
      case 'op':
        if (t.v === '$') return { k: 'field', e: this.isOp('++') || this.isOp('--') ? this.postfix() : this.primary() };
        if (t.v === '(') {
          this.nls();
          const list = [this.expr()];
          while (this.isOp(',')) { this.i++; this.nls(); list.push(this.expr()); }
          this.nls();
          this.expect(')');
          return list.length === 1 ? list[0] : { k: 'group', list };
        }
        if (t.v === '-' || t.v === '+' || t.v === '!') return { k: 'unary', op: t.v, e: this.unary() };
    }
    throw this.error(t);
  }

  private endsStmt(): boolean {
    const t = this.peek();
    return t.t === 'nl' || t.t === 'eof' || (t.t === 'op' && (t.v === ';' || t.v === '}'));
  }

  private terms(): void {
    while (this.peek().t === 'nl' || this.isOp(';')) this.i++;
  }

  private nls(): void {
    while (this.peek().t === 'nl') this.i++;
  }

  private expect(v: string): void {
    const t = this.next();
    if (t.v !== v || (t.t !== 'op')) throw this.error(t);
  }

  private next(): Tok { return this.toks[this.i++] ?? this.toks[this.toks.length - 1]; }
  private peek(): Tok { return this.toks[this.i] ?? this.toks[this.toks.length - 1]; }
  private isOp(v: string): boolean { const t = this.peek(); return t.t === 'op' && t.v === v; }
  private isKw(v: string): boolean { const t = this.peek(); return t.t === 'kw' && t.v === v; }

  private error(t: Tok): AwkSyntaxError {
    if (t.t === 'eof') return new AwkSyntaxError('end of file', t.line);
    if (t.t === 'nl') return new AwkSyntaxError('end of line', t.line);
    if (t.t === 'str') return new AwkSyntaxError(`"${t.v}"`, t.line);
    return new AwkSyntaxError(String(t.v), t.line);
  }
}
