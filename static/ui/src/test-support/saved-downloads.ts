/**
 * The files the code under test saves through the browser (`downloadFile` hands a Blob to
 * URL.createObjectURL), kept for the test to read; jsdom has no object URLs of its own.
 */
export function savedDownloads(): Blob[] {
  const saved: Blob[] = [];
  URL.createObjectURL = (blob: Blob) => {
    saved.push(blob);
    return 'blob:saved';
  };
  URL.revokeObjectURL = () => undefined;
  return saved;
}

/** A saved file's text. */
export const blobText = (blob: Blob) =>
  new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });
