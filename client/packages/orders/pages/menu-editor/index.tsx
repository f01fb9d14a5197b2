import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import {
  DELIVERY_MODES,
  DELIVERY_MODE_KEYS,
  ITEM_TIME_CLASS_KEYS,
  MENU_AUDIENCES,
  MENU_AUDIENCE_KEYS,
  ORDER_CATEGORIES,
  ORDER_CATEGORY_KEYS,
  TIME_CLASSES,
  type DeliveryMode,
  type ItemTimeClass,
  type MenuAudience,
  type OrderCategory,
} from '../../../../../shared/domain/orders';
import { ConfirmDialog } from '../../../../components/confirm-dialog';
import { ChoiceChips, FormField } from '../../../../components/form-field';
import { PageShell } from '../../../../components/page-shell';
import { EmptyState, PendingState } from '../../../../components/states';
import { showSuccess } from '../../../../lib/feedback';
import { readParam } from '../../../../lib/routes';
import {
  type StaffMenuItem,
  useCreateMenuItem,
  useSetMenuItemStatus,
  useStaffMenu,
  useUpdateMenuItem,
} from '../../api/orders';
import { MenuItemCard } from '../../components/menu-item-card';
import '../../components/orders.scss';

interface ItemForm {
  name: string;
  category: OrderCategory | '';
  description: string;
  audience: MenuAudience;
  delivery: DeliveryMode[];
  timeClass: ItemTimeClass;
  responseHours: string;
  completionHours: string;
}

const EMPTY_FORM: ItemForm = {
  name: '',
  category: '',
  description: '',
  audience: 'anyone',
  delivery: [],
  timeClass: 'normal',
  responseHours: '',
  completionHours: '',
};

const hoursOf = (text: string): number | null => (/^\d{1,4}$/.test(text.trim()) ? Number(text.trim()) : null);

/**
 * Staff: 服务清单管理 — the items this station offers (and, at a 中心, the district menu every
 * station inherits), with what is inherited shown but not editable here. Add, edit, pause, resume.
 */
