package dev.daalu.server.tool;

/**
 * One tool the model can call. A tool is one class plus one line in {@link ToolRegistry}.
 *
 * <p>{@link #prepare} validates the arguments and resolves paths and previews <em>without side effects</em>;
 * the returned {@link Prepared} runs the call. Anything the model got wrong is a {@link ToolException} whose
 * message tells it what to send instead.
 *
 * <p>Threading: tools are stateless and thread-safe.
 *
 * <p>Example:
 * <pre>{@code
 * public final class EchoTool implements Tool {
 *     public ToolSpec spec() { return new ToolSpec("echo", "Repeats text.", schema, Effect.READ); }
 *     public Prepared prepare(ToolArgs args, ToolContext context) throws ToolException {
 *         String text = args.requiredString("text", "the text to repeat");
 *         return Prepared.readOnly(cancel -> ToolResult.ok(text));
 *     }
 * }
 * }</pre>
 */
public interface Tool {

    ToolSpec spec();

    Prepared prepare(ToolArgs args, ToolContext context) throws ToolException;
}
