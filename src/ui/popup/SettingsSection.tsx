/**
 * The switches, first in the popup: highlights everywhere, on this site, and per kind of mention, then
 * a legend of the colours the page paints each kind in. A switch that cannot apply is disabled and
 * says why. Each change is saved at once.
 */
import { MENTION_KINDS, siteEnabled, siteKey, withSite, type MentionKind, type Settings } from '../../vocabulary';
import type { MessageKey } from '../../vocabulary';
import { useLocale } from './i18n';

const KIND_KEY: Record<MentionKind, MessageKey> = {
  person: 'popup_kind_person',
  country: 'popup_kind_country',
  demonym: 'popup_kind_demonym',
  capital: 'popup_kind_capital',
  organisation: 'popup_kind_organisation',
};

const LEGEND_KEY: Record<MentionKind, MessageKey> = {
  person: 'popup_legend_person',
  country: 'popup_legend_country',
  demonym: 'popup_legend_demonym',
  capital: 'popup_legend_capital',
  organisation: 'popup_legend_organisation',
};

/**
 * The background colour of each kind's `::highlight(backstory-…)` rule in assets/public/highlight.css,
 * the stylesheet the manifest injects into pages. The popup cannot load that file as text (the unit
 * tests' CSS pipeline empties it), so the colours are written here too; a unit test holds them equal.
 */
export const HIGHLIGHT_COLOURS: Readonly<Record<MentionKind, string>> = {
  person: 'rgba(255, 170, 0, 0.55)',
  country: 'rgba(0, 120, 255, 0.3)',
  demonym: 'rgba(90, 150, 255, 0.35)',
  capital: 'rgba(90, 150, 255, 0.35)',
  organisation: 'rgba(0, 170, 90, 0.32)',
};

export interface SettingsSectionProps {
  settings: Settings;
  /** The active tab's URL, for the per-site switch; absent when the tab is not a web page. */
  url: string | undefined;
  /** The browser lets no extension run on the tab's page. */
  closed: boolean;
  onChange(patch: Partial<Settings>): void;
  error: string | null;
}

function Switch({ id, label, hint, checked, disabled, onToggle }: { id: string; label: string; hint?: string; checked: boolean; disabled?: boolean; onToggle(on: boolean): void }) {
  return (
    <div class={`switch-row${disabled ? ' disabled' : ''}`}>
      <label for={id}>
        <span class="switch-label">{label}</span>
        {hint && <span class="muted switch-hint" id={`${id}-hint`}>{hint}</span>}
      </label>
      <input
        id={id}
        type="checkbox"
        role="switch"
        class="switch"
        checked={checked}
        disabled={disabled}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => onToggle((e.currentTarget as HTMLInputElement).checked)}
      />
    </div>
  );
}

/** The colours mentions have on the page, one chip per kind. */
export function Legend() {
  const { t } = useLocale();
  return (
    <div class="legend" data-testid="legend">
      <span class="legend-title" id="legend-heading">
        {t('popup_legend')}
      </span>
      <ul aria-labelledby="legend-heading">
        {MENTION_KINDS.map((kind) => (
          <li key={kind} data-legend={kind}>
            <span class="swatch" style={{ backgroundColor: HIGHLIGHT_COLOURS[kind] }}>
              {t(LEGEND_KEY[kind])}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function SettingsSection({ settings, url, closed, onChange, error }: SettingsSectionProps) {
  const { t } = useLocale();
  const site = url && !closed ? siteKey(url) : null;
  const siteOn = site ? siteEnabled({ ...settings, enabled: true }, site) : false;
  // Why a switch cannot apply: the page first (nothing changes that), then the switch above it.
  const siteReason = !site ? (closed ? t('popup_reason_closed') : undefined) : !settings.enabled ? t('popup_reason_off_everywhere') : undefined;
  const kindsReason = !settings.enabled ? t('popup_reason_off_everywhere') : site && !siteOn ? t('popup_reason_off_site') : undefined;
  return (
    <section aria-labelledby="settings-heading" data-testid="settings" class="settings">
      <h2 id="settings-heading" class="visually-hidden">
        {t('popup_settings')}
      </h2>
      <Switch
        id="setting-enabled"
        label={t('popup_setting_enabled')}
        hint={t('popup_setting_enabled_hint')}
        checked={settings.enabled}
        onToggle={(on) => onChange({ enabled: on })}
      />
      <Switch
        id="setting-site"
        label={site ? t('popup_setting_site', site) : t('popup_setting_site_none')}
        hint={siteReason}
        checked={siteOn}
        disabled={!site || !settings.enabled}
        onToggle={(on) => site && onChange({ disabledSites: withSite(settings.disabledSites, site, on) })}
      />
      <fieldset class="kinds" disabled={!!kindsReason} aria-describedby={kindsReason ? 'kinds-reason' : undefined}>
        <legend>{t('popup_kinds')}</legend>
        {kindsReason && (
          <p class="muted switch-hint kinds-reason" id="kinds-reason">
            {kindsReason}
          </p>
        )}
        {MENTION_KINDS.map((kind) => (
          <label key={kind} class="kind">
            <input
              type="checkbox"
              data-kind={kind}
              checked={settings.kinds[kind]}
              onChange={(e) => onChange({ kinds: { ...settings.kinds, [kind]: (e.currentTarget as HTMLInputElement).checked } })}
            />
            <span>{t(KIND_KEY[kind])}</span>
          </label>
        ))}
        <label class="kind first-only">
          <input
            type="checkbox"
            data-testid="setting-first-only"
            checked={settings.firstOnly}
            onChange={(e) => onChange({ firstOnly: (e.currentTarget as HTMLInputElement).checked })}
          />
          <span>{t('popup_setting_first_only')}</span>
        </label>
      </fieldset>
      <Legend />
      {error && (
        <p class="error" role="alert">
          {t('popup_settings_error', error)}
        </p>
      )}
    </section>
  );
}
