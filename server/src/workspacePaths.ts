/** Paths of documents relative to the workspace folder that holds them. */
import { URI } from 'vscode-uri';

export class WorkspacePaths {
  private folders: string[] = [];

  setFolders(uris: readonly string[]): void {
    this.folders = uris.map((uri) => toPath(uri).replace(/\/+$/, '')).sort((a, b) => b.length - a.length);
  }

  /** The path relative to the innermost workspace folder, else the full path (with `/` separators). */
  relative(uri: string): string {
    const path = toPath(uri);
    for (const folder of this.folders) {
      if (path.startsWith(folder + '/')) return path.slice(folder.length + 1);
    }
    return path.replace(/^\/+/, '');
  }
}

function toPath(uri: string): string {
  try {
    return URI.parse(uri).path;
  } catch {
    return uri;
  }
}
