package dev.daalu.indexer.parse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compact binary form of {@link FileTags}, stored with each file's index entry so an unchanged file is
 * never parsed again. Names and kinds are written once per file and referred to by number, because a
 * file mentions the same identifiers many times.
 *
 * <p>Layout (version 1): version byte; language (UTF or empty); skipped reason (UTF or empty);
 * string table (count, UTFs); tag count; per tag: name index, kind index, role byte, line, signature (UTF).
 */
public final class TagCodec {

    private static final int VERSION = 1;
    private static final int MAX_UTF_CHARS = 16_000;

    private TagCodec() {
    }

    public static byte[] encode(FileTags tags) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + tags.tags().size() * 12);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeUTF(nullToEmpty(tags.language()));
            out.writeUTF(nullToEmpty(tags.skippedReason()));
            Map<String, Integer> ids = new HashMap<>();
            List<String> table = new ArrayList<>();
            for (Tag tag : tags.tags()) {
                intern(tag.name(), ids, table);
                intern(tag.kind(), ids, table);
            }
            writeVarInt(out, table.size());
            for (String s : table) {
                out.writeUTF(cap(s));
            }
            writeVarInt(out, tags.tags().size());
            for (Tag tag : tags.tags()) {
                writeVarInt(out, ids.get(tag.name()));
                writeVarInt(out, ids.get(tag.kind()));
                out.writeByte(tag.role().ordinal());
                writeVarInt(out, tag.line());
                out.writeUTF(cap(tag.signature()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("encoding tags in memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /**
     * @throws IllegalArgumentException when the bytes are not a tag record of a known version
     */
    public static FileTags decode(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new IllegalArgumentException("unknown tag record version " + version);
            }
            String language = emptyToNull(in.readUTF());
            String skipped = emptyToNull(in.readUTF());
            int tableSize = readVarInt(in);
            String[] table = new String[tableSize];
            for (int i = 0; i < tableSize; i++) {
                table[i] = in.readUTF();
            }
            int count = readVarInt(in);
            List<Tag> tags = new ArrayList<>(count);
            Tag.Role[] roles = Tag.Role.values();
            for (int i = 0; i < count; i++) {
                String name = table[readVarInt(in)];
                String kind = table[readVarInt(in)];
                Tag.Role role = roles[in.readUnsignedByte()];
                int line = readVarInt(in);
                String signature = in.readUTF();
                tags.add(new Tag(name, role, kind, line, signature));
            }
            return new FileTags(language, tags, skipped);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("corrupt tag record: " + e.getMessage(), e);
        }
    }

    private static void intern(String s, Map<String, Integer> ids, List<String> table) {
        if (!ids.containsKey(s)) {
            ids.put(s, table.size());
            table.add(s);
        }
    }

    // writeUTF refuses strings over 64 KiB of modified UTF-8; names and signatures are capped far below
    private static String cap(String s) {
        return s.length() <= MAX_UTF_CHARS ? s : s.substring(0, MAX_UTF_CHARS);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    private static void writeVarInt(DataOutputStream out, int value) throws IOException {
        int v = value;
        while ((v & ~0x7F) != 0) {
            out.writeByte((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.writeByte(v);
    }

    private static int readVarInt(DataInputStream in) throws IOException {
        int value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = in.readUnsignedByte();
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IOException("varint too long");
    }
}
