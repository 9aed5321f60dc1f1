import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../core/access.ts';
import { widgetsFor } from '../../core/widgets.ts';
import { AppError } from '../../http/errors.ts';
import type { HomePage, HomeWidget } from '../../../shared/contracts/home.ts';

/**
 * Every widget the actor gets, loaded side by side. A widget that throws answers its own error
 * (an AppError's code and message; anything else as `internal`, reported to `onError`), so one
 * broken widget never takes the page down.
 */
export async function homePage(db: Kysely<DB>, actor: Actor, onError: (key: string, err: unknown) => void): Promise<HomePage> {
  const widgets = await Promise.all(widgetsFor(actor).map(async (w): Promise<HomeWidget> => {
    const head = { key: w.key, module: w.module, labels: w.labels, size: w.size };
    try {
      return { ...head, data: await w.load(db, actor) };
    } catch (err) {
      if (err instanceof AppError) return { ...head, error: { code: err.code, message: err.message } };
      onError(w.key, err);
      return { ...head, error: { code: 'internal', message: 'This widget could not be loaded' } };
    }
  }));
  return { widgets };
}
