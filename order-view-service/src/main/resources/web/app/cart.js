// The buyer's cart, kept in localStorage so that it survives a reload and a closed tab.
const KEY = 'shop.cart';
const listeners = new Set();

export function cartLines() {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '[]');
  } catch {
    return [];
  }
}

function save(lines) {
  localStorage.setItem(KEY, JSON.stringify(lines));
  listeners.forEach((listener) => listener(lines));
}

/** Adds a variant of an item (more of it if it is already in the cart). */
export function addToCart(item, variant, quantity) {
  const lines = cartLines();
  const line = lines.find((l) => l.sku === variant.sku && l.itemId === item.id);
  if (line) {
    line.quantity += quantity;
  } else {
    lines.push({
      itemId: item.id, sku: variant.sku, quantity, name: item.name, size: variant.size, colour: variant.colour,
      unitPrice: item.price, currency: item.currency, imageUrl: item.imageUrl,
    });
  }
  save(lines);
}

export function setQuantity(sku, quantity) {
  save(cartLines().map((l) => (l.sku === sku ? { ...l, quantity } : l)).filter((l) => l.quantity > 0));
}

export function removeFromCart(sku) {
  save(cartLines().filter((l) => l.sku !== sku));
}

export function emptyCart() {
  save([]);
}

export function cartCount() {
  return cartLines().reduce((sum, l) => sum + l.quantity, 0);
}

export function onCartChange(listener) {
  listeners.add(listener);
  const fromOtherTab = (event) => event.key === KEY && listener(cartLines());
  window.addEventListener('storage', fromOtherTab);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', fromOtherTab);
  };
}
