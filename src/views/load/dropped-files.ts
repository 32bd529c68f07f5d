/**
 * The files of a drop, folders included (read through the File and Directory Entries API), each with
 * its path inside what was dropped; a folder picked with `webkitdirectory` gives the same paths.
 */
export async function droppedFiles(transfer: DataTransfer): Promise<Array<{ path: string; file: File }>> {
  const entries = Array.from(transfer.items, (item) => item.webkitGetAsEntry?.() ?? null);
  if (entries.every((e) => e === null)) return Array.from(transfer.files, (file) => ({ path: file.name, file }));
  const out: Array<{ path: string; file: File }> = [];
  for (const entry of entries) if (entry) await collect(entry, out);
  return out;
}

async function collect(entry: FileSystemEntry, out: Array<{ path: string; file: File }>): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    out.push({ path: entry.fullPath.replace(/^\//, ''), file });
    return;
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries returns a batch at a time (100 in Chromium) until it returns none.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    for (const child of batch) await collect(child, out);
  }
}

export function pickedFiles(list: FileList): Array<{ path: string; file: File }> {
  return Array.from(list, (file) => ({ path: file.webkitRelativePath || file.name, file }));
}
