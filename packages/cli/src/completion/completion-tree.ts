import type { Command } from 'commander';

/** What a shell needs to know of one command to complete what follows it. */
export interface CompletedCommand {
  /** The words from the program to this command: `['timer', 'start']`; empty for the program itself. */
  path: string[];
  description: string;
  subcommands: Array<{ name: string; description: string }>;
  options: Array<{ flags: string[]; description: string; takesValue: boolean; activity: boolean }>;
  /** The 1-based positions of the arguments that name an activity. */
  activityArguments: number[];
}

/**
 * Whether an argument names an activity, so that the shell offers the names in use. Commands say
 * `<activity>`; the activity group's commands that find one say `<name>` (but `activity add` names
 * a new one).
 */
function namesActivity(path: readonly string[], argument: string): boolean {
  return argument === 'activity' || (path[0] === 'activity' && path[1] !== 'add' && argument === 'name');
}

/**
 * The program's commands, options and arguments, read from commander's tree, one entry per
 * command (the program first), hidden ones left out.
 *
 * @example completionTree(program).find(({ path }) => path.join(' ') === 'timer start')?.activityArguments // [1]
 */
export function completionTree(program: Command): CompletedCommand[] {
  const commands: CompletedCommand[] = [];
  // commander's own view of what help lists: hidden commands and options left out, help added.
  const help = program.createHelp();
  const visit = (command: Command, path: string[]) => {
    const visible = help.visibleCommands(command);
    commands.push({
      path,
      description: command.description(),
      subcommands: visible.map((sub) => ({ name: sub.name(), description: sub.description() })),
      options: help.visibleOptions(command).map((option) => ({
        flags: [option.short, option.long].filter((flag): flag is string => flag !== undefined),
        description: option.description,
        takesValue: option.required || option.optional,
        activity: option.long === '--activity',
      })),
      activityArguments: command.registeredArguments.flatMap((argument, index) =>
        namesActivity(path, argument.name()) ? [index + 1] : [],
      ),
    });
    for (const sub of visible) if (sub.name() !== 'help') visit(sub, [...path, sub.name()]);
  };
  visit(program, []);
  return commands;
}
