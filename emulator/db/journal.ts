import {
  closeSync,
  existsSync,
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
   * journal, and opens the journal for appending. A torn last line is ignored; a corrupt line
   * elsewhere aborts the start rather than silently losing data.
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
        try {
          records.push(JSON.parse(line) as JournalRecord);
        } catch (e) {
          if (i === lastNonEmpty) tornTail = true;
          else throw new Error(`${journalPath}:${i + 1}: corrupt journal line (${(e as Error).message})`);
        }
      });
    }
    this.fd = openSync(journalPath, 'a');
    return { snapshot, records, tornTail };
  }

  /** Appends one record; returns once the bytes are with the OS (and on disk when `fsync`). */
  append(rec: JournalRecord): void {
    if (this.fd === undefined) throw new Error('journal is not open');
    const line = `${JSON.stringify(rec)}\n`;
    writeAll(this.fd, line);
    if (this.fsync) fsyncSync(this.fd);
    this.bytes += line.length;
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
