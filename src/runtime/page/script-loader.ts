// One <script src> added to the page and removed again once it has run: how the shell loads what
// is not in index.html (lesson bodies, the later screens' code). Works from file:// as well as
// http, where fetch() of a local file would not.

/** Load and run the script at `src` (relative to index.html); rejects when it cannot be loaded. */
export function runScript(win: Window, src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = win.document.createElement('script');
    script.src = src;
    script.onload = () => {
      script.remove();
      resolve();
    };
    script.onerror = () => {
      script.remove();
      reject(new Error(`${src} could not be loaded`));
    };
    win.document.head.append(script);
  });
}
