/*
 * The repo indexer's JNI surface over the tree-sitter runtime, compiled (with -O2, together with the
 * runtime and the HCL and TSX grammars) by build-native.sh into libdaalu-tree-sitter.so.
 *
 * Why not the io.github.bonede bindings' runtime: their native library is an unoptimised debug build
 * (about 4x slower on the kernel's C), and every node crossing JNI costs a FindClass and six field
 * lookups. Here one call parses a file and runs its tags query, and the matches come back as one int
 * array. The bonede grammar artifacts are still used: they hand over TSLanguage pointers.
 *
 * Memory: trees never leave this file (each is deleted before parse_and_match returns); parsers,
 * cursors and queries are freed by their Java owners.
 */
#include <jni.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <tree_sitter/api.h>

#define EXPORT __attribute__((visibility("default")))
#define JNI_NAME(name) Java_dev_daalu_indexer_parse_NativeTreeSitter_##name

extern const TSLanguage *tree_sitter_hcl(void);
extern const TSLanguage *tree_sitter_tsx(void);

typedef struct {
    struct timespec deadline;
    int expired;
} Deadline;

static int deadline_passed(Deadline *d) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    if (now.tv_sec > d->deadline.tv_sec || (now.tv_sec == d->deadline.tv_sec && now.tv_nsec >= d->deadline.tv_nsec)) {
        d->expired = 1;
    }
    return d->expired;
}

static bool parse_progress(TSParseState *state) {
    return deadline_passed((Deadline *) state->payload);
}

static bool query_progress(TSQueryCursorState *state) {
    return deadline_passed((Deadline *) state->payload);
}

typedef struct {
    int32_t *data;
    size_t length;
    size_t capacity;
    int failed;
} IntBuffer;

static void push(IntBuffer *b, int32_t value) {
    if (b->failed) {
        return;
    }
    if (b->length == b->capacity) {
        size_t capacity = b->capacity ? b->capacity * 2 : 1024;
        int32_t *grown = realloc(b->data, capacity * sizeof(int32_t));
        if (!grown) {
            b->failed = 1;
            return;
        }
        b->data = grown;
        b->capacity = capacity;
    }
    b->data[b->length++] = value;
}

EXPORT JNIEXPORT jlong JNICALL JNI_NAME(languageHcl)(JNIEnv *env, jclass cls) {
    return (jlong) (intptr_t) tree_sitter_hcl();
}

EXPORT JNIEXPORT jlong JNICALL JNI_NAME(languageTsx)(JNIEnv *env, jclass cls) {
    return (jlong) (intptr_t) tree_sitter_tsx();
}

EXPORT JNIEXPORT jlong JNICALL JNI_NAME(parserNew)(JNIEnv *env, jclass cls, jlong language) {
    TSParser *parser = ts_parser_new();
    if (!ts_parser_set_language(parser, (const TSLanguage *) (intptr_t) language)) {
        ts_parser_delete(parser);
        return 0;
    }
    return (jlong) (intptr_t) parser;
}

EXPORT JNIEXPORT void JNICALL JNI_NAME(parserDelete)(JNIEnv *env, jclass cls, jlong parser) {
    ts_parser_delete((TSParser *) (intptr_t) parser);
}

EXPORT JNIEXPORT jlong JNICALL JNI_NAME(cursorNew)(JNIEnv *env, jclass cls) {
    return (jlong) (intptr_t) ts_query_cursor_new();
}

EXPORT JNIEXPORT void JNICALL JNI_NAME(cursorDelete)(JNIEnv *env, jclass cls, jlong cursor) {
    ts_query_cursor_delete((TSQueryCursor *) (intptr_t) cursor);
}