export default function MenuEditorPage() {
  const { params } = useRouter();
  const stationId = readParam(params.stationId);
  const menu = useStaffMenu(stationId);
  const [editing, setEditing] = useState<StaffMenuItem | 'new' | null>(null);
  const [form, setForm] = useState<ItemForm>(EMPTY_FORM);
  const [problem, setProblem] = useState<string | null>(null);
  const onError = (error: { userMessage: string; fields?: Record<string, string> }) => {
    setProblem(Object.values(error.fields ?? {})[0] ?? error.userMessage);
    return true;
  };
  const create = useCreateMenuItem({ onError });
  const update = useUpdateMenuItem({ onError });
  const status = useSetMenuItemStatus();

  const open = (item: StaffMenuItem | 'new') => {
    setProblem(null);
    setEditing(item);
    setForm(
      item === 'new'
        ? EMPTY_FORM
        : {
            name: item.name,
            category: item.category,
            description: item.description,
            audience: item.audience,
            delivery: item.delivery,
            timeClass: item.timeClass,
            responseHours: item.ownResponseHours ? String(item.ownResponseHours) : '',
            completionHours: item.ownCompletionHours ? String(item.ownCompletionHours) : '',
          },
    );
  };
  const set = <K extends keyof ItemForm>(key: K, value: ItemForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const toggleDelivery = (mode: DeliveryMode) =>
    set('delivery', form.delivery.includes(mode) ? form.delivery.filter((m) => m !== mode) : [...form.delivery, mode]);

  const save = async () => {
    if (!stationId || !editing) return;
    if (!form.name.trim()) return setProblem('请填写服务名称');
    if (!form.category) return setProblem('请选择服务类别');
    if (form.delivery.length === 0) return setProblem('请至少选择一种服务方式');
    const response = form.responseHours ? hoursOf(form.responseHours) : null;
    const completion = form.completionHours ? hoursOf(form.completionHours) : null;
    if ((form.responseHours && !response) || (form.completionHours && !completion))
      return setProblem('时限请填写整数小时');
    const data = {
      name: form.name.trim(),
      category: form.category,
      description: form.description.trim(),
      audience: form.audience,
      delivery: form.delivery,
      timeClass: form.timeClass,
      responseHours: response,
      completionHours: completion,
    };
    const result =
      editing === 'new' ? await create.run({ stationId, data }) : await update.run({ itemId: editing.itemId, data });
    if (result.ok) {
      setEditing(null);
      showSuccess('已保存');
      await menu.reload();
    }
  };

  const toggleStatus = async (item: StaffMenuItem) => {
    const result = await status.run({ itemId: item.itemId, status: item.status === 'active' ? 'paused' : 'active' });
    if (result.ok) {
      showSuccess(item.status === 'active' ? '已暂停' : '已恢复');
      await menu.reload();
    }
  };

  if (!stationId) {
    return (
      <PageShell>
        <EmptyState title="缺少站点信息" />
      </PageShell>
    );
  }
  if (!menu.data) {
    return (
      <PageShell>
        <PendingState remote={menu} />
      </PageShell>
    );
  }
  const own = menu.data.items.filter((i) => i.canEdit);
  const inherited = menu.data.items.filter((i) => !i.canEdit);

  return (
    <PageShell>
      <Text className="section-title" id="editor-station-name">
        {menu.data.stationName}
      </Text>
      <View className="actions">
        <Button type="primary" id="add-menu-item-button" onClick={() => open('new')}>
          新增服务项目
        </Button>
      </View>
      <Text className="section-title">{menu.data.tier === 'center' ? '全区服务清单' : '本站可管理的项目'}</Text>
      {own.length === 0 ? <EmptyState title="还没有本站自己的服务项目" /> : null}
      {own.map((item) => (
        <View key={item.itemId}>
          <MenuItemCard item={item} />
          <View className="actions">
            <Button fill="outline" id={`edit-item-${item.itemId}`} onClick={() => open(item)}>
              修改
            </Button>
            <Button
              fill="outline"
              type={item.status === 'active' ? 'danger' : 'primary'}
              id={`toggle-item-${item.itemId}`}
              disabled={status.pending}
              onClick={() => void toggleStatus(item)}
            >
              {item.status === 'active' ? '暂停受理' : '恢复受理'}
            </Button>
          </View>
        </View>
      ))}
      {inherited.length ? (
        <View id="inherited-items">
          <Text className="section-title">上级统一提供的项目（{inherited.length} 项）</Text>
          {inherited.map((item) => (
            <MenuItemCard key={item.itemId} item={item} />
          ))}
        </View>
      ) : null}

      <ConfirmDialog
        visible={editing !== null}
        title={editing === 'new' ? '新增服务项目' : '修改服务项目'}
        confirmText="保存"
        pending={create.pending || update.pending}
        confirmId="save-menu-item-button"
        cancelId="cancel-menu-item-button"
        onConfirm={() => void save()}
        onCancel={() => setEditing(null)}
      >
        <FormField name="item-name" label="服务名称" required>
          <View className="form-input">
            <Input id="item-name-input" value={form.name} maxLength={20} onChange={(v) => set('name', v)} />
          </View>
        </FormField>
        <FormField name="item-category" label="类别" required>
          <ChoiceChips
            name="item-category"
            options={ORDER_CATEGORY_KEYS.map((key) => ({ key, label: ORDER_CATEGORIES[key] }))}
            value={form.category}
            onChange={(v) => set('category', v)}
          />
        </FormField>
        <FormField name="item-delivery" label="服务方式（可多选）" required>
          <View className="choice-chips">
            {DELIVERY_MODE_KEYS.map((mode) => {
              const on = form.delivery.includes(mode);
              return (
                <View
                  key={mode}
                  id={`item-delivery-${mode}`}
                  className={`filter-chip${on ? ' filter-chip--active' : ''}`}
                  onClick={() => toggleDelivery(mode)}
                >
                  {on ? `✓ ${DELIVERY_MODES[mode]}` : DELIVERY_MODES[mode]}
                </View>
              );
            })}
          </View>
        </FormField>
        <FormField name="item-audience" label="谁可以点">
          <ChoiceChips
            name="item-audience"
            options={MENU_AUDIENCE_KEYS.map((key) => ({ key, label: MENU_AUDIENCES[key] }))}
            value={form.audience}
            onChange={(v) => set('audience', v)}
          />
        </FormField>
        <FormField name="item-class" label="办理难度" hint="时限按中心的规则；也可以为本项单独填写">
          <ChoiceChips
            name="item-class"
            options={ITEM_TIME_CLASS_KEYS.map((key) => ({ key, label: TIME_CLASSES[key] }))}
            value={form.timeClass}
            onChange={(v) => set('timeClass', v)}
          />
        </FormField>
        <FormField name="item-hours" label="本项时限（小时，可不填）">
          <View className="form-input">
            <Input
              id="item-response-input"
              type="digit"
              placeholder="响应"
              value={form.responseHours}
              onChange={(v) => set('responseHours', v)}
            />
          </View>
          <View className="form-input">
            <Input
              id="item-completion-input"
              type="digit"
              placeholder="办结"
              value={form.completionHours}
              onChange={(v) => set('completionHours', v)}
            />
          </View>
        </FormField>
        <FormField name="item-description" label="说明">
          <View className="form-input">
            <TextArea
              id="item-description-input"
              value={form.description}
              maxLength={120}
              onChange={(v) => set('description', v)}
            />
          </View>
        </FormField>
        {problem ? (
          <Text className="form-field__error" id="menu-item-error">
            ！{problem}
          </Text>
        ) : null}
      </ConfirmDialog>
    </PageShell>
  );
}
