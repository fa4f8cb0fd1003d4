// Commands of the trust work, declared here and loaded lazily.
import type { Command } from 'commander';
import type { Context } from '../context';

export function registerTrust(program: Command, context: (command: Command) => Context): void {
  program.command('log')
    .description('the change log, newest first: when, who, which command, what changed')
    .argument('[what]', 'only changes of this person or case and the records linked to it (one deleted or merged away too, by the name, reference or id the log holds), or of one event, deadline, source or appeal target by its id (any unique prefix; a deleted one too)')
    .option('--limit <n>', 'how many changes to show (0 for all)', '50')
    .action(async (who, opts, cmd: Command) => (await import('./log')).log(context(cmd), who, opts));

  program.command('backup')
    .description('write a consistent, owner-only copy of the database (encrypted if it is)')
    .argument('<file>', 'where to write the copy')
    .option('--force', 'replace the file if it exists')
    .action(async (file, opts, cmd: Command) => (await import('./backup')).backup(context(cmd), file, opts));

  program.command('restore')
    .description('put a backup in the database\'s place, keeping the database as it was beside it')
    .argument('<backup>', 'the backup file (made by caselog backup; its passphrase from CASELOG_BACKUP_PASSPHRASE when it is not the database\'s)')
    .option('--force', 'replace without asking (needed without a terminal)')
    .action(async (file, opts, cmd: Command) => (await import('./restore')).restore(context(cmd), file, opts));

  program.command('doctor')
    .description('check the database: integrity, links, schema, journal mode, file permissions')
    .action(async (_opts, cmd: Command) => (await import('./doctor')).doctor(context(cmd)));

  program.command('encrypt')
    .description('encrypt the database with a passphrase (from CASELOG_PASSPHRASE, or asked on a terminal)')
    .action(async (_opts, cmd: Command) => (await import('./encrypt')).encrypt(context(cmd)));

  program.command('rekey')
    .description('change the passphrase (new one from CASELOG_NEW_PASSPHRASE, or asked twice on a terminal)')
    .action(async (_opts, cmd: Command) => (await import('./rekey')).rekey(context(cmd)));
}
