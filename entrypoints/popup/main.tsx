import { render } from 'preact';

// PLACEHOLDER: the popup views (src/ui/popup) replace this.
render(<main><h1>Backstory</h1></main>, document.getElementById('app')!);
