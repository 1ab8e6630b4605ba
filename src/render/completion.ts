/**
 * Shell completion scripts, generated from the command registry, so commands,
 * options and their values never drift from what the CLI accepts. Item and
 * project IDs come from the roadmap in use at completion time (`roadmap
 * completion ids`, with the same --file as the line being completed).
 */

/** What an option's value is, for completing it. */
export type ValueKind = { readonly kind: 'file' } | { readonly kind: 'choice'; readonly choices: readonly string[] };

export interface CompletionOption {
  /** `--depth` */
  readonly long: string;
  readonly short?: string;
  readonly description: string;
  /** Whether it takes a value, and what kind when it is known. */
  readonly value?: ValueKind | { readonly kind: 'text' };
}

export interface CompletionCommand {
  readonly name: string;
  readonly summary: string;
  /** What its words are: roadmap IDs, file names, one of a few values, or free text. */
  readonly words: ValueKind | { readonly kind: 'ids' } | { readonly kind: 'text' } | { readonly kind: 'none' };
  readonly options: readonly CompletionOption[];
}

export interface CompletionSpec {
  readonly commands: readonly CompletionCommand[];
  /** Options of the program itself (--file, --json, ...), taken before or after the command. */
  readonly globalOptions: readonly CompletionOption[];
}

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

export function completionScript(shell: Shell, spec: CompletionSpec): string {
  if (shell === 'fish') return fishScript(spec);
  if (shell === 'zsh') return zshScript(spec);
  return bashScript(spec);
}

const names = (option: CompletionOption): string[] => (option.short ? [option.long, option.short] : [option.long]);
/** Single-quoted for a POSIX shell. */
const quoted = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;

function bashScript(spec: CompletionSpec): string {
  const globalNames = spec.globalOptions.flatMap(names);
  const globalValued = spec.globalOptions.filter((o) => o.value).flatMap(names);
  const optionCases = spec.commands
    .map((c) => `      ${c.name}) options="${[...c.options.flatMap(names), ...globalNames].join(' ')}" ;;`)
    .join('\n');
  // What the word after an option is: file names, or its choices.
  const valueCases = [
    ...spec.globalOptions.map((o) => ['*', o] as const),
    ...spec.commands.flatMap((c) => c.options.map((o) => [c.name, o] as const)),
  ]
    .filter(([, o]) => o.value?.kind === 'file' || o.value?.kind === 'choice')
    .map(([command, o]) => {
      const reply =
        o.value?.kind === 'choice'
          ? `COMPREPLY=( $(compgen -W "${o.value.choices.join(' ')}" -- "$cur") )`
          : 'COMPREPLY=( $(compgen -f -- "$cur") )';
      return `    ${command === '*' ? '*' : command}:${names(o).join(`|${command === '*' ? '*' : command}:`)}) ${reply}; return ;;`;
    })
    .join('\n');
  const wordCases = spec.commands
    .filter((c) => c.words.kind !== 'none' && c.words.kind !== 'text')
    .map((c) => {
      const w = c.words;
      const reply =
        w.kind === 'ids'
          ? 'COMPREPLY=( $(compgen -W "$(roadmap "${file[@]}" completion ids 2>/dev/null)" -- "$cur") )'
          : w.kind === 'file'
            ? 'COMPREPLY=( $(compgen -f -- "$cur") )'
            : `COMPREPLY=( $(compgen -W "${w.kind === 'choice' ? w.choices.join(' ') : ''}" -- "$cur") )`;
      return `    ${c.name}) ${reply} ;;`;
    })
    .join('\n');
  return `# roadmap completion for bash: source <(roadmap completion bash) in ~/.bashrc
_roadmap() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]}
  local command="" file=() i word
  # The command is the first word that is neither an option nor an option's value;
  # --file PATH is passed on, so IDs come from the roadmap the line will use.
  for (( i = 1; i < COMP_CWORD; i++ )); do
    word=\${COMP_WORDS[i]}
    case " ${globalValued.join(' ')} " in
      *" $word "*) [ "$word" = --file ] && file=(--file "\${COMP_WORDS[i+1]}"); i=$((i + 1)); continue ;;
    esac
    case "$word" in
      --file=*) file=("$word") ;;
      -*) ;;
      *) [ -z "$command" ] && command=$word ;;
    esac
  done
  case "\${command:-*}:$prev" in
${valueCases}
  esac
  if [ -z "$command" ]; then
    COMPREPLY=( $(compgen -W "${spec.commands.map((c) => c.name).join(' ')} ${globalNames.join(' ')}" -- "$cur") )
    return
  fi
  local options=""
  case "$command" in
${optionCases}
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=( $(compgen -W "$options" -- "$cur") )
    return
  fi
  case "$command" in
${wordCases}
  esac
}
complete -F _roadmap roadmap
`;
}