/* Compiles a query; on failure returns 0 and writes the error type and byte offset into error[0..1]. */
EXPORT JNIEXPORT jlong JNICALL JNI_NAME(queryNew)(JNIEnv *env, jclass cls, jlong language, jbyteArray source,
                                                  jintArray error) {
    jsize length = (*env)->GetArrayLength(env, source);
    jbyte *bytes = (*env)->GetByteArrayElements(env, source, NULL);
    uint32_t offset = 0;
    TSQueryError type = TSQueryErrorNone;
    TSQuery *query = ts_query_new((const TSLanguage *) (intptr_t) language, (const char *) bytes, (uint32_t) length,
                                  &offset, &type);
    (*env)->ReleaseByteArrayElements(env, source, bytes, JNI_ABORT);
    if (!query) {
        jint details[2] = {(jint) type, (jint) offset};
        (*env)->SetIntArrayRegion(env, error, 0, 2, details);
        return 0;
    }
    return (jlong) (intptr_t) query;
}

EXPORT JNIEXPORT void JNICALL JNI_NAME(queryDelete)(JNIEnv *env, jclass cls, jlong query) {
    ts_query_delete((TSQuery *) (intptr_t) query);
}

EXPORT JNIEXPORT jint JNICALL JNI_NAME(queryPatternCount)(JNIEnv *env, jclass cls, jlong query) {
    return (jint) ts_query_pattern_count((const TSQuery *) (intptr_t) query);
}

EXPORT JNIEXPORT jint JNICALL JNI_NAME(queryCaptureCount)(JNIEnv *env, jclass cls, jlong query) {
    return (jint) ts_query_capture_count((const TSQuery *) (intptr_t) query);
}

static jbyteArray bytes_of(JNIEnv *env, const char *text, uint32_t length) {
    jbyteArray out = (*env)->NewByteArray(env, (jsize) length);
    if (out) {
        (*env)->SetByteArrayRegion(env, out, 0, (jsize) length, (const jbyte *) text);
    }
    return out;
}

/* The UTF-8 bytes of a capture name (as bytes: JNI's NewStringUTF wants modified UTF-8). */
EXPORT JNIEXPORT jbyteArray JNICALL JNI_NAME(queryCaptureName)(JNIEnv *env, jclass cls, jlong query, jint id) {
    uint32_t length = 0;
    const char *name = ts_query_capture_name_for_id((const TSQuery *) (intptr_t) query, (uint32_t) id, &length);
    return bytes_of(env, name, length);
}

EXPORT JNIEXPORT jbyteArray JNICALL JNI_NAME(queryStringValue)(JNIEnv *env, jclass cls, jlong query, jint id) {
    uint32_t length = 0;
    const char *value = ts_query_string_value_for_id((const TSQuery *) (intptr_t) query, (uint32_t) id, &length);
    return bytes_of(env, value, length);
}

/* The predicate steps of a pattern, flattened as (type, value id) pairs; type 0 = done, 1 = capture, 2 = string. */
EXPORT JNIEXPORT jintArray JNICALL JNI_NAME(queryPredicates)(JNIEnv *env, jclass cls, jlong query, jint pattern) {
    uint32_t count = 0;
    const TSQueryPredicateStep *steps =
        ts_query_predicates_for_pattern((const TSQuery *) (intptr_t) query, (uint32_t) pattern, &count);
    jintArray out = (*env)->NewIntArray(env, (jsize) (count * 2));
    if (!out) {
        return NULL;
    }
    for (uint32_t i = 0; i < count; i++) {
        jint pair[2] = {(jint) steps[i].type, (jint) steps[i].value_id};
        (*env)->SetIntArrayRegion(env, out, (jsize) (i * 2), 2, pair);
    }
    return out;
}

typedef struct {
    const char *bytes;
    uint32_t length;
} Text;

static const char *read_text(void *payload, uint32_t offset, TSPoint position, uint32_t *bytes_read) {
    Text *text = (Text *) payload;
    (void) position;
    if (offset >= text->length) {
        *bytes_read = 0;
        return "";
    }
    *bytes_read = text->length - offset;
    return text->bytes + offset;
}

