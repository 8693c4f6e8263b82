/** The request body limit is 10 MB and base64 grows a file by a third: about 7 MB of file fit. */
export const MAX_FILE_BYTES = 7 * 1024 * 1024;

/** A file's bytes as base64 (without the data: URL prefix FileReader puts in front). */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('cannot read the file'));
    reader.readAsDataURL(file);
  });
}
