/**
 * Copies text to the clipboard. navigator.clipboard only exists in secure contexts (HTTPS or
 * localhost); a deployment on plain HTTP inside a police network falls back to selecting the text
 * in the given element and the older execCommand('copy').
 */
export async function copyText(text: string, fallbackElement?: HTMLTextAreaElement | HTMLInputElement | null): Promise<boolean> {
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Permission refused: try the fallback.
    }
  }
  if (!fallbackElement) return false;
  fallbackElement.focus();
  fallbackElement.select();
  try {
    // Deprecated, but the only copy path browsers offer outside secure contexts.
    return document.execCommand('copy');
  } catch {
    return false;
  }
}
