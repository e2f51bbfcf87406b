/** awk's expression grammar (POSIX precedence: ?: || && in ~ relational concatenation + * unary ^ ++ $), shared by the statement parser. */
import { AwkSyntaxError, type Tok } from './awk-lex';
import type { Expr } from './awk-ast';

export class ExprParser {
  protected i = 0;
  constructor(protected toks: Tok[]) {}

  protected exprList(close: string): Expr[] {
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

  protected ternary(noGt: boolean): Expr {
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

  protected or(noGt: boolean): Expr {
    let a = this.and(noGt);
    while (this.isOp('||')) { this.i++; this.nls(); a = { k: 'bin', op: '||', a, b: this.and(noGt) }; }
    return a;
  }

  protected and(noGt: boolean): Expr {
    let a = this.inExpr(noGt);
    while (this.isOp('&&')) { this.i++; this.nls(); a = { k: 'bin', op: '&&', a, b: this.inExpr(noGt) }; }
    return a;
  }

  protected inExpr(noGt: boolean): Expr {
    let a = this.matchExpr(noGt);
    while (this.isKw('in')) {
      this.i++;
      const name = this.next();
      if (name.t !== 'name') throw this.error(name);
      a = { k: 'in', subs: a.k === 'group' ? a.list : [a], name: name.v };
    }
    return a;
  }

  protected matchExpr(noGt: boolean): Expr {
    let a = this.compare(noGt);
    while (this.isOp('~') || this.isOp('!~')) {
      const neg = String(this.next().v) === '!~';
      a = { k: 'match', neg, e: a, re: this.compare(noGt) };
    }
    return a;
  }

  protected compare(noGt: boolean): Expr {
    const a = this.concat(noGt);
    const t = this.peek();
    if (t.t === 'op' && ['<', '<=', '!=', '==', '>=', '>'].includes(t.v) && !(noGt && t.v === '>')) {
      this.i++;
      return { k: 'bin', op: t.v, a, b: this.concat(noGt) };
    }
    return a;
  }

  protected concat(noGt: boolean): Expr {
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

  protected additive(): Expr {
    let a = this.multiplicative();
    while (this.isOp('+') || this.isOp('-')) { const op = String(this.next().v); a = { k: 'bin', op, a, b: this.multiplicative() }; }
    return a;
  }

  protected multiplicative(): Expr {
    let a = this.unary();
    while (this.isOp('*') || this.isOp('/') || this.isOp('%')) { const op = String(this.next().v); a = { k: 'bin', op, a, b: this.unary() }; }
    return a;
  }

  protected unary(): Expr {
    if (this.isOp('!') || this.isOp('-') || this.isOp('+')) { const op = String(this.next().v); return { k: 'unary', op, e: this.unary() }; }
    return this.power();
  }

  protected power(): Expr {
    const a = this.postfix();
    if (this.isOp('^')) { this.i++; return { k: 'bin', op: '^', a, b: this.unaryPower() }; }
    return a;
  }

  protected unaryPower(): Expr {
    if (this.isOp('-') || this.isOp('+') || this.isOp('!')) { const op = String(this.next().v); return { k: 'unary', op, e: this.unaryPower() }; }
    return this.power();
  }

  protected postfix(): Expr {
    if (this.isOp('++') || this.isOp('--')) { const op = String(this.next().v); return { k: 'incdec', op, prefix: true, target: this.lvalue(this.primary()) }; }
    const e = this.primary();
    if ((this.isOp('++') || this.isOp('--')) && ['var', 'field', 'index'].includes(e.k)) return { k: 'incdec', op: String(this.next().v), prefix: false, target: e };
    return e;
  }

  protected lvalue(e: Expr): Expr {
    if (!['var', 'field', 'index'].includes(e.k)) throw this.error(this.peek());
    return e;
  }

  protected primary(): Expr {
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


  protected endsStmt(): boolean {
    const t = this.peek();
    return t.t === 'nl' || t.t === 'eof' || (t.t === 'op' && (t.v === ';' || t.v === '}'));
  }

  protected terms(): void {
    while (this.peek().t === 'nl' || this.isOp(';')) this.i++;
  }

  protected nls(): void {
    while (this.peek().t === 'nl') this.i++;
  }

  protected expect(v: string): void {
    const t = this.next();
    if (t.v !== v || (t.t !== 'op')) throw this.error(t);
  }

  protected next(): Tok { return this.toks[this.i++] ?? this.toks[this.toks.length - 1]; }
  protected peek(): Tok { return this.toks[this.i] ?? this.toks[this.toks.length - 1]; }
  protected isOp(v: string): boolean { const t = this.peek(); return t.t === 'op' && t.v === v; }
  protected isKw(v: string): boolean { const t = this.peek(); return t.t === 'kw' && t.v === v; }

  protected error(t: Tok): AwkSyntaxError {
    if (t.t === 'eof') return new AwkSyntaxError('end of file', t.line);
    if (t.t === 'nl') return new AwkSyntaxError('end of line', t.line);
    if (t.t === 'str') return new AwkSyntaxError(`"${t.v}"`, t.line);
    return new AwkSyntaxError(String(t.v), t.line);
  }
}
