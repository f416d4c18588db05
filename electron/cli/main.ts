import { runCli } from './run-cli';

runCli(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`collectdesk: ${(err as Error).message}\n`);
    process.exit(1);
  },
);
