package dev.daalu.server.repl;

import dev.daalu.server.approval.ApprovalDecision;
import dev.daalu.server.approval.ApprovalPreview;
import dev.daalu.server.approval.ApprovalRequest;
import dev.daalu.server.approval.Approver;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Asks on the terminal before each side effect, showing exactly what will happen: the diff of a file change,
 * the command with its working directory and timeout, or the secret file to read. {@code y} approves; anything
 * else denies, with an optional reason that goes to the model.
 *
 * <p>When there is no terminal to ask, the {@link Policy} given on the command line answers: {@link Policy#DENY}
 * unless the user explicitly chose {@link Policy#APPROVE} for this run; the preview is printed either way.
 */
public final class ConsoleApprover implements Approver {

    /** How approvals are answered. */
    public enum Policy {
        /** Ask the person at the terminal. */
        ASK,
        /** No one is there: deny every side effect (the default without a terminal). */
        DENY,
        /** No one is there, and the user chose on the command line to approve what the run proposes. */
        APPROVE;

        public static Policy parse(String text) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "ask" -> ASK;
                case "deny" -> DENY;
                case "approve", "yes" -> APPROVE;
                default -> throw new IllegalArgumentException("--approve must be deny or approve, got '" + text + "'");
            };
        }
    }

    private final Console console;
    private final Policy policy;
    private final Style style;
    private final AtomicInteger deniedUnattended = new AtomicInteger();

    public ConsoleApprover(Console console, Policy policy) {
        this.console = console;
        this.policy = policy;
        this.style = new Style(console.colors());
    }

    @Override
    public CompletableFuture<ApprovalDecision> request(ApprovalRequest request) {
        PrintWriter out = console.err();
        out.println();
        out.println(style.yellow(style.bold(request.preview().summary())));
        out.println(describe(request.preview()));
        out.flush();
        return CompletableFuture.completedFuture(decide());
    }

    /** How many side effects the {@link Policy#DENY} policy has turned down, for want of someone to ask. */
    public int deniedUnattended() {
        return deniedUnattended.get();
    }

    private ApprovalDecision decide() {
        PrintWriter out = console.err();
        switch (policy) {
            case DENY -> {
                out.println(style.red("Denied (no terminal to ask; run with --approve approve to allow side effects)."));
                out.flush();
                deniedUnattended.incrementAndGet();
                return ApprovalDecision.deny("the user was not there to approve it (non-interactive run)");
            }
            case APPROVE -> {
                out.println(style.green("Approved by --approve approve."));
                out.flush();
                return ApprovalDecision.approve();
            }
            default -> {
                try {
                    String answer = console.readLine("Approve? [y/N] ").strip().toLowerCase(Locale.ROOT);
                    if (answer.equals("y") || answer.equals("yes")) {
                        return ApprovalDecision.approve();
                    }
                    String reason = console.readLine("Reason for the agent (optional, Enter to skip): ").strip();
                    return ApprovalDecision.deny(reason.isEmpty() ? null : reason);
                } catch (Console.Interrupted | Console.EndOfInput e) {
                    return ApprovalDecision.deny(null);
                }
            }
        }
    }

    private String describe(ApprovalPreview preview) {
        return switch (preview.kind()) {
            case WRITE -> preview.diff() == null || preview.diff().isEmpty() ? "(no textual change)" : style.diff(preview.diff().stripTrailing());
            case COMMAND -> "  $ " + style.bold(preview.command()) + "\n  in " + preview.cwd() + ", timeout "
                    + preview.timeoutSeconds() + " s";
            case READ -> "  The agent asks to read " + preview.path() + ", which usually holds secrets; its content "
                    + "would be sent to the model.";
        };
    }
}
