/**
 * The slice of Monaco the YAML editor uses (imported for their side effects, lazily, by
 * monaco-setup.ts). The full `monaco-editor` entry would pull every language and worker.
 */
import 'monaco-editor/languages/definitions/yaml/register';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/editor/contrib/suggest/browser/suggestController.js';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/format/register';
import 'monaco-editor/features/wordHighlighter/register';
import 'monaco-editor/features/toggleTabFocusMode/register';
