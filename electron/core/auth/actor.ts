import type { Role } from '../../../shared/domain/roles';
import type { Via } from '../audit/audit';

/** Who performs an operation, and through which door. Every core function that reads or changes data takes one. */
export interface Actor {
  id: string;
  role: Role;
  via: Via;
}
