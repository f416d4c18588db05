import type { Output } from './output';

export interface CommandContext {
  /** the arguments after the command's own words */
  args: string[];
  env: NodeJS.ProcessEnv;
  out: Output;
}

export interface Command {
  /** the words that name it, e.g. ['user', 'add'] */
  words: string[];
  usage: string;
  summary: string;
  run(ctx: CommandContext): Promise<void>;
}
