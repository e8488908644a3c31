package dev.daalu.server.cli;

import dev.daalu.server.agent.ModelTarget;
import dev.daalu.server.routing.ModelHttpClients;
import dev.daalu.server.routing.PerimeterInterceptor;
import dev.daalu.server.routing.RoutedModels;
import dev.daalu.server.routing.RoutingDecision;
import dev.daalu.server.routing.RoutingSetup;
import okhttp3.OkHttpClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code daalu status}: whether this workspace may use AI at all (an allowed in-perimeter tier is configured),
 * which tier and model it would use and why, or what must be added first; then asks that tier's server whether it
 * serves the model. Exit code 0 when it does, 1 when not.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Say whether this workspace is eligible for AI work, and which in-perimeter tier and model it uses.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:an in-perimeter tier serves the chosen model (its server was asked)",
                "1:none can (the reason is printed)"})
public final class StatusCommand implements Callable<Integer> {

    private static final ModelHttpClients.Timeouts PROBE_TIMEOUTS =
            new ModelHttpClients.Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(10));
    private static final Duration PROBE_CALL_LIMIT = Duration.ofSeconds(10);
    private static final Duration PROBE_LIMIT = Duration.ofSeconds(20);

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
        boolean serves = decision.canServe() && probe(setup, out);
        out.flush();
        return serves ? 0 : 1;
    }

    // Asks the chosen tier what it serves, as a chat would at its start: a configuration can look right and
    // still point at nothing, or at a server without the chosen model
    private static boolean probe(RoutingSetup setup, PrintWriter out) {
        OkHttpClient http = ModelHttpClients.withCallLimit(ModelHttpClients.create(PROBE_TIMEOUTS,
                new PerimeterInterceptor(setup.router().allowedOrigins())), PROBE_CALL_LIMIT);
        RoutedModels models = new RoutedModels(setup.router(), setup.model(), http, null);
        CompletableFuture<Void> check = CompletableFuture.runAsync(models::check);
        try {
            check.get(PROBE_LIMIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            check.cancel(true);
            out.println("server:    cannot serve: the tier's server did not answer within " + PROBE_LIMIT.toSeconds() + " s");
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            // check() keeps what went wrong in lastProblem
        }
        Optional<ModelTarget> target = models.current();
        if (target.isEmpty()) {
            out.println("server:    cannot serve: " + models.lastProblem());
            return false;
        }
        out.println("server:    serves " + target.get().servedModel() + " with a " + target.get().contextWindow()
                + "-token window; tokens: " + models.tokenCountingDetail());
        return true;
    }
}
