import type { CompletedCommand } from './completion-tree.js';

export const completionShells = ['bash', 'zsh', 'fish'] as const;
export type CompletionShell = (typeof completionShells)[number];

/** A word for a shell's single quotes: bash and zsh end the quote, add a quoted quote, and go on. */
const single = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;
/** fish's single quotes take a backslash before a quote or a backslash. */
const fishSingle = (text: string) => `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;

const key = (command: CompletedCommand) => command.path.join(' ');

/**
 * A POSIX-style `case` function of bash and zsh alike: for each command path, the words it gives
 * (`_bigrock_options 'timer start'` prints `--note --tag ...`).
 */
function caseFunction(name: string, commands: readonly CompletedCommand[], words: (c: CompletedCommand) => string[]) {
  const cases = commands
    .map((command) => ({ command, list: words(command) }))
    .filter(({ list }) => list.length > 0)
    .map(({ command, list }) => `    ${single(key(command))}) echo ${single(list.join(' '))} ;;`);
  return [`${name}() {`, '  case "$1" in', ...cases, '  esac', '}'].join('\n');
}

/** The data functions both bash and zsh read: subcommands, options, and where activities go. */
function dataFunctions(commands: readonly CompletedCommand[]): string {
  return [
    caseFunction('_bigrock_subcommands', commands, (c) => c.subcommands.map(({ name }) => name)),
    caseFunction('_bigrock_options', commands, (c) => c.options.flatMap(({ flags }) => flags)),
    caseFunction('_bigrock_value_options', commands, (c) =>
      c.options.filter(({ takesValue }) => takesValue).flatMap(({ flags }) => flags),
    ),
    caseFunction('_bigrock_activity_options', commands, (c) =>
      c.options.filter(({ activity }) => activity).flatMap(({ flags }) => flags),
    ),
    caseFunction('_bigrock_activity_arguments', commands, (c) => c.activityArguments.map(String)),
    '_bigrock_in() {\n  local needle="$1" item\n  shift\n  for item in "$@"; do [[ "$item" == "$needle" ]] && return 0; done\n  return 1\n}',
  ].join('\n\n');
}

/**
 * Reads the words before the cursor (in `$@`): sets `cmd_path` (`timer start`), `positional` (how
 * many arguments are given) and `value_of` (the option whose value is being typed, if any).
 * Written once for bash and zsh: no array indexing, whose base differs between them.
 */
const walkWords = `_bigrock_walk() {
  cmd_path="" positional=0 value_of=""
  local word
  for word in "$@"; do
    if [[ -n "$value_of" ]]; then
      value_of=""
    elif [[ "$word" == -* ]]; then
      if [[ "$word" != *=* ]] && _bigrock_in "$word" $(_bigrock_value_options "$cmd_path"); then value_of="$word"; fi
    elif [[ $positional -eq 0 ]] && _bigrock_in "$word" $(_bigrock_subcommands "$cmd_path"); then
      cmd_path="\${cmd_path:+$cmd_path }$word"
    else
      positional=$((positional + 1))
    fi
  done
}`;

function bashScript(commands: readonly CompletedCommand[]): string {
  return `# bash completion for bigrock. Load it with:
#   source <(bigrock completion bash)
# or save it: bigrock completion bash > ~/.local/share/bash-completion/completions/bigrock

${dataFunctions(commands)}

${walkWords}

# The activities in use whose names start with what is typed, whatever its case, from bigrock
# itself (it reads the database; no server needs to run).
_bigrock_activities() {
  local typed="\${1#[\\"\\']}" name
  while IFS= read -r name; do
    if [[ "\${name,,}" == "\${typed,,}"* ]]; then COMPREPLY+=("$(printf '%q' "$name")"); fi
  done < <("$2" __complete activities 2>/dev/null)
}

_bigrock() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" cmd_path positional value_of
  _bigrock_walk "\${COMP_WORDS[@]:1:COMP_CWORD-1}"
  COMPREPLY=()
  if [[ -n "$value_of" ]]; then
    if _bigrock_in "$value_of" $(_bigrock_activity_options "$cmd_path"); then
      _bigrock_activities "$cur" "\${COMP_WORDS[0]}"
    else
      compopt -o default 2>/dev/null
    fi
    return 0
  fi
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$(_bigrock_options "$cmd_path")" -- "$cur"))
    return 0
  fi
  local subcommands
  subcommands="$(_bigrock_subcommands "$cmd_path")"
  if [[ -n "$subcommands" && $positional -eq 0 ]]; then
    COMPREPLY=($(compgen -W "$subcommands" -- "$cur"))
  elif _bigrock_in "$((positional + 1))" $(_bigrock_activity_arguments "$cmd_path"); then
    _bigrock_activities "$cur" "\${COMP_WORDS[0]}"
  else
    compopt -o default 2>/dev/null
  fi
  return 0
}

complete -F _bigrock bigrock
`;
}

function zshScript(commands: readonly CompletedCommand[]): string {
  return `#compdef bigrock
# zsh completion for bigrock. Load it after compinit in ~/.zshrc:
#   source <(bigrock completion zsh)
# or save it as _bigrock in a folder of $fpath.

${dataFunctions(commands)}