static void set_deadline(Deadline *deadline, jlong timeout_micros) {
    clock_gettime(CLOCK_MONOTONIC, &deadline->deadline);
    deadline->deadline.tv_sec += timeout_micros / 1000000;
    deadline->deadline.tv_nsec += (timeout_micros % 1000000) * 1000;
    if (deadline->deadline.tv_nsec >= 1000000000) {
        deadline->deadline.tv_sec += 1;
        deadline->deadline.tv_nsec -= 1000000000;
    }
    deadline->expired = 0;
}

static void collect_matches(TSQueryCursor *cursor, IntBuffer *out) {
    TSQueryMatch match;
    while (ts_query_cursor_next_match(cursor, &match)) {
        push(out, (int32_t) match.pattern_index);
        push(out, (int32_t) match.capture_count);
        for (uint16_t i = 0; i < match.capture_count; i++) {
            const TSQueryCapture *capture = &match.captures[i];
            push(out, (int32_t) capture->index);
            push(out, (int32_t) ts_node_start_byte(capture->node));
            push(out, (int32_t) ts_node_end_byte(capture->node));
        }
    }
}

/*
 * Parses UTF-8 text and runs the query over the whole tree. Returns the matches flattened as
 * [pattern, captureCount, (captureId, startByte, endByte) x captureCount]..., or null when the deadline
 * (timeoutMicros from now, parse and query together) passed. Throws OutOfMemoryError when memory runs out.
 */
EXPORT JNIEXPORT jintArray JNICALL JNI_NAME(parseAndMatch)(JNIEnv *env, jclass cls, jlong parser_ptr, jlong cursor_ptr,
                                                           jlong query_ptr, jbyteArray source, jlong timeout_micros) {
    TSParser *parser = (TSParser *) (intptr_t) parser_ptr;
    TSQueryCursor *cursor = (TSQueryCursor *) (intptr_t) cursor_ptr;
    const TSQuery *query = (const TSQuery *) (intptr_t) query_ptr;
    Deadline deadline;
    set_deadline(&deadline, timeout_micros);

    jsize length = (*env)->GetArrayLength(env, source);
    char *bytes = malloc(length > 0 ? (size_t) length : 1);
    if (!bytes) {
        (*env)->ThrowNew(env, (*env)->FindClass(env, "java/lang/OutOfMemoryError"), "no memory for the source text");
        return NULL;
    }
    (*env)->GetByteArrayRegion(env, source, 0, length, (jbyte *) bytes);
    Text text = {bytes, (uint32_t) length};
    TSInput input = {&text, read_text, TSInputEncodingUTF8, NULL};
    TSParseOptions parse_options = {&deadline, parse_progress};
    /* a parse halted by its deadline leaves state for resumption: every file starts afresh */
    ts_parser_reset(parser);
    TSTree *tree = ts_parser_parse_with_options(parser, NULL, input, parse_options);
    if (!tree) {
        ts_parser_reset(parser);
        free(bytes);
        return NULL;
    }
    IntBuffer out = {NULL, 0, 0, 0};
    TSQueryCursorOptions query_options = {&deadline, query_progress};
    ts_query_cursor_exec_with_options(cursor, query, ts_tree_root_node(tree), &query_options);
    collect_matches(cursor, &out);
    ts_tree_delete(tree);
    free(bytes);
    if (out.failed) {
        free(out.data);
        (*env)->ThrowNew(env, (*env)->FindClass(env, "java/lang/OutOfMemoryError"), "no memory for the tags");
        return NULL;
    }
    if (deadline.expired) {
        free(out.data);
        return NULL;
    }
    jintArray result = (*env)->NewIntArray(env, (jsize) out.length);
    if (result && out.length > 0) {
        (*env)->SetIntArrayRegion(env, result, 0, (jsize) out.length, out.data);
    }
    free(out.data);
    return result;
}
