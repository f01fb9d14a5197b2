import { showError } from './feedback';
import { pickPhoto, type PickedPhoto } from './pick-photo';

/**
 * {@link pickPhoto} for a page: a photo that could not be read is explained in the app's own
 * dialog; null when the person backed out or the photo could not be read.
 */
export async function takePhoto(): Promise<PickedPhoto | null> {
  try {
    return await pickPhoto();
  } catch (error) {
    showError(error, '照片没有读取成功，请重试');
    return null;
  }
}
