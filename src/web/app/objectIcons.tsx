import type { ComponentType } from 'react';
import {
  AppstoreOutlined, BankOutlined, CalendarOutlined, CheckSquareOutlined, ContactsOutlined, CustomerServiceOutlined,
  DollarOutlined, FileTextOutlined, FlagOutlined, NotificationOutlined, ShoppingCartOutlined, SolutionOutlined, TeamOutlined, ToolOutlined,
} from '@ant-design/icons';

// The icons a descriptor's menu entry may name (src/shared/objects.ts MenuEntry.icon). Only
// these are bundled; any other name shows the default, so a module never breaks the menu.
const ICONS: Record<string, ComponentType> = {
  AppstoreOutlined, BankOutlined, CalendarOutlined, CheckSquareOutlined, ContactsOutlined, CustomerServiceOutlined,
  DollarOutlined, FileTextOutlined, FlagOutlined, NotificationOutlined, ShoppingCartOutlined, SolutionOutlined, TeamOutlined, ToolOutlined,
};

export function ObjectIcon({ name }: { name: string }) {
  const Icon = ICONS[name] ?? AppstoreOutlined;
  return <Icon />;
}
