import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { checklistLabel, type ChecklistItem } from '../../../../shared/domain/targets';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { useCreateFromVisit, useVisitOrderMenu, type VisitOrder } from '../api/visit-orders';

/** The visit finding an order is raised from (a queue item or a visit row of a record). */
export interface VisitFinding {
  visitId: string;
  stationId: string;
  /** The name as the page shows it. */
  targetName: string;
  abnormal: ChecklistItem[];
  note: string;
}

/**
 * 转为服务单 confirmation: for whom, which abnormal item, the follow-up note (it becomes the
 * order's description) and, optionally, a service from the station's menu — none means the
 * station triages it. Large chips, words on both buttons; errors stay in the dialog.
 */
export function VisitOrderDialog(props: {
  finding: VisitFinding | null;
  onCancel: () => void;
  onCreated: (visitId: string, order: VisitOrder) => void;
}) {
  const { finding } = props;
  const [item, setItem] = useState<ChecklistItem | null>(null);
  const [menuItemId, setMenuItemId] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const menu = useVisitOrderMenu(finding?.stationId);
  const create = useCreateFromVisit({ onError: (e) => (setProblem(e.userMessage), true) });
  useEffect(() => {
    setItem(finding?.abnormal[0] ?? null);
    setMenuItemId(null);
    setProblem(null);
  }, [finding]);

  const confirm = async () => {
    if (!finding || !item) return;
    const result = await create.run({
      visitId: finding.visitId,
      item,
      ...(menuItemId ? { itemId: menuItemId } : {}),
    });
    if (result.ok) props.onCreated(finding.visitId, result.value);
  };

  const chip = (key: string, label: string, active: boolean, onClick: () => void) => (
    <View key={key} id={key} className={`filter-chip${active ? ' filter-chip--active' : ''}`} onClick={onClick}>
      {active ? `✓ ${label}` : label}
    </View>
  );

  return (
    <ConfirmDialog
      visible={finding !== null}
      title="转为服务单？"
      confirmText="确认转为服务单"
      confirmId="confirm-visit-order-button"
      cancelId="cancel-visit-order-button"
      pending={create.pending}
      onCancel={props.onCancel}
      onConfirm={() => void confirm()}
    >
      {finding ? (
        <View id="visit-order-summary">
          <Text className="form-field__label">{`服务对象：${finding.targetName}`}</Text>
          <Text className="hint">{`需求说明：${finding.note}`}</Text>
          {finding.abnormal.length > 1 ? (
            <View className="choice-chips">
              {finding.abnormal.map((key) =>
                chip(`visit-order-item-${key}`, checklistLabel(key), item === key, () => setItem(key)),
              )}
            </View>
          ) : null}
          <Text className="form-field__label">服务项目（可不选，由社工站分派）</Text>
          {menu.error ? (
            <Text className="hint">服务清单暂时无法读取，可不选服务项目</Text>
          ) : !menu.data ? (
            <Text className="hint">正在读取服务清单…</Text>
          ) : (
            <View className="choice-chips" id="visit-order-menu">
              {chip('visit-order-menu-none', '不选，由社工站分派', menuItemId === null, () => setMenuItemId(null))}
              {menu.data.items.map((m) =>
                chip(`visit-order-menu-${m.itemId}`, m.name, menuItemId === m.itemId, () => setMenuItemId(m.itemId)),
              )}
            </View>
          )}
          {problem ? (
            <Text className="form-field__error" id="visit-order-problem">
              ！{problem}
            </Text>
          ) : null}
        </View>
      ) : null}
    </ConfirmDialog>
  );
}
