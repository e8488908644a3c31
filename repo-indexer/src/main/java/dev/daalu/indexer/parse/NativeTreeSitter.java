package dev.daalu.indexer.parse;

import org.treesitter.TSLanguage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The native side of parsing: {@code libdaalu-tree-sitter.so}, built by native/build-native.sh from an
 * optimised tree-sitter runtime, the HCL and TSX grammars and native/daalu_tree_sitter.c.
 *
 * <p>The bindings' own runtime is an unoptimised build whose API crosses JNI per node; here one call
 * ({@link #parseAndMatch}) parses a file and returns every match of its tags query as one int array. The
 * io.github.bonede grammar artifacts still supply the other grammars, as {@code TSLanguage} pointers.
 *
 * <p>The library is copied from the classpath (a file inside a shaded jar cannot be loaded in place) to a
 * private temporary directory and loaded once, when this class initialises. Pointers are raw addresses:
 * callers own what they create and free it exactly once.
 */
final class NativeTreeSitter {

    /** Frees native objects whose Java owners became unreachable (a parse thread's parsers when it ends). */
    static final Cleaner CLEANER = Cleaner.create();

    private static final String LIBRARY = "libdaalu-tree-sitter.so";
    private static final String RESOURCE = "/native/linux-x86_64/" + LIBRARY;

    static {
        load();
    }

    private NativeTreeSitter() {
    }

    /** The address of a grammar from the io.github.bonede artifacts, e.g. {@code new TreeSitterJava()}. */
    static long pointerOf(TSLanguage language) {
        try {
            Method getPtr = TSLanguage.class.getDeclaredMethod("getPtr");
            getPtr.setAccessible(true);
            return (long) getPtr.invoke(language);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the grammar pointer of " + language.getClass().getName(), e);
        }
    }

    static native long languageHcl();

    static native long languageTsx();

    /** A parser for {@code language}, or 0 when the grammar's ABI version is not supported. */
    static native long parserNew(long language);

    static native void parserDelete(long parser);

    static native long cursorNew();

    static native void cursorDelete(long cursor);

    /** A compiled query, or 0 with the error type and byte offset written to {@code error[0..1]}. */
    static native long queryNew(long language, byte[] utf8Source, int[] error);

    static native void queryDelete(long query);

    static native int queryPatternCount(long query);

    static native int queryCaptureCount(long query);

    /** A capture's name, as UTF-8. */
    static native byte[] queryCaptureName(long query, int id);

    /** A string literal of the query (predicate arguments), as UTF-8. */
    static native byte[] queryStringValue(long query, int id);

    /** A pattern's predicate steps as (type, value id) pairs: type 0 ends a predicate, 1 is a capture, 2 a string. */
    static native int[] queryPredicates(long query, int pattern);

    /**
     * Parses UTF-8 text and runs {@code query} over its tree.
     *
     * @return the matches, flattened as {@code [pattern, captureCount, (captureId, startByte, endByte) x
     *     captureCount]...} in document order, or null when parse and query together ran past
     *     {@code timeoutMicros}
     */
    static native int[] parseAndMatch(long parser, long cursor, long query, byte[] utf8Text, long timeoutMicros);

    private static void load() {
        try (InputStream in = NativeTreeSitter.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new UnsatisfiedLinkError(RESOURCE + " is not on the classpath: build the repo-indexer module"
                        + " on Linux x86_64 (its native/build-native.sh makes it)");
            }
            Path directory = Files.createTempDirectory("daalu-tree-sitter-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            directory.toFile().deleteOnExit();
            Path file = directory.resolve(LIBRARY);
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            file.toFile().deleteOnExit();
            System.load(file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + LIBRARY, e);
        }
    }
}
