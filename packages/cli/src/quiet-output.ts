/**
 * A reader that stops early (`bigrock post list | head`) closes the pipe: the command ends quietly,
 * as other command-line tools do, instead of with a stack trace for EPIPE. Called by the entry points.
 */
export function endQuietlyWhenOutputCloses(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}
