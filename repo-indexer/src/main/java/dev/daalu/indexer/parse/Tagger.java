package dev.daalu.indexer.parse;

import java.util.List;

/**
 * Turns one file's text into tags, using the grammar and query of its language through a {@link ParseSession}.
 * One instance per language, shared by all parse threads, so implementations keep no per-file state.
 */
interface Tagger {

    /**
     * @throws ParseSession.TimedOut when the session's deadline passes
     */
    List<Tag> tags(String relativePath, SourceText source, ParseSession session);
}
