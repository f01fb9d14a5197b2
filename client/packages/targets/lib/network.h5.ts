/** H5: call `onBack` whenever the browser says it is online again. Answers the function that stops listening. */
export function onNetworkBack(onBack: () => void): () => void {
  window.addEventListener('online', onBack);
  return () => window.removeEventListener('online', onBack);
}
