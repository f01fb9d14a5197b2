import { Image } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { PhotoField, type UploadedPhoto } from '../../../components/photo-field';
import { useUploadOrderPhoto } from '../api/orders';
import './orders.scss';

export type { UploadedPhoto };

/**
 * 拍照 (optional) on an order: for a new order the photo goes to the person's own folder, for a
 * service record to the order's.
 */
export function OrderPhotoField(props: {
  name: string;
  label: string;
  hint?: string;
  stationId: string;
  orderId?: string;
  value: UploadedPhoto | null;
  onChange: (photo: UploadedPhoto | null) => void;
}) {
  const action = useUploadOrderPhoto();
  const upload = {
    pending: action.pending,
    run: (imageBase64: string) =>
      action.run({ stationId: props.stationId, ...(props.orderId ? { orderId: props.orderId } : {}), imageBase64 }),
  };
  return (
    <PhotoField
      name={props.name}
      label={props.label}
      hint={props.hint}
      upload={upload}
      takeLabel="拍照上传（可不拍）"
      ids={{
        take: `${props.name}-take`,
        retake: `${props.name}-retake`,
        remove: `${props.name}-remove`,
        preview: `${props.name}-preview`,
      }}
      previewClassName="order-photo__image"
      value={props.value}
      onChange={props.onChange}
    />
  );
}

/** A stored photo in a card: tap for full screen. */
export function PhotoThumb(props: { id: string; url: string }) {
  return (
    <Image
      id={props.id}
      className="order-photo__thumb"
      src={props.url}
      mode="aspectFill"
      onClick={() => void Taro.previewImage({ urls: [props.url] })}
    />
  );
}
