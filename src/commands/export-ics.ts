// PLACEHOLDER: being written now.
import { UserError } from '../errors';
export async function exportIcs(..._args: unknown[]): Promise<void> {
  throw new UserError('not available yet');
}
