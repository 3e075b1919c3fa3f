/**
 * Frictionless Data Package (v2) describing every CSV written, per-table CSVs included: resource
 * name/path/format/encoding/mediatype and a table schema whose fields carry Chinese titles, units and
 * OpenSpending `columnType` tags for amounts, codes and fiscal years.
 */
import type { DatasetHead } from './datasets.js';
import { PIPELINE_VERSION } from '../model/schema.js';

const PACKAGE = {
  $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
  name: 'budget-open-data',
  title: '预算公开数据',
  description: '部门预算、部门决算与预算草案公开文档中提取的结构化数据。金额单位为万元（原文以元公开的已按十进制精确换算），每条记录注明来源文件与行号。',
  version: PIPELINE_VERSION,
  licenses: [{ name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/', title: 'Creative Commons Attribution 4.0' }],
};

export function dataResource(ds: DatasetHead) {
  return {
    name: ds.name,
    path: ds.path,
    title: ds.title,
    description: ds.description,
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    dialect: { header: true, delimiter: ',', lineTerminator: '\r\n', quoteChar: '"' },
    schema: {
      fields: ds.fields.map((f) => ({
        name: f.name,
        type: f.type,
        title: f.title,
        ...(f.description ? { description: f.description } : {}),
        ...(f.unit ? { unit: f.unit } : {}),
        ...(f.columnType ? { columnType: f.columnType } : {}),
        ...(f.type === 'number' || f.type === 'integer' ? { missingValues: [''] } : {}),
      })),
    },
  };
}

/** One resource entry exactly as `JSON.stringify(package, null, 2)` writes it inside `resources`. */
export function resourceJson(ds: DatasetHead): string {
  return JSON.stringify(dataResource(ds), null, 2).replace(/\n/g, '\n    ');
}

/**
 * datapackage.json in pieces, for writing it one resource at a time (at 10,000 documents it
 * describes ~100,000 CSVs): `head`, the resourceJson texts joined by `separator`, then `tail`.
 * The bytes are those of `JSON.stringify({ ...package, resources }, null, 2)` plus a final newline.
 */
export function dataPackageFrame(): { head: string; separator: string; tail: string } {
  const empty = JSON.stringify({ ...PACKAGE, resources: [] }, null, 2);
  const at = empty.lastIndexOf('[]');
  return { head: `${empty.slice(0, at)}[\n    `, separator: ',\n    ', tail: `\n  ]${empty.slice(at + 2)}\n` };
}
