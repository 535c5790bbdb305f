/**
 * The highlights' tints as CSS text, for shadow roots: the stylesheet the
 * manifest injects (assets/public/highlight.css) applies to the document
 * only, and a ::highlight() rule must be in a shadow tree's own styles to
 * paint text there. A unit test holds the two equal.
 */
export const HIGHLIGHT_CSS = `
::highlight(backstory-person) { background-color: rgba(255, 170, 0, 0.55); }
::highlight(backstory-country) { background-color: rgba(0, 120, 255, 0.3); }
::highlight(backstory-demonym), ::highlight(backstory-capital) { background-color: rgba(90, 150, 255, 0.35); }
::highlight(backstory-organisation) { background-color: rgba(0, 170, 90, 0.32); }
::highlight(backstory-person-dark) { background-color: rgba(255, 170, 0, 0.28); }
::highlight(backstory-country-dark) { background-color: rgba(0, 120, 255, 0.38); }
::highlight(backstory-demonym-dark), ::highlight(backstory-capital-dark) { background-color: rgba(90, 150, 255, 0.26); }
::highlight(backstory-organisation-dark) { background-color: rgba(0, 170, 90, 0.3); }
`;
