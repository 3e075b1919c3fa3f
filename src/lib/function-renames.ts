/**
 * Hand-curated renames of 支出功能分类科目 (类/款/项) that the department pages' crosswalk
 * (src/lib/departments.ts) applies besides the ones it detects itself. Most renames need no entry:
 * a code whose name changed between two documents, and a name that moved to another code, are found
 * automatically. An entry here is only for a change the documents cannot show on their own, and each
 * must cite the official classification that made it (财政部《政府收支分类科目》 of that year) in
 * `why`. Do not add a rename that is not in such a source.
 *
 * from_code → to_code: the same 科目 printed under from_code up to since_year − 1 and under to_code
 * from since_year on (from_code = to_code when only the name changed).
 */
export interface FunctionRename {
  from_code: string;
  from_name: string;
  to_code: string;
  to_name: string;
  /** first fiscal year printed with the new code/name */
  since_year: number;
  /** the official source, in Chinese (shown to readers) */
  why: string;
}

export const FUNCTION_RENAMES: FunctionRename[] = [
  {
    from_code: '210',
    from_name: '医疗卫生与计划生育支出',
    to_code: '210',
    to_name: '卫生健康支出',
    since_year: 2019,
    why: '财政部《2019年政府收支分类科目》将第210类“医疗卫生与计划生育支出”更名为“卫生健康支出”（2018年国务院机构改革组建国家卫生健康委员会）',
  },
];
