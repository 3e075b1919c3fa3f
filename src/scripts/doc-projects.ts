/**
 * A document's project table, over all of its rows: filter by name / unit / code, sort by budget, and
 * pages of `data-page-size` rows. Without JavaScript the whole table is there, unsorted and unpaged.
 */
const table = document.querySelector<HTMLTableElement>('#doc-project-table');
if (table) {
  const tbody = table.tBodies[0];
  const all = Array.from(tbody.rows);
  const size = Number(table.dataset.pageSize) || 50;
  const form = document.querySelector<HTMLFormElement>('#doc-project-filters');
  const count = document.querySelector('#doc-project-count');
  const th = table.querySelector<HTMLTableCellElement>('th[data-sort="budget"]');
  let order = all;
  let page = 0;
  let desc: boolean | null = null;

  const pager = document.createElement('nav');
  pager.className = 'pager doc-pager';
  pager.setAttribute('aria-label', '项目表分页');
  table.closest('.table-wrap')?.after(pager);

  const matching = () => {
    const text = form ? String(new FormData(form).get('text') ?? '').trim() : '';
    return order.filter((r) => !text || (r.dataset.name ?? '').includes(text));
  };
  const render = () => {
    const rows = matching();
    const pages = Math.max(1, Math.ceil(rows.length / size));
    page = Math.min(page, pages - 1);
    const shown = new Set(rows.slice(page * size, (page + 1) * size));
    for (const r of order) {
      r.hidden = !shown.has(r);
      tbody.appendChild(r);
    }
    if (count) count.textContent = `显示 ${rows.length} / ${all.length} 个项目`;
    pager.replaceChildren();
    if (pages > 1) {
      const button = (label: string, to: number, disabled: boolean) => {
        const b = document.createElement('button');
        b.type = 'button';
        b.textContent = label;
        b.disabled = disabled;
        b.addEventListener('click', () => {
          page = to;
          render();
          table.scrollIntoView({ block: 'start' });
        });
        return b;
      };
      const at = document.createElement('span');
      at.className = 'meta';
      at.textContent = `第 ${page + 1} / ${pages} 页（每页 ${size} 个）`;
      pager.append(button('上一页', page - 1, page === 0), at, button('下一页', page + 1, page === pages - 1));
    }
  };
  if (th) {
    const btn = document.createElement('button');
    btn.type = 'button';
    btn.className = 'sort';
    btn.textContent = th.textContent ?? '预算';
    btn.addEventListener('click', () => {
      desc = desc === null ? true : !desc;
      const v = (r: HTMLTableRowElement) => (r.dataset.budget ? Number(r.dataset.budget) : desc ? -Infinity : Infinity);
      order = [...all].sort((a, b) => (desc ? v(b) - v(a) : v(a) - v(b)));
      th.setAttribute('aria-sort', desc ? 'descending' : 'ascending');
      page = 0;
      render();
    });
    th.textContent = '';
    th.appendChild(btn);
  }
  if (form) {
    form.addEventListener('input', () => {
      page = 0;
      render();
    });
    form.addEventListener('submit', (e) => e.preventDefault());
    form.hidden = false;
  }
  render();
}

export {};