/** zsh's own completion (not bash's through bashcompinit): commands and options with their descriptions. */
function zshScript(spec: CompletionSpec): string {
  // Brackets end an option's description and a colon ends a command's name: both are escaped.
  const zshQuote = (text: string): string => text.replace(/[[\]:\\]/g, (c) => `\\${c}`);
  const zshOption = (o: CompletionOption): string[] => {
    const value =
      o.value === undefined
        ? ''
        : o.value.kind === 'file'
          ? ':file:_files'
          : o.value.kind === 'choice'
            ? `:value:(${o.value.choices.join(' ')})`
            : ':value: ';
    return names(o).map((n) => quoted(`${n}[${zshQuote(o.description)}]${value}`));
  };
  const globals = spec.globalOptions.flatMap(zshOption).join(' \\\n    ');
  const commandList = spec.commands.map((c) => `    ${quoted(`${c.name}:${zshQuote(c.summary)}`)}`).join('\n');
  const perCommand = spec.commands
    .map((c) => {
      const w = c.words;
      const words =
        w.kind === 'ids'
          ? "'*:id:_roadmap_ids'"
          : w.kind === 'file'
            ? "'*:file:_files'"
            : w.kind === 'choice'
              ? `'1:value:(${w.choices.join(' ')})'`
              : '';
      return `    (${c.name}) _arguments ${[...c.options.flatMap(zshOption), words].filter((x) => x !== '').join(' ')} ;;`;
    })
    .join('\n');
  return `#compdef roadmap
# roadmap completion for zsh: source <(roadmap completion zsh) in ~/.zshrc, after compinit
_roadmap_ids() {
  local -a file ids
  local i
  for (( i = 1; i < \${#words}; i++ )); do
    [[ \${words[i]} == --file ]] && file=(--file \${words[i+1]})
    [[ \${words[i]} == --file=* ]] && file=(\${words[i]})
  done
  ids=(\${(f)"$(roadmap $file completion ids 2>/dev/null)"})
  compadd -a ids
}
_roadmap() {
  local -a commands
  commands=(
${commandList}
  )
  _arguments -C \\
    ${globals} \\
    '(-): :->command' \\
    '(-)*:: :->args'
  case $state in
    (command) _describe command commands ;;
    (args)
      case \${words[1]} in
${perCommand}
      esac ;;
  esac
}
compdef _roadmap roadmap
`;
}

function fishScript(spec: CompletionSpec): string {
  const lines = ['# roadmap completion for fish: roadmap completion fish | source', 'complete -c roadmap -f'];
  const optionLine = (o: CompletionOption, condition?: string): string => {
    const parts = ['complete -c roadmap'];
    if (condition) parts.push(`-n ${quoted(condition)}`);
    parts.push(`-l ${o.long.slice(2)}`);
    if (o.short) parts.push(`-s ${o.short.slice(1)}`);
    if (o.value?.kind === 'file') parts.push('-r -F');
    else if (o.value?.kind === 'choice') parts.push(`-x -a ${quoted(o.value.choices.join(' '))}`);
    else if (o.value) parts.push('-x');
    parts.push(`-d ${quoted(o.description)}`);
    return parts.join(' ');
  };
  for (const c of spec.commands) {
    lines.push(`complete -c roadmap -n __fish_use_subcommand -a ${c.name} -d ${quoted(c.summary)}`);
  }
  for (const c of spec.commands) {
    const seen = `__fish_seen_subcommand_from ${c.name}`;
    const w = c.words;
    if (w.kind === 'ids') {
      lines.push(`complete -c roadmap -n ${quoted(seen)} -a '(roadmap completion ids 2>/dev/null)'`);
    } else if (w.kind === 'file') lines.push(`complete -c roadmap -n ${quoted(seen)} -F`);
    else if (w.kind === 'choice')
      lines.push(`complete -c roadmap -n ${quoted(seen)} -a ${quoted(w.choices.join(' '))}`);
    for (const o of c.options) lines.push(optionLine(o, seen));
  }
  for (const o of spec.globalOptions) lines.push(optionLine(o));
  return `${lines.join('\n')}\n`;
}
