/** awk's syntax tree: expressions, statements, rules and functions. */
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
