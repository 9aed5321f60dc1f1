import { useState } from 'react';
import { Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useShortcut } from '../lib/shortcuts.ts';

const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** `?` opens the list of keyboard shortcuts (the same keys the app listens to). */
export function ShortcutsHelp() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  useShortcut('?', () => setOpen(true));
  const rows: [string[], string][] = [
    [[IS_MAC ? '⌘' : 'Ctrl', 'K'], t('faster.shortcuts.search')],
    [['/'], t('faster.shortcuts.search')],
    [['n'], t('faster.shortcuts.new')],
    [['Enter'], t('faster.shortcuts.save')],
    [['Esc'], t('faster.shortcuts.cancel')],
    [['?'], t('faster.shortcuts.help')],
  ];
  return (
    <Modal open={open} title={t('faster.shortcuts.title')} footer={null} onCancel={() => setOpen(false)} destroyOnHidden>
      <table className="gx-shortcuts" data-testid="shortcuts-help">
        <tbody>
          {rows.map(([keys, what]) => (
            <tr key={keys.join('+') + what}>
              <th scope="row" style={{ textAlign: 'left', padding: '4px 16px 4px 0', fontWeight: 'normal', whiteSpace: 'nowrap' }}>
                {keys.map((k, i) => <span key={k}>{i ? ' + ' : ''}<kbd>{k}</kbd></span>)}
              </th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  );
}
