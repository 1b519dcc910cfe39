import { processIo } from './cli-context.js';
import { endQuietlyWhenOutputCloses } from './quiet-output.js';
import { runCli } from './program.js';

endQuietlyWhenOutputCloses();
process.exitCode = await runCli(process.argv.slice(2), processIo);
