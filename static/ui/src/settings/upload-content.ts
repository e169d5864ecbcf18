import { UPLOAD_CONTENT_MAX, type KbUpload } from '../../../../src/contract';

// An invoke payload may be 500 KB. A threat library is text that compresses about tenfold, so
// the browser deflates it (CompressionStream) and the resolver inflates it; where the browser
// cannot, the text is sent as it is.

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) binary += String.fromCharCode(...bytes.subarray(i, i + step));
  return btoa(binary);
}

async function deflated(text: string): Promise<string | undefined> {
  if (typeof CompressionStream === 'undefined' || typeof Response === 'undefined') return undefined;
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return toBase64(new Uint8Array(await new Response(stream).arrayBuffer()));
}

/** The file's text: Blob.text where the browser has it, FileReader elsewhere. */
export function readFileText(file: Blob): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'));
    reader.readAsText(file);
  });
}

/** The upload payload's content, or why the file is too large to send. */
export async function uploadContent(text: string): Promise<{ content: KbUpload['content'] } | { tooLarge: string }> {
  const data = await deflated(text);
  const content: KbUpload['content'] =
    data === undefined ? { encoding: 'text', text } : { encoding: 'deflate-base64', data };
  const size = content.encoding === 'text' ? content.text.length : content.data.length;
  if (size > UPLOAD_CONTENT_MAX) {
    return {
      tooLarge: `The file is too large to upload: ${Math.round(size / 1000)} KB${content.encoding === 'text' ? '' : ' compressed'}, the limit is ${UPLOAD_CONTENT_MAX / 1000} KB. Split it into smaller knowledge bases.`,
    };
  }
  return { content };
}
