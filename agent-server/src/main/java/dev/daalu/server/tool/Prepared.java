package dev.daalu.server.tool;

import dev.daalu.server.approval.ApprovalPreview;
import dev.daalu.server.concurrent.CancelToken;

/**
 * A validated tool call, ready to run, holding every value it will use. Immutable: the approval preview is
 * built from the same values that {@link #run} uses, so what the user approves is exactly what runs.
 *
 * <p>Example (a read-only tool):
 * <pre>{@code
 * return Prepared.readOnly(cancel -> ToolResult.ok(read(path)));
 * }</pre>
 */
public interface Prepared {

    /** What the user must approve, or null when the call runs without asking. */
    ApprovalPreview preview();

    /** Runs the call. Must be called at most once, and only after approval when {@link #preview()} is not null. */
    ToolResult run(CancelToken cancel) throws ToolException;

    /** A call that runs without approval. */
    static Prepared readOnly(Action action) {
        return new Prepared() {
            @Override
            public ApprovalPreview preview() {
                return null;
            }

            @Override
            public ToolResult run(CancelToken cancel) throws ToolException {
                return action.run(cancel);
            }
        };
    }

    /** A call that runs only after the user approves {@code preview}. */
    static Prepared gated(ApprovalPreview preview, Action action) {
        java.util.Objects.requireNonNull(preview, "preview");
        return new Prepared() {
            @Override
            public ApprovalPreview preview() {
                return preview;
            }

            @Override
            public ToolResult run(CancelToken cancel) throws ToolException {
                return action.run(cancel);
            }
        };
    }

    /** The body of a prepared call. */
    @FunctionalInterface
    interface Action {
        ToolResult run(CancelToken cancel) throws ToolException;
    }
}
