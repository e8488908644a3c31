package dev.daalu.indexer.lucene;

import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.compress.LZ4;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The stored form of a file's text: its UTF-8 length, then the UTF-8 compressed with Lucene's LZ4.
 *
 * <p>Why compress before Lucene does: Lucene decompresses stored fields through its {@code IndexInput}
 * byte by byte, which on memory-mapped files runs at a fraction of LZ4's speed; searches that verify
 * thousands of files spend their time there. Compressed here, the block Lucene stores is incompressible, so
 * Lucene copies it in bulk, and decompression runs on a heap array at full speed. The index stays as small
 * as with Lucene's own compression.
 *
 * <p>Thread-safe: each thread has its own compression table.
 */
final class ContentCodec {

    private static final ThreadLocal<LZ4.FastCompressionHashTable> TABLES =
            ThreadLocal.withInitial(LZ4.FastCompressionHashTable::new);

    private ContentCodec() {
    }

    static BytesRef encode(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        ByteBuffersDataOutput out = new ByteBuffersDataOutput(Math.max(64, utf8.length / 2));
        try {
            out.writeVInt(utf8.length);
            LZ4.FastCompressionHashTable table = TABLES.get();
            LZ4.compress(utf8, 0, utf8.length, out, table);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return new BytesRef(out.toArrayCopy());
    }

    /** @throws IOException when the bytes are not what {@link #encode} wrote */
    static String decode(byte[] bytes, int offset, int length) throws IOException {
        ByteArrayDataInput in = new ByteArrayDataInput(bytes, offset, length);
        int size = in.readVInt();
        byte[] utf8 = new byte[size];
        try {
            LZ4.decompress(in, size, utf8, 0);
        } catch (RuntimeException e) {
            throw new IOException("stored text is corrupt: " + e.getMessage(), e);
        }
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
