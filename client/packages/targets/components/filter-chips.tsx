import { ScrollView, View } from '@tarojs/components';
import {
  RISK_TIER_KEYS,
  RISK_TIERS,
  TARGET_CATEGORIES,
  TARGET_CATEGORY_KEYS,
  type RiskTier,
  type TargetCategory,
} from '../../../../shared/domain/targets';
import './targets.scss';

/** One toggle chip of a filter bar (✓ when on). */
export function FilterChip(props: { id: string; label: string; active: boolean; onClick: () => void }) {
  return (
    <View id={props.id} className={`filter-chip${props.active ? ' filter-chip--active' : ''}`} onClick={props.onClick}>
      {props.active ? `✓ ${props.label}` : props.label}
    </View>
  );
}

/** The tier and category filter bars of the roster and the plan (tap again to clear). */
export function TierCategoryFilters(props: {
  idPrefix: string;
  tier: RiskTier | undefined;
  category: TargetCategory | undefined;
  onTier: (tier: RiskTier | undefined) => void;
  onCategory: (category: TargetCategory | undefined) => void;
}) {
  const { idPrefix, tier, category } = props;
  return (
    <>
      <ScrollView scrollX className="filter-bar" id={`${idPrefix}-tiers`}>
        {RISK_TIER_KEYS.map((key) => (
          <FilterChip
            key={key}
            id={`tier-${key}`}
            label={RISK_TIERS[key]}
            active={tier === key}
            onClick={() => props.onTier(tier === key ? undefined : key)}
          />
        ))}
      </ScrollView>
      <ScrollView scrollX className="filter-bar" id={`${idPrefix}-categories`}>
        {TARGET_CATEGORY_KEYS.map((key) => (
          <FilterChip
            key={key}
            id={`category-${key}`}
            label={TARGET_CATEGORIES[key]}
            active={category === key}
            onClick={() => props.onCategory(category === key ? undefined : key)}
          />
        ))}
      </ScrollView>
    </>
  );
}

/**
 * The workers of a station as chips: choosing one shows that worker's caseload (a station head
 * checks a colleague's plan); tapping it again shows everyone's.
 */
export function WorkerChips(props: {
  id: string;
  workers: readonly { userId: string; name: string }[];
  value: string | undefined;
  onChange: (userId: string | undefined) => void;
}) {
  if (props.workers.length === 0) return null;
  return (
    <ScrollView scrollX className="filter-bar" id={props.id}>
      {props.workers.map((w) => (
        <FilterChip
          key={w.userId}
          id={`worker-${w.userId}`}
          label={`${w.name}负责的`}
          active={props.value === w.userId}
          onClick={() => props.onChange(props.value === w.userId ? undefined : w.userId)}
        />
      ))}
    </ScrollView>
  );
}
