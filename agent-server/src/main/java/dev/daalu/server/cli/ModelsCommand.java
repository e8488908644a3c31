package dev.daalu.server.cli;

import dev.daalu.server.routing.CatalogModel;
import dev.daalu.server.routing.RoutingSetup;
import dev.daalu.server.routing.TierRouter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * {@code daalu models}: the model catalog, each entry enabled or disabled on this workspace's in-perimeter tiers,
 * with the reason when disabled ("needs 48 GB; largest online GPU is 16 GB"). The model in use is marked.
 */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List the model catalog: which models the in-perimeter tiers can run, and why not.")
public final class ModelsCommand implements Callable<Integer> {

    @CommandLine.Mixin
    RoutingOptions options = new RoutingOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RoutingSetup setup = options.routing();
        PrintWriter out = spec.commandLine().getOut();
        for (TierRouter.Eligibility entry : setup.router().eligibility()) {
            CatalogModel model = entry.model();
            String mark = model.id().equals(setup.model().id()) ? "*" : " ";
            String state = entry.enabled() ? "enabled " : "disabled";
            out.printf("%s %-26s %s  %-28s %3d GB  %6s context%s%n", mark, model.id(), state, model.displayName(),
                    model.minGpuMemoryGb(), model.contextWindow() / 1024 + "K",
                    entry.enabled() ? "" : "  (" + entry.reason() + ")");
        }
        out.println("* = the model this workspace uses (set \"model\": {\"name\": ...} in config.json, DAALU_MODEL or --model)");
        out.flush();
        return 0;
    }
}
