package dev.daalu.server.routing;

import dev.daalu.server.model.RefusedDestination;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Response;

import java.io.IOException;
import java.util.Set;

/**
 * Refuses every HTTP request whose destination is not an allowed inference tier, so a bug anywhere else still
 * cannot send a prompt out of the perimeter. Installed as a network interceptor (it sees every hop, redirects
 * included) on the one client that carries model calls; no other code has to remember the privacy rule.
 */
public final class PerimeterInterceptor implements Interceptor {

    private static final System.Logger LOG = System.getLogger(PerimeterInterceptor.class.getName());

    private final Set<String> allowedOrigins;

    /** @param allowedOrigins {@code scheme://host:port} of the allowed tiers */
    public PerimeterInterceptor(Set<String> allowedOrigins) {
        this.allowedOrigins = Set.copyOf(allowedOrigins);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        HttpUrl url = chain.request().url();
        String origin = url.scheme() + "://" + url.host().toLowerCase(java.util.Locale.ROOT) + ":" + url.port();
        if (!allowedOrigins.contains(origin)) {
            LOG.log(System.Logger.Level.WARNING, "refused a request to {0}: not an allowed inference tier", origin);
            throw new PerimeterViolation(origin);
        }
        return chain.proceed(chain.request());
    }

    /** A request to a destination outside the perimeter; nothing was sent. */
    public static final class PerimeterViolation extends RefusedDestination {
        private static final long serialVersionUID = 1L;

        PerimeterViolation(String origin) {
            super("refused to send to " + origin + ": it is not an allowed in-perimeter inference tier; nothing was sent");
        }
    }
}
