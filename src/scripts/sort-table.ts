/**
 * Sortable static tables: every `table[data-sortable]` gets a button in each header cell that has
 * `data-sort` ("num" or "text"); a number cell gives its value in `data-value` (empty: not
 * published, always last). The header cell's aria-sort says the current order; a live region
 * announces it. Without JavaScript the table stays as the page printed it.
 */
const collator = new Intl.Collator('zh-CN');

for (const table of Array.from(document.querySelectorAll<HTMLTableElement>('table[data-sortable]'))) {
  const tbody = table.tBodies[0];
  if (!tbody) continue;
  const heads = Array.from(table.querySelectorAll<HTMLTableCellElement>('thead th[data-sort]'));
  const status = document.createElement('p');
  status.className = 'visually-hidden';
  status.setAttribute('aria-live', 'polite');
  table.after(status);
  for (const th of heads) {
    const label = (th.textContent ?? '').trim();
    const btn = document.createElement('button');
    btn.type = 'button';
    btn.className = 'sort';
    btn.textContent = label;
    th.textContent = '';
    th.appendChild(btn);
    btn.addEventListener('click', () => {
      const numeric = th.dataset.sort === 'num';
      // first press: numbers largest first, text in Chinese order; a second press reverses
      const current = th.getAttribute('aria-sort');
      const desc = current ? current === 'ascending' : numeric;
      const col = th.cellIndex;
      const key = (r: HTMLTableRowElement) => {
        const c = r.cells[col];
        return numeric ? (c?.dataset.value ? Number(c.dataset.value) : null) : (c?.textContent ?? '').trim();
      };
      const rows = Array.from(tbody.rows);
      rows.sort((a, b) => {
        const x = key(a);
        const y = key(b);
        if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
        const d = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
        return desc ? -d : d;
      });
      for (const r of rows) tbody.appendChild(r);
      for (const h of heads) h.removeAttribute('aria-sort');
      th.setAttribute('aria-sort', desc ? 'descending' : 'ascending');
      status.textContent = `已按“${label}”${desc ? '降序' : '升序'}排列`;
    });
  }
}

export {};
