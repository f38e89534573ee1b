// The reports pages: each page and its URL (app.js spreads PAGES into its routes), and the
// council sections they add to the council's navigation (council-nav.js), by role.
export const PAGES = [];
export const SECTIONS = [];
