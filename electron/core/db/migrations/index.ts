import { sql as init } from './0001-init';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Numbered migrations, in order. Versions only go up; an applied migration is never edited. */
export const MIGRATIONS: readonly Migration[] = [{ version: 1, name: '0001-init', sql: init }];
