import {
  closeSync,
  existsSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * One line of the journal. Puts carry the whole encoded document, so replaying a record twice
 * gives the same state: that is what makes compaction crash-safe without a generation counter.
 */
export type JournalRecord =
  /** A committed write batch (one request or one transaction): put whole docs, delete by id. */
  | { o: Array<['p', string, unknown] | ['d', string, unknown]> }
  /** A collection was created. */
  | { c: string }
  /** Everything was dropped (`POST /emulator/reset`). */
  | { r: 1 };

/** What a data folder holds: the last snapshot and the journal written after it. */
export interface LoadedData {
  /** Snapshot entries in file order: a collection declaration, or one encoded document of it. */
  snapshot: Array<{ c: string; d?: unknown }>;
  records: JournalRecord[];
  /** A torn last journal line (process killed mid-write) was found and ignored. */
  tornTail: boolean;
}

const SNAPSHOT = 'snapshot.ndjson';
const JOURNAL = 'journal.ndjson';
const LOCK = 'LOCK';

/** Folders opened by this process: a second emulator on the same folder would corrupt it. */
const openDirs = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** One journal line as a record, or undefined when it is not a whole record. */
function parseRecord(line: string): JournalRecord | undefined {
  try {
    const v = JSON.parse(line) as unknown;
    if (v && typeof v === 'object' && ('o' in v || 'c' in v || 'r' in v)) return v as JournalRecord;
  } catch {
    // not JSON: torn or corrupt
  }
  return undefined;
}

/** The last whole record a corrupt line ends with (a torn append glued to the next record). */
function recoverTail(line: string): JournalRecord | undefined {
  for (let at = line.indexOf('{"', 1); at > 0; at = line.indexOf('{"', at + 1)) {
    const rec = parseRecord(line.slice(at));
    if (rec) return rec;
  }
  return undefined;
}

function writeAll(fd: number, text: string): void {
  const buf = Buffer.from(text, 'utf8');
  let off = 0;
  while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
}

/**
 * Append-only journal + snapshot in one data folder.
 *
 * Durability contract: {@link Journal.append} returns only after the line was handed to the OS
 * with a synchronous write, so an acknowledged write survives the death of the process
 * (`kill -9`). Surviving power loss or a kernel crash additionally needs `fsync`, which is done per
 * append only when the `fsync` option is on (`EMULATOR_FSYNC=1`); that is out of scope by default.
 */
export class Journal {
  readonly dir: string;
  private readonly fsync: boolean;
  private fd: number | undefined;
  private bytes = 0;
  /** File length after the last record that was written whole: a failed append truncates back to it. */
  private goodLength = 0;
  /** Set when a failed append could not be undone: from then on every append is refused. */
  private broken: string | undefined;
  private locked = false;

  constructor(dir: string, fsync: boolean) {
    this.dir = resolve(dir);
    this.fsync = fsync;
  }

  /** Bytes appended since the last compaction. */
  get size(): number {
    return this.bytes;
  }

  /**
   * Takes the folder's lock (refusing a folder a live process holds), reads the snapshot and the
   * journal, and opens the journal for appending. A torn last line is ignored; a line an older
   * emulator left after a failed append keeps the whole record it ends with; any other corrupt
   * line aborts the start rather than silently losing data.
   */
  open(): LoadedData {
    mkdirSync(this.dir, { recursive: true });
    this.lock();
    const snapshot: LoadedData['snapshot'] = [];
    const snapPath = join(this.dir, SNAPSHOT);
    if (existsSync(snapPath)) {
      const lines = readFileSync(snapPath, 'utf8').split('\n');
      lines.forEach((line, i) => {
        if (!line) return;
        const entry = JSON.parse(line) as { c?: string; d?: unknown; snapshot?: number };
        if (i === 0 && entry.snapshot) return;
        if (typeof entry.c !== 'string') throw new Error(`${snapPath}:${i + 1}: malformed snapshot entry`);
        snapshot.push({ c: entry.c, d: entry.d });
      });
    }
    const records: JournalRecord[] = [];
    let tornTail = false;
    const journalPath = join(this.dir, JOURNAL);
    if (existsSync(journalPath)) {
      const lines = readFileSync(journalPath, 'utf8').split('\n');
      const lastNonEmpty = lines.reduce((acc, l, i) => (l ? i : acc), -1);
      lines.forEach((line, i) => {
        if (!line) return;
        const rec = parseRecord(line);
        if (rec) return records.push(rec);
        if (i === lastNonEmpty) {
          tornTail = true;
          return;
        }
        // A line an older emulator left behind after a failed append: the unacknowledged bytes
        // of that append followed by the next, complete record. Keep the complete record.
        const recovered = recoverTail(line);
        if (!recovered) throw new Error(`${journalPath}:${i + 1}: corrupt journal line`);
        records.push(recovered);
      });
    }
    this.fd = openSync(journalPath, 'a');
    this.goodLength = fstatSync(this.fd).size;
    return { snapshot, records, tornTail };
  }

  /**
   * Appends one record; returns once the bytes are with the OS (and on disk when `fsync`).
   * A failed append (disk full, file-size limit, I/O error) leaves the file as it was: the
   * partial bytes are truncated away before the error is thrown. If even that fails, the journal
   * refuses every later append, so no record can ever follow a torn one.
   */
  append(rec: JournalRecord): void {
    if (this.fd === undefined) throw new Error('journal is not open');
    if (this.broken) throw new Error(`journal refuses writes until the emulator restarts: ${this.broken}`);
    const line = `${JSON.stringify(rec)}\n`;
    try {
      writeAll(this.fd, line);
      if (this.fsync) fsyncSync(this.fd);
    } catch (e) {
      try {
        ftruncateSync(this.fd, this.goodLength);
      } catch (undo) {
        this.broken = `a failed append could not be undone (${(undo as Error).message})`;
      }
      throw e;
    }
    const bytes = Buffer.byteLength(line);
    this.goodLength += bytes;
    this.bytes += bytes;
  }

  /**
   * Writes a full snapshot (temp file, fsync, atomic rename) and then empties the journal. If the
   * process dies between the rename and the truncation, the next start replays the old journal
   * over the new snapshot, which is harmless because records are idempotent.
   */
  compact(collections: Iterable<[string, Iterable<unknown>]>): void {
    if (this.fd === undefined) throw new Error('journal is not open');
    const tmp = join(this.dir, `${SNAPSHOT}.tmp`);
    const fd = openSync(tmp, 'w');
    try {
      writeAll(fd, `${JSON.stringify({ snapshot: 1, at: new Date().toISOString() })}\n`);
      for (const [name, docs] of collections) {
        let chunk = `${JSON.stringify({ c: name })}\n`;
        for (const d of docs) {
          chunk += `${JSON.stringify({ c: name, d })}\n`;
          if (chunk.length > 1 << 20) {
            writeAll(fd, chunk);
            chunk = '';
          }
        }
        if (chunk) writeAll(fd, chunk);
      }
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, join(this.dir, SNAPSHOT));
    this.syncDir();
    ftruncateSync(this.fd, 0);
    if (this.fsync) fsyncSync(this.fd);
    this.bytes = 0;
    this.goodLength = 0;
  }

  /** Closes the journal and releases the folder lock. */
  close(): void {
    if (this.fd !== undefined) {
      if (this.fsync) fsyncSync(this.fd);
      closeSync(this.fd);
      this.fd = undefined;
    }
    if (!this.locked) return;
    this.locked = false;
    openDirs.delete(this.dir);
    try {
      const lockPath = join(this.dir, LOCK);
      if (existsSync(lockPath) && Number(readFileSync(lockPath, 'utf8')) === process.pid) unlinkSync(lockPath);
    } catch {
      // A lock we cannot remove is reclaimed at next start (its pid is dead).
    }
  }

  private lock(): void {
    if (openDirs.has(this.dir)) throw new Error(`data folder ${this.dir} is already open in this process`);
    const lockPath = join(this.dir, LOCK);
    if (existsSync(lockPath)) {
      const pid = Number(readFileSync(lockPath, 'utf8'));
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
        throw new Error(`data folder ${this.dir} is in use by process ${pid}; stop it or use another DATA_DIR`);
      }
    }
    writeFileSync(lockPath, String(process.pid));
    openDirs.add(this.dir);
    this.locked = true;
  }

  private syncDir(): void {
    try {
      const fd = openSync(this.dir, 'r');
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    } catch {
      // Some platforms cannot fsync a directory; the rename is still atomic.
    }
  }
}
