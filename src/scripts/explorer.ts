/** Projects explorer: filters and budget sort over the static table (the table works without it). */
const form = document.querySelector<HTMLFormElement>('#project-filters');
const table = document.querySelector<HTMLTableElement>('#project-table');
if (form && table) {
  const tbody = table.tBodies[0];
  const rows = Array.from(tbody.rows);
  const count = document.querySelector('#project-count');
  const th = table.querySelector<HTMLTableCellElement>('th[data-sort="budget"]');
  let desc = true;
  const apply = () => {
    const f = new FormData(form);
    const want = (k: string) => String(f.get(k) ?? '');
    const text = want('text').trim();
    let shown = 0;
    for (const r of rows) {
      const ok =
        ['department', 'region', 'year', 'kind'].every((k) => !want(k) || r.dataset[k] === want(k)) &&
        (!text || (r.dataset.name ?? '').includes(text));
      r.hidden = !ok;
      if (ok) shown++;
    }
    if (count) count.textContent = `显示 ${shown} / ${rows.length} 个项目`;
  };
  const sort = () => {
    const v = (r: HTMLTableRowElement) => (r.dataset.budget ? Number(r.dataset.budget) : -Infinity);
    rows.sort((a, b) => (desc ? v(b) - v(a) : v(a) - v(b)));
    for (const r of rows) tbody.appendChild(r);
    th?.setAttribute('aria-sort', desc ? 'descending' : 'ascending');
  };
  if (th) {
    const label = th.textContent ?? '预算';
    const btn = document.createElement('button');
    btn.type = 'button';
    btn.className = 'sort';
    btn.textContent = label;
    btn.addEventListener('click', () => {
      desc = !desc;
      sort();
    });
    th.textContent = '';
    th.appendChild(btn);
  }
  // pre-select from the query string (?department=…)
  const params = new URLSearchParams(location.search);
  for (const el of Array.from(form.elements) as HTMLInputElement[]) {
    if (el.name && params.get(el.name)) el.value = params.get(el.name) ?? '';
  }
  form.addEventListener('input', apply);
  form.addEventListener('submit', (e) => e.preventDefault());
  form.hidden = false;
  apply();
}

export {};
