// Shell completion scripts (`policy-lens completion bash|zsh|fish`), written from
// the commander program itself so a new command or option completes without
// editing this file.

import type { Command as Commander, Option } from 'commander';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

interface CommandInfo {
  name: string;
  description: string;
  options: { flags: string[]; description: string; choices?: readonly string[] }[];
}

function describe(program: Commander): CommandInfo[] {
  return program.commands.map((c) => ({
    name: c.name(),
    description: c.description(),
    options: (c.options as readonly Option[]).map((o) => ({
      flags: [o.short, o.long].filter((f): f is string => !!f),
      description: o.description,
      ...(o.argChoices ? { choices: o.argChoices } : {}),
    })),
  }));
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

function bash(info: CommandInfo[]): string {
  const cases = info
    .map((c) => {
      const flags = c.options.flatMap((o) => o.flags).join(' ');
      const choices = c.options
        .filter((o) => o.choices)
        .map((o) => `      ${o.flags.join('|')}) COMPREPLY=($(compgen -W ${quote(o.choices!.join(' '))} -- "$cur")); return ;;`)
        .join('\n');
      return `    ${c.name})\n      case "$prev" in\n${choices}\n      esac\n      if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W ${quote(flags)} -- "$cur")); else COMPREPLY=($(compgen -f -- "$cur")); fi ;;`;
    })
    .join('\n');
  return `# policy-lens completion for bash: eval "$(policy-lens completion bash)"
_policy_lens() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}"
  if [[ $COMP_CWORD -eq 1 ]]; then
    COMPREPLY=($(compgen -W ${quote(info.map((c) => c.name).join(' ') + ' --help --version')} -- "$cur")); return
  fi
  case "\${COMP_WORDS[1]}" in
${cases}
  esac
}
complete -o default -F _policy_lens policy-lens
`;
}

function zsh(info: CommandInfo[]): string {
  const esc = (s: string) => s.replace(/[[\]:']/g, (m) => `\\${m}`);
  const commands = info.map((c) => `    ${quote(`${c.name}:${esc(c.description)}`)}`).join('\n');
  const cases = info
    .map((c) => {
      const specs = c.options
        .flatMap((o) => o.flags.map((f) => `      ${quote(`${f}[${esc(o.description)}]${o.choices ? `:value:(${o.choices.join(' ')})` : ''}`)}`))
        .join(' \\\n');
      return `    ${c.name})\n      _arguments -s \\\n${specs} \\\n      '*:file:_files' ;;`;
    })
    .join('\n');
  return `#compdef policy-lens
# policy-lens completion for zsh: policy-lens completion zsh > "\${fpath[1]}/_policy-lens"
_policy_lens() {
  local -a commands
  commands=(
${commands}
  )
  if (( CURRENT == 2 )); then _describe 'command' commands; return; fi
  case "$words[2]" in
${cases}
  esac
}
compdef _policy_lens policy-lens
`;
}

function fish(info: CommandInfo[]): string {
  const lines = ['# policy-lens completion for fish: policy-lens completion fish > ~/.config/fish/completions/policy-lens.fish', 'complete -c policy-lens -f'];
  for (const c of info) {
    lines.push(`complete -c policy-lens -n __fish_use_subcommand -a ${c.name} -d ${quote(c.description)}`);
    for (const o of c.options) {
      const short = o.flags.find((f) => /^-\w$/.test(f));
      const long = o.flags.find((f) => f.startsWith('--'));
      const parts = [`complete -c policy-lens -n ${quote(`__fish_seen_subcommand_from ${c.name}`)}`];
      if (short) parts.push(`-s ${short.slice(1)}`);
      if (long) parts.push(`-l ${long.slice(2)}`);
      if (o.choices) parts.push(`-xa ${quote(o.choices.join(' '))}`);
      parts.push(`-d ${quote(o.description)}`);
      lines.push(parts.join(' '));
    }
    lines.push(`complete -c policy-lens -n ${quote(`__fish_seen_subcommand_from ${c.name}`)} -F`);
  }
  return lines.join('\n') + '\n';
}

export function completionScript(shell: Shell, program: Commander): string {
  const info = describe(program);
  return shell === 'bash' ? bash(info) : shell === 'zsh' ? zsh(info) : fish(info);
}
