// The API key lives in sessionStorage only: it is gone when the tab closes, and never written to localStorage or a cookie.
const KEY = 'rffp.apiKey';
const ROLE = 'rffp.role';
const RANK = { viewer: 0, operator: 1, admin: 2 };

export const session = {
  get key() { return sessionStorage.getItem(KEY); },
  get role() { return sessionStorage.getItem(ROLE) ?? 'viewer'; },
  save(key, role) { sessionStorage.setItem(KEY, key); sessionStorage.setItem(ROLE, role); },
  clear() { sessionStorage.removeItem(KEY); sessionStorage.removeItem(ROLE); },
  /** True when the signed-in role includes `role` (admins can do what operators can, operators what viewers can). */
  can(role) { return RANK[this.role] >= RANK[role]; },
};

/** Removes every element under `root` marked data-role="operator|admin" that the signed-in role may not use. */
export function applyRole(root) {
  for (const element of root.querySelectorAll('[data-role]')) {
    if (!session.can(element.dataset.role)) element.remove();
  }
}
