/** A person's office in the reader's language: "Prime Minister of Japan", "former …", "later … (from …)". */
import type { Translate } from '../../vocabulary';
import type { OfficeRef } from '../../vocabulary';
import { formatDate } from './format';

export type RoleStatus = 'serving' | 'former' | 'future';

export function roleText(t: Translate, language: string, status: RoleStatus, office: OfficeRef): string {
  if (status === 'serving') return office.title;
  if (status === 'former') return t('popup_role_former', office.title);
  return t('popup_role_future', office.title, formatDate(office.start, language));
}
