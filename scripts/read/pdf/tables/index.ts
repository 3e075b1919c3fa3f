/**
 * The table reader: one page's visual lines → output lines, table regions rebuilt as tab-separated
 * cells. Modules: page.ts finds the regions; dispatch.ts picks the reader for each — ruled.ts (cells
 * from the drawn rules) or unruled.ts (columns from text geometry), ruled-region.ts (a region following
 * its rules); rows.ts builds the rows from either; cells.ts holds what they share; every tolerance is
 * in ../tolerances.ts.
 */
export { layoutPage, layoutPageWithColumns } from './page.js';
export type { Column, LayoutOptions, OutKind, OutLine, PageLayout } from './types.js';
