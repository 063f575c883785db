/** 备份与恢复: `fazhi backup` / `fazhi restore` (the module's entry). */
import { defineModule } from '../../platform/modules.ts';
import { registerBackupCommands } from './cli.ts';

export const backupModule = defineModule({ name: 'backup', label: '备份与恢复', cli: (program) => registerBackupCommands(program) });
