import { render } from 'preact';
import { t, uiLanguage } from '../../src/platform/i18n';
import { Popup } from '../../src/ui/popup/Popup';
import { boundTabId, browserApi } from './api';
import '../../src/ui/popup/popup.css';

document.documentElement.lang = uiLanguage();
document.title = t('extName');
// A popup bound to a tab is a whole page: it centres instead of sizing the toolbar bubble.
if (boundTabId(location.search) !== null) document.documentElement.classList.add('as-page');
render(<Popup api={browserApi(location.search)} t={t} />, document.getElementById('app')!);
