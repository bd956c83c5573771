// One Idempotency-Key per checkout: the same order sent again (a double click, a retry after a lost answer, a
// reload, a second tab: the key is kept beside the cart in localStorage) carries the same key, so the shop makes
// one order of it; a changed order (another card after a decline, another cart) is another checkout with a key
// of its own.
const KEY = 'shop.checkout';

function newKey() {
  if (crypto.randomUUID) {
    return crypto.randomUUID();
  }
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function idempotencyKeyFor(order) {
  const body = JSON.stringify(order);
  const saved = JSON.parse(localStorage.getItem(KEY) ?? 'null');
  if (saved && saved.body === body) {
    return saved.key;
  }
  const key = newKey();
  localStorage.setItem(KEY, JSON.stringify({ key, body }));
  return key;
}

export function checkoutDone() {
  localStorage.removeItem(KEY);
}

/** When a deferred order may be paid again (the Retry-After of its answer), per order. */
export function payableAfter(orderId, seconds) {
  sessionStorage.setItem(`shop.payAfter.${orderId}`, String(Date.now() + seconds * 1000));
}

export function secondsUntilPayable(orderId) {
  const at = Number(sessionStorage.getItem(`shop.payAfter.${orderId}`) ?? 0);
  return Math.max(0, Math.ceil((at - Date.now()) / 1000));
}
