import { runHub, UsageError } from './run-hub';

runHub(process.argv.slice(2)).catch((err: unknown) => {
  const usage = err instanceof UsageError || String((err as { code?: string }).code).startsWith('ERR_PARSE_ARGS');
  process.stderr.write(`${usage ? '' : 'The CollectDesk hub could not start: '}${(err as Error).message}\n`);
  process.exit(usage ? 2 : 1);
});
