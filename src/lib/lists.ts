/** Page sizes and URLs of the paginated lists (one place, so links and routes agree). */
import { href } from './format';

export const DOC_PAGE_SIZE = 100;
export const DEPARTMENT_PAGE_SIZE = 200;
export const PROJECT_PAGE_SIZE = 100;

export const docListUrl = (base: string, n: number) => href(base, n <= 1 ? 'documents/list/' : `documents/list/${n}/`);
export const departmentListUrl = (base: string, n: number) => href(base, n <= 1 ? 'departments/list/' : `departments/list/${n}/`);
/** page 1 of the project list is the projects home page */
export const projectListUrl = (base: string, n: number) => href(base, n <= 1 ? 'projects/' : `projects/list/${n}/`);
