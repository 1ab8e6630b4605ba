/**
 * Shell completion scripts. They are generated from the commander program, so
 * commands and options never drift from what the CLI accepts; item and project
 * IDs come from the active roadmap at completion time (`roadmap completion ids`).
 */

export interface CompletionSpec {
  /** Command names, and for each the options it takes (long and short forms). */
  readonly commands: readonly { readonly name: string; readonly options: readonly string[] }[];
  /** Options of the program itself. */
  readonly globalOptions: readonly string[];
}

/** Commands whose arguments are roadmap IDs, and the one whose argument is a file. */
const TAKES_IDS = ['done', 'undone', 'start', 'skip', 'note', 'review', 'list', 'project'];
const TAKES_FILE = ['use'];

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

export function completionScript(shell: Shell, spec: CompletionSpec): string {
  return shell === 'fish' ? fishScript(spec) : bashScript(spec, shell === 'zsh');
}

function bashScript(spec: CompletionSpec, zsh: boolean): string {
  const names = spec.commands.map((c) => c.name).join(' ');
  const optionCases = spec.commands
    .map((c) => `      ${c.name}) options="${[...c.options, ...spec.globalOptions].join(' ')}" ;;`)
    .join('\n');
  return `${zsh ? '# roadmap completion for zsh: source <(roadmap completion zsh) in ~/.zshrc, after compinit\nautoload -U +X bashcompinit && bashcompinit\n' : '# roadmap completion for bash: source <(roadmap completion bash)\n'}_roadmap() {
  local cur=\${COMP_WORDS[COMP_CWORD]}
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=( $(compgen -W "${names} ${spec.globalOptions.join(' ')}" -- "$cur") )
    return
  fi
  local command=\${COMP_WORDS[1]} options=""
  case "$command" in
${optionCases}
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=( $(compgen -W "$options" -- "$cur") )
  elif [[ " ${TAKES_IDS.join(' ')} " == *" $command "* ]]; then
    COMPREPLY=( $(compgen -W "$(roadmap completion ids 2>/dev/null)" -- "$cur") )
  elif [[ " ${TAKES_FILE.join(' ')} " == *" $command "* ]]; then
    COMPREPLY=( $(compgen -f -- "$cur") )
  fi
}
complete -F _roadmap roadmap
`;
}

function fishScript(spec: CompletionSpec): string {
  const lines = ['# roadmap completion for fish: roadmap completion fish | source', 'complete -c roadmap -f'];
  for (const c of spec.commands) lines.push(`complete -c roadmap -n __fish_use_subcommand -a ${c.name}`);
  for (const name of TAKES_IDS) {
    lines.push(
      `complete -c roadmap -n '__fish_seen_subcommand_from ${name}' -a '(roadmap completion ids 2>/dev/null)'`,
    );
  }
  for (const name of TAKES_FILE) lines.push(`complete -c roadmap -n '__fish_seen_subcommand_from ${name}' -F`);
  for (const c of spec.commands) {
    for (const option of c.options.filter((o) => o.startsWith('--'))) {
      lines.push(`complete -c roadmap -n '__fish_seen_subcommand_from ${c.name}' -l ${option.slice(2)}`);
    }
  }
  for (const option of spec.globalOptions.filter((o) => o.startsWith('--'))) {
    lines.push(`complete -c roadmap -l ${option.slice(2)}`);
  }
  return `${lines.join('\n')}\n`;
}
