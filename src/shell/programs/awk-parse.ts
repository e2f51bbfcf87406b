/** awk's parser: POSIX awk's grammar (patterns, actions, functions, statements, expressions). */
import type { AwkProgram, Expr, Rule, Stmt } from './awk-ast';
import { lex } from './awk-lex';
import { ExprParser } from './awk-parse-expr';

export type { AwkProgram, Expr, Func, Rule, Stmt } from './awk-ast';

export function parseAwk(src: string): AwkProgram {
  return new Parser(lex(src)).program();
}

/** Programs, rules, functions and statements. */
class Parser extends ExprParser {
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
}
