/*
 * JNI entry point for the HCL grammar. No HCL grammar artifact is published for the
 * io.github.bonede tree-sitter bindings, so the build compiles the grammar's C sources
 * (npm package @tree-sitter-grammars/tree-sitter-hcl) together with this file, and
 * dev.daalu.indexer.parse.HclLanguage hands the returned pointer to TSLanguage.
 */
#include <jni.h>

typedef struct TSLanguage TSLanguage;
extern const TSLanguage *tree_sitter_hcl(void);

JNIEXPORT jlong JNICALL
Java_dev_daalu_indexer_parse_HclLanguage_treeSitterHcl(JNIEnv *env, jclass cls) {
    (void) env;
    (void) cls;
    return (jlong) tree_sitter_hcl();
}
