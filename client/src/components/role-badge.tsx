import type { MemberRole } from '@patchbay/shared';
import { MEMBER_ROLE_LABELS } from '@patchbay/shared/domain/roles';
import './badges.css';

export function RoleBadge({ role }: { role: MemberRole }) {
  return <span className={`role-badge role-badge--${role.toLowerCase().replaceAll('_', '-')}`}>{MEMBER_ROLE_LABELS[role]}</span>;
}
