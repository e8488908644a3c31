package dev.daalu.server.workspace;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A text file's content together with how it is stored, so an edit can write it back the same way:
 * same encoding, same byte-order mark, same line endings on untouched lines, same trailing-newline state.
 *
 * <p>Encodings: UTF-8 with or without BOM, UTF-16 LE/BE with BOM. A file that is not valid UTF-8 is held in
 * {@link Encoding#BYTES} form: each byte is one char (ISO-8859-1), so untouched bytes survive an edit exactly;
 * text coming from the model is converted to that form with {@link #fromModel}.
 *
 * <p>Immutable.
 */
public final class TextDocument {

    /** How the bytes are stored. */
    public enum Encoding {
        UTF8(StandardCharsets.UTF_8, new byte[0]),
        UTF8_BOM(StandardCharsets.UTF_8, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}),
        UTF16LE_BOM(StandardCharsets.UTF_16LE, new byte[] {(byte) 0xFF, (byte) 0xFE}),
        UTF16BE_BOM(StandardCharsets.UTF_16BE, new byte[] {(byte) 0xFE, (byte) 0xFF}),
        BYTES(StandardCharsets.ISO_8859_1, new byte[0]);

        private final Charset charset;
        private final byte[] bom;

        Encoding(Charset charset, byte[] bom) {
            this.charset = charset;
            this.bom = bom;
        }

        boolean matches(byte[] bytes) {
            return bom.length > 0 && bytes.length >= bom.length && Arrays.equals(bytes, 0, bom.length, bom, 0, bom.length);
        }
    }

    private static final int BINARY_SNIFF_BYTES = 8192;

    private final Encoding encoding;
    private final String text;

    private TextDocument(Encoding encoding, String text) {
        this.encoding = encoding;
        this.text = text;
    }

    /** Whether {@code bytes} look binary: a NUL in the first 8 KiB, unless a UTF-16 BOM explains it. */
    public static boolean isBinary(byte[] bytes) {
        if (Encoding.UTF16LE_BOM.matches(bytes) || Encoding.UTF16BE_BOM.matches(bytes)) {
            return false;
        }
        int limit = Math.min(bytes.length, BINARY_SNIFF_BYTES);
        for (int i = 0; i < limit; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /** Decodes a file's bytes, choosing the encoding by BOM, then UTF-8 validity. */
    public static TextDocument decode(byte[] bytes) {
        for (Encoding e : new Encoding[] {Encoding.UTF8_BOM, Encoding.UTF16LE_BOM, Encoding.UTF16BE_BOM}) {
            if (e.matches(bytes)) {
                String text = new String(bytes, e.bom.length, bytes.length - e.bom.length, e.charset);
                return new TextDocument(e, text);
            }
        }
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = strict.decode(ByteBuffer.wrap(bytes));
            return new TextDocument(Encoding.UTF8, chars.toString());
        } catch (CharacterCodingException e) {
            return new TextDocument(Encoding.BYTES, new String(bytes, StandardCharsets.ISO_8859_1));
        }
    }

    /** A new file's document: UTF-8 without BOM. */
    public static TextDocument newFile(String text) {
        return new TextDocument(Encoding.UTF8, text);
    }

    public Encoding encoding() {
        return encoding;
    }

    /** The content in this document's own char form (line endings as stored). */
    public String text() {
        return text;
    }

    /** The content for people and models: for {@link Encoding#BYTES}, UTF-8 decoded with replacement characters. */
    public String displayText() {
        if (encoding != Encoding.BYTES) {
            return text;
        }
        return new String(text.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    /** Converts text from the model (Unicode) to this document's char form. */
    public String fromModel(String modelText) {
        if (encoding != Encoding.BYTES) {
            return modelText;
        }
        return new String(modelText.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    /** The same document with other content, in the same encoding. */
    public TextDocument withText(String newText) {
        return new TextDocument(encoding, newText);
    }

    /** The bytes to write: BOM, then the text in this encoding. */
    public byte[] encode() {
        byte[] body = text.getBytes(encoding.charset);
        byte[] out = new byte[encoding.bom.length + body.length];
        System.arraycopy(encoding.bom, 0, out, 0, encoding.bom.length);
        System.arraycopy(body, 0, out, encoding.bom.length, body.length);
        return out;
    }

    /** Whether every line break in the text is CRLF (and there is at least one). */
    public boolean isConsistentlyCrlf() {
        int crlf = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                if (i == 0 || text.charAt(i - 1) != '\r') {
                    return false;
                }
                crlf++;
            } else if (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                return false;
            }
        }
        return crlf > 0;
    }

    /** Whether the content ends with a line break. */
    public boolean endsWithNewline() {
        return text.endsWith("\n") || text.endsWith("\r");
    }

    /**
     * Adapts a complete new content from the model (LF line breaks) to this file's conventions: CRLF when
     * the file is consistently CRLF, and the file's trailing-newline state.
     */
    public String adaptFullContent(String modelText) {
        String content = fromModel(modelText).replace("\r\n", "\n");
        boolean crlf = isConsistentlyCrlf();
        if (!text.isEmpty()) {
            boolean wantsNewline = endsWithNewline();
            if (wantsNewline && !content.isEmpty() && !content.endsWith("\n")) {
                content = content + "\n";
            } else if (!wantsNewline && content.endsWith("\n")) {
                content = content.substring(0, content.length() - 1);
            }
        }
        return crlf ? content.replace("\n", "\r\n") : content;
    }
}
