// Client-side routing with the History API: every page has its own URL, links can be sent,
// back and forward work. The local server (and CloudFront) answer index.html for app paths.
import { html, useEffect, useState } from './lib.js';

const listeners = new Set();

export function navigate(path, { replace = false } = {}) {
  if (path === location.pathname + location.search) return;
  history[replace ? 'replaceState' : 'pushState']({}, '', path);
  for (const listener of listeners) listener();
}

addEventListener('popstate', () => {
  for (const listener of listeners) listener();
});

/** The current location, re-rendering on every navigation. */
export function useLocation() {
  const [, setTick] = useState(0);
  useEffect(() => {
    const listener = () => setTick((n) => n + 1);
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, []);
  return { path: location.pathname, query: new URLSearchParams(location.search) };
}

/** Matches `path` against `/councils/:c/meetings/:m`: the parameters, or undefined. */
export function match(pattern, path) {
  const names = [];
  const re = new RegExp(`^${pattern.replace(/:(\w+)/g, (_, name) => (names.push(name), '([^/]+)'))}/?$`);
  const m = re.exec(path);
  if (!m) return undefined;
  return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(m[i + 1])]));
}

/** A link inside the app: followed without reloading the page. */
export function Link({ href, children, ...rest }) {
  const onClick = (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
  return html`<a href=${href} onClick=${onClick} ...${rest}>${children}</a>`;
}

/** `/councils/{c}/…` with every part encoded. */
export function to(...parts) {
  return `/${parts.map((p) => encodeURIComponent(p)).join('/')}`;
}
