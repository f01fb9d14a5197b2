import { Text, View } from '@tarojs/components';
import {
  CHECKLIST_GROUPS,
  checklistWords,
  type ChecklistItem,
  type ChecklistMark,
} from '../../../../shared/domain/targets';
import './targets.scss';

type Checklist = Partial<Record<ChecklistItem, ChecklistMark>>;

/**
 * The visit checklist as big two-way toggles (正常 / 异常; for needs 无 / 有需求): one tap per item,
 * no typing. Tapping the chosen side again clears it (an item a phone call cannot check). Each
 * group has "本组全部正常" for the usual case. The choice is written out (✓ / ！), not colour only.
 */
export function ChecklistToggles(props: { value: Checklist; onChange: (next: Checklist) => void }) {
  const set = (item: ChecklistItem, mark: ChecklistMark) => {
    const next = { ...props.value };
    if (next[item] === mark) delete next[item];
    else next[item] = mark;
    props.onChange(next);
  };
  return (
    <View id="checklist">
      {CHECKLIST_GROUPS.map((group) => {
        const words = checklistWords(group.key);
        return (
          <View key={group.key} id={`group-${group.key}`}>
            <View className="meta-row">
              <Text className="tg-group-title">{group.label}</Text>
            </View>
            <View
              className="filter-chip"
              id={`all-ok-${group.key}`}
              onClick={() => {
                const next = { ...props.value };
                for (const item of group.items) if (!next[item.key]) next[item.key] = 'ok';
                props.onChange(next);
              }}
            >
              {`本组其余${words.ok === '无' ? '均无需求' : '全部正常'}`}
            </View>
            {group.items.map((item) => {
              const mark = props.value[item.key];
              return (
                <View className="tg-item" key={item.key}>
                  <Text className="tg-item__label">{item.label}</Text>
                  <View className="tg-toggles">
                    <View
                      id={`check-${item.key}-ok`}
                      className={`tg-toggle${mark === 'ok' ? ' tg-toggle--ok' : ''}`}
                      onClick={() => set(item.key, 'ok')}
                    >
                      {mark === 'ok' ? `✓ ${words.ok}` : words.ok}
                    </View>
                    <View
                      id={`check-${item.key}-abnormal`}
                      className={`tg-toggle${mark === 'abnormal' ? ' tg-toggle--abnormal' : ''}`}
                      onClick={() => set(item.key, 'abnormal')}
                    >
                      {mark === 'abnormal' ? `！${words.abnormal}` : words.abnormal}
                    </View>
                  </View>
                </View>
              );
            })}
          </View>
        );
      })}
    </View>
  );
}
