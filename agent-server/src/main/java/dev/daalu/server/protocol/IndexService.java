package dev.daalu.server.protocol;

import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;
import org.eclipse.lsp4j.jsonrpc.services.JsonSegment;

import java.util.concurrent.CompletableFuture;

/** {@code index/*}. */
@JsonSegment("index")
public interface IndexService {

    /** Index counts and problems, plus how tokens are being counted. */
    @JsonRequest
    CompletableFuture<IndexStatusResult> status();
}
