/** The switches: highlights everywhere, on this site, and per kind of mention. Each change is saved at once. */
import { MENTION_KINDS, siteEnabled, siteKey, withSite, type MentionKind, type Settings } from '../../vocabulary';
import type { MessageKey } from '../../vocabulary';
import { useLocale } from './i18n';

const KIND_KEY: Record<MentionKind, MessageKey> = {
  person: 'popup_kind_person',
  country: 'popup_kind_country',
  demonym: 'popup_kind_demonym',
  capital: 'popup_kind_capital',
};

export interface SettingsSectionProps {
  settings: Settings;
  /** The active tab's URL, for the per-site switch; absent when the tab is not a web page. */
  url: string | undefined;
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

export function SettingsSection({ settings, url, onChange, error }: SettingsSectionProps) {
  const { t } = useLocale();
  const site = url ? siteKey(url) : null;
  return (
    <section aria-labelledby="settings-heading" data-testid="settings">
      <h2 id="settings-heading">{t('popup_settings')}</h2>
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
        hint={!settings.enabled ? t('popup_setting_site_hint_off') : undefined}
        checked={site ? siteEnabled({ ...settings, enabled: true }, site) : false}
        disabled={!site || !settings.enabled}
        onToggle={(on) => site && onChange({ disabledSites: withSite(settings.disabledSites, site, on) })}
      />
      <fieldset class="kinds" disabled={!settings.enabled}>
        <legend>{t('popup_kinds')}</legend>
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
      </fieldset>
      {error && (
        <p class="error" role="alert">
          {t('popup_settings_error', error)}
        </p>
      )}
    </section>
  );
}