${walkWords}

_bigrock() {
  # cmd_path, not path: zsh ties $path to $PATH.
  local cmd_path positional value_of
  _bigrock_walk "\${(@)words[2,CURRENT-1]}"
  local -a names candidates
  # The activities in use, from bigrock itself (it reads the database; no server needs to run),
  # matched whatever the case of what is typed.
  if [[ -n "$value_of" ]]; then
    if _bigrock_in "$value_of" $(_bigrock_activity_options "$cmd_path"); then
      names=("\${(@f)$("\${words[1]}" __complete activities 2>/dev/null)}")
      compadd -M 'm:{a-zA-Z}={A-Za-z}' -a names
    else
      _files
    fi
    return 0
  fi
  if [[ "\${words[CURRENT]}" == -* ]]; then
    candidates=(\${=$(_bigrock_options "$cmd_path")})
    compadd -a candidates
    return 0
  fi
  local subcommands
  subcommands="$(_bigrock_subcommands "$cmd_path")"
  if [[ -n "$subcommands" && $positional -eq 0 ]]; then
    candidates=(\${=subcommands})
    compadd -a candidates
  elif _bigrock_in "$((positional + 1))" $(_bigrock_activity_arguments "$cmd_path"); then
    names=("\${(@f)$("\${words[1]}" __complete activities 2>/dev/null)}")
    compadd -M 'm:{a-zA-Z}={A-Za-z}' -a names
  else
    _files
  fi
}

if (( $+functions[compdef] )); then
  compdef _bigrock bigrock
fi
`;
}

function fishScript(commands: readonly CompletedCommand[]): string {
  const switchFunction = (name: string, words: (c: CompletedCommand) => string[]) => {
    const cases = commands
      .map((command) => ({ command, list: words(command) }))
      .filter(({ list }) => list.length > 0)
      .map(
        ({ command, list }) =>
          `        case ${fishSingle(key(command))}\n            printf '%s\\n' ${list.map(fishSingle).join(' ')}`,
      );
    return [`function ${name}`, '    switch "$argv[1]"', ...cases, '    end', 'end'].join('\n');
  };
  const lines: string[] = [];
  for (const command of commands) {
    const at = `__bigrock_at ${fishSingle(key(command))}`;
    for (const sub of command.subcommands) {
      lines.push(
        `complete -c bigrock -n ${fishSingle(`${at}; and __bigrock_positional 0`)} -a ${fishSingle(sub.name)} -d ${fishSingle(sub.description)}`,
      );
    }
    for (const option of command.options) {
      const flags = option.flags.map((flag) => (flag.startsWith('--') ? `-l ${flag.slice(2)}` : `-s ${flag.slice(1)}`));
      const value = option.activity ? ' -x -a "(__bigrock_activities)"' : option.takesValue ? ' -r' : '';
      lines.push(
        `complete -c bigrock -n ${fishSingle(at)} ${flags.join(' ')}${value} -d ${fishSingle(option.description)}`,
      );
    }
    for (const position of command.activityArguments) {
      lines.push(
        `complete -c bigrock -n ${fishSingle(`${at}; and __bigrock_positional ${position - 1}`)} -a "(__bigrock_activities)"`,
      );
    }
  }
  return `# fish completion for bigrock. Load it with:
#   bigrock completion fish | source
# or save it: bigrock completion fish > ~/.config/fish/completions/bigrock.fish

${switchFunction('__bigrock_subcommands', (c) => c.subcommands.map(({ name }) => name))}

${switchFunction('__bigrock_value_options', (c) => c.options.filter(({ takesValue }) => takesValue).flatMap(({ flags }) => flags))}

# Prints the command path (timer start) and how many arguments follow it, from the words typed.
function __bigrock_walk
    set -l cmd_path
    set -l positional 0
    set -l value_next 0
    for word in (commandline -opc)[2..-1]
        if test $value_next -eq 1
            set value_next 0
        else if string match -q -- '-*' $word
            if not string match -q -- '*=*' $word; and contains -- $word (__bigrock_value_options "$cmd_path")
                set value_next 1
            end
        else if test $positional -eq 0; and contains -- $word (__bigrock_subcommands "$cmd_path")
            set cmd_path (string join ' ' $cmd_path $word)
        else
            set positional (math $positional + 1)
        end
    end
    echo "$cmd_path"
    echo $positional
end

function __bigrock_at
    test (__bigrock_walk)[1] = "$argv[1]"
end

function __bigrock_positional
    test (__bigrock_walk)[2] -eq $argv[1]
end

# The activities in use, from bigrock itself (it reads the database; no server needs to run).
function __bigrock_activities
    set -l program (commandline -opc)[1]
    $program __complete activities 2>/dev/null
end

complete -c bigrock -f
${lines.join('\n')}
`;
}

/**
 * The completion script of a shell for the program's tree: commands and options from the tree,
 * activity names at the time of completion from `bigrock __complete activities`.
 */
export function completionScript(shell: CompletionShell, commands: readonly CompletedCommand[]): string {
  switch (shell) {
    case 'bash':
      return bashScript(commands);
    case 'zsh':
      return zshScript(commands);
    case 'fish':
      return fishScript(commands);
  }
}
