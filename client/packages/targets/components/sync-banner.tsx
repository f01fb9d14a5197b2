import { Text, View } from '@tarojs/components';
import { ROUTES, openPage } from '../../../lib/routes';
import type { VisitDraft } from '../lib/drafts';
import './targets.scss';

/** "N 条探访待同步 ›" while drafts wait on this phone; tapping opens the sync list. */
export function SyncBanner({ drafts, syncing }: { drafts: VisitDraft[]; syncing: boolean }) {
  const waiting = drafts.filter((d) => d.status !== 'editing');
  if (waiting.length === 0) return null;
  const stuck = waiting.filter((d) => d.status === 'failed' || d.status === 'conflict').length;
  return (
    <View className="tg-banner" id="sync-banner" onClick={() => openPage(ROUTES.targetsSync)}>
      <Text id="sync-banner-count">
        {syncing
          ? `正在同步 ${waiting.length} 条探访…`
          : `${waiting.length} 条探访待同步${stuck ? `（${stuck} 条需处理）` : ''}`}
      </Text>
      <Text>查看 ›</Text>
    </View>
  );
}
