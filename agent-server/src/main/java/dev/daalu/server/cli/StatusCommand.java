package dev.daalu.server.cli;

import dev.daalu.server.routing.RoutingDecision;
import dev.daalu.server.routing.RoutingSetup;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * {@code daalu status}: whether this workspace may use AI at all (an allowed in-perimeter tier is configured),
 * which tier and model it would use and why, or what must be added first. Exit code 0 when it can serve, 1 when not.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Say whether this workspace is eligible for AI work, and which in-perimeter tier and model it uses.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:an in-perimeter tier can serve the chosen model", "1:none can (the reason is printed)"})
public final class StatusCommand implements Callable<Integer> {

    @CommandLine.Mixin
    RoutingOptions options = new RoutingOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RoutingSetup setup = options.routing();
        RoutingDecision decision = setup.router().decide(setup.model());
        PrintWriter out = spec.commandLine().getOut();
        out.println("workspace: " + options.workspace());
        if (!setup.router().eligible()) {
            out.println("eligible:  no: an in-perimeter AI tier must be added first (an own-gpu, daalu-pool or "
                    + "operator-override tier in the tiers file, or DAALU_MODEL_ENDPOINT for your own model server)");
        } else {
            out.println("eligible:  yes (" + setup.router().allowedTiers().size() + " in-perimeter tier(s) configured)");
        }
        out.println("model:     " + setup.model().displayName() + " (" + setup.model().id() + ")");
        out.println("routing:   " + decision.reason());
        for (String note : setup.notes()) {
            out.println("note:      " + note);
        }
        out.flush();
        return decision.canServe() ? 0 : 1;
    }
}
