import { Text } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import './donation.scss';

/** A dialog holding a small form, with its problem written under it ("！"); see ConfirmDialog. */
export function FormDialog(
  props: PropsWithChildren<{
    visible: boolean;
    title: string;
    confirmText: string;
    confirmId: string;
    cancelId: string;
    danger?: boolean;
    pending?: boolean;
    problem?: string | null;
    onConfirm: () => void;
    onCancel: () => void;
  }>,
) {
  const { problem, children, ...dialog } = props;
  return (
    <ConfirmDialog {...dialog}>
      {children}
      {problem ? <Text className="form-field__error">！{problem}</Text> : null}
    </ConfirmDialog>
  );
}
