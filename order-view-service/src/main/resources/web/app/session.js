// Who is signed in: the bearer token from the local run's token endpoint (POST /api/auth/token), kept in this
// tab's sessionStorage, never in a cookie, so no other site can make the browser send it.
const KEY = 'shop.session';
const listeners = new Set();

function decode(token) {
  const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const json = decodeURIComponent(Array.from(atob(payload), (c) => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join(''));
  return JSON.parse(json);
}

export function currentUser() {
  const token = sessionStorage.getItem(KEY);
  if (!token) {
    return null;
  }
  try {
    const claims = decode(token);
    if (claims.exp && claims.exp * 1000 < Date.now()) {
      sessionStorage.removeItem(KEY);
      return null;
    }
    return { name: claims.upn || claims.sub, groups: claims.groups || [], token };
  } catch {
    sessionStorage.removeItem(KEY);
    return null;
  }
}

export function hasRole(role) {
  const user = currentUser();
  return user !== null && user.groups.includes(role);
}

export function signIn(token) {
  sessionStorage.setItem(KEY, token);
  listeners.forEach((listener) => listener());
}

export function signOut() {
  sessionStorage.removeItem(KEY);
  listeners.forEach((listener) => listener());
}

export function onSessionChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
