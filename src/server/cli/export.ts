import fs from 'node:fs';
import { once } from 'node:events';
import { stringify } from 'csv-stringify/sync';
import { csvSafe } from '../records/csv-formula.ts';
import ExcelJS from 'exceljs';
import type { Database } from '../db/connect.ts';
import { getObject } from '../records/registry.ts';
import { visibleFields } from '../records/fields.ts';
import { columnCell, iterateRecords, withLinkNames } from '../records/export.ts';
import { cliActor } from './actor.ts';

/** `guanxi export`: every record the acting user may see, with the fields they may read. */
export async function exportFile(database: Database, o: { object: string; file: string; as?: string }): Promise<number> {
  const { db } = database;
  const actor = await cliActor(db, o.as);
  const def = getObject(o.object);
  const fields = await visibleFields(db, def, actor);
  const columns = withLinkNames(['id', ...fields.map((f) => f.key)], fields);
  const header = columns.map((c) => c.key);
  let n = 0;
  if (o.file.endsWith('.xlsx')) {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: o.file, useSharedStrings: false, useStyles: false });
    const ws = wb.addWorksheet(o.object);
    ws.addRow(header).commit();
    for await (const r of iterateRecords(db, def, actor, {})) {
      ws.addRow(columns.map((c) => columnCell(r, c))).commit();
      n++;
    }
    ws.commit();
    await wb.commit();
  } else {
    const out = fs.createWriteStream(o.file);
    out.write('\ufeff' + stringify([header]));
    for await (const r of iterateRecords(db, def, actor, {})) {
      if (!out.write(stringify([columns.map((c) => csvSafe(columnCell(r, c)))]))) await once(out, 'drain');
      n++;
    }
    out.end();
    await once(out, 'finish');
  }
  console.log(`exported ${n} ${o.object} to ${o.file}`);
  return 0;
}
