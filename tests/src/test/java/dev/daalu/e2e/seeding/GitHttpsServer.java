package dev.daalu.e2e.seeding;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real git server over HTTPS for the seeding tests: the JDK's {@link HttpsServer}, with a self-signed
 * certificate for 127.0.0.1 made by the JDK's keytool, running the real {@code git http-backend} as a CGI
 * program. Repositories under {@code private/} need HTTP Basic authentication whose password is the token (any
 * user name); the others are public. Git trusts the server through {@link #caFile()} ({@code http.sslCAInfo}).
 *
 * <p>It records every request's path and {@code Authorization} header, and can hold the {@code git-upload-pack}
 * POST (the pack transfer, sent after authentication succeeded) until the test releases it, which makes a clone
 * last as long as a test needs without any sleep.
 */
final class GitHttpsServer implements AutoCloseable {

    /** One request as the server saw it. */
    record Request(String method, String path, String authorization) {
    }

    private static final String STORE_PASSWORD = "test-only-keystore";
    private static final String REALM = "daalu-test";

    private final HttpsServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Path projectRoot;
    private final Path caFile;
    private final String token;
    private final Set<String> privateRepositories = ConcurrentHashMap.newKeySet();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream backendErrors = new ByteArrayOutputStream();
    private volatile Gate gate;

    private record Gate(CountDownLatch arrived, CountDownLatch release) {
    }

    private GitHttpsServer(HttpsServer server, Path projectRoot, Path caFile, String token) {
        this.server = server;
        this.projectRoot = projectRoot;
        this.caFile = caFile;
        this.token = token;
    }

    /**
     * Starts a server on a free loopback port, keeping its repositories, key store and CA file under {@code dir}.
     *
     * @param token the password private repositories accept
     */
    static GitHttpsServer start(Path dir, String token) throws Exception {
        Path tls = Files.createDirectories(dir.resolve("tls"));
        Path keyStore = tls.resolve("server.p12");
        Path caFile = tls.resolve("ca.pem");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-ext", "BC:c=ca:true",
                "-validity", "3", "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", keyStore.toString(),
                "-storepass", STORE_PASSWORD, "-file", caFile.toString());
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, STORE_PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, STORE_PASSWORD.toCharArray());
        SSLContext tlsContext = SSLContext.getInstance("TLS");
        tlsContext.init(keys.getKeyManagers(), null, null);

        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(tlsContext));
        GitHttpsServer server = new GitHttpsServer(https, Files.createDirectories(dir.resolve("repos")), caFile, token);
        https.createContext("/", server::handle);
        https.setExecutor(server.executor);
        https.start();
        return server;
    }

    Path caFile() {
        return caFile;
    }

    /** {@code https://127.0.0.1:PORT/<repository>}. */
    String url(String repository) {
        return "https://127.0.0.1:" + server.getAddress().getPort() + "/" + repository;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** What git http-backend wrote to stderr so far (for failure messages). */
    String backendErrors() {
        synchronized (backendErrors) {
            return backendErrors.toString(StandardCharsets.UTF_8);
        }
    }

    /**
     * Creates a bare repository at {@code repository} (private when it starts with {@code private/}) holding one
     * commit with {@code files} on {@code branch}, pushed by the real git.
     */
    void createRepository(String repository, String branch, Map<String, String> files, Path scratch) throws Exception {
        Path bare = projectRoot.resolve(repository);
        Files.createDirectories(bare);
        Git.run(bare, "init", "--bare", "--quiet", "--initial-branch=" + branch);
        Path work = Files.createTempDirectory(scratch, "push-");
        Git.run(work, "init", "--quiet", "--initial-branch=" + branch);
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = work.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
        Git.run(work, "add", "--all");
        Git.run(work, "-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "--quiet", "-m", "seed");
        Git.run(work, "push", "--quiet", bare.toString(), branch);
        if (repository.startsWith("private/")) {
            privateRepositories.add(repository);
        }
    }

    /**
     * Holds the next {@code git-upload-pack} POST: counts down {@code arrived} when it comes, then waits (at most
     * a minute) for {@code release} before answering it.
     */
    void holdPackTransfer(CountDownLatch arrived, CountDownLatch release) {
        gate = new Gate(arrived, release);
    }

    @Override
    public void close() {
        Gate held = gate;
        if (held != null) {
            held.release().countDown();
        }
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            requests.add(new Request(exchange.getRequestMethod(), path, authorization));
            if (needsAuthentication(path) && !authorized(authorization)) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            holdIfGated(exchange, path);
            runBackend(exchange, path, authorization != null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean needsAuthentication(String path) {
        return privateRepositories.stream().anyMatch(repository -> path.startsWith("/" + repository + "/"));
    }

    private boolean authorized(String authorization) {
        if (authorization == null || !authorization.startsWith("Basic ")) {
            return false;
        }
        String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return colon >= 0 && decoded.substring(colon + 1).equals(token);
    }

    private void holdIfGated(HttpExchange exchange, String path) throws InterruptedException {
        Gate held = gate;
        if (held != null && "POST".equals(exchange.getRequestMethod()) && path.endsWith("/git-upload-pack")) {
            gate = null;
            held.arrived().countDown();
            held.release().await(1, TimeUnit.MINUTES);
        }
    }

    /** Runs git http-backend as CGI: request body to its stdin, its stdout (CGI headers, then body) back. */
    private void runBackend(HttpExchange exchange, String path, boolean authenticated) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("git", "http-backend");
        Map<String, String> env = builder.environment();
        env.put("GIT_PROJECT_ROOT", projectRoot.toString());
        env.put("GIT_HTTP_EXPORT_ALL", "1");
        env.put("PATH_INFO", path);
        String query = exchange.getRequestURI().getRawQuery();
        env.put("QUERY_STRING", query == null ? "" : query);
        env.put("REQUEST_METHOD", exchange.getRequestMethod());
        env.put("REMOTE_ADDR", exchange.getRemoteAddress().getAddress().getHostAddress());
        if (authenticated) {
            env.put("REMOTE_USER", "test");
        }
        putHeader(exchange, env, "Content-Type", "CONTENT_TYPE");
        putHeader(exchange, env, "Content-Length", "CONTENT_LENGTH");
        putHeader(exchange, env, "Content-Encoding", "HTTP_CONTENT_ENCODING");
        putHeader(exchange, env, "Git-Protocol", "GIT_PROTOCOL");
        Process backend = builder.start();
        Thread requestBody = Thread.ofVirtual().start(() -> copyAndClose(exchange.getRequestBody(), backend.getOutputStream()));
        Thread errors = Thread.ofVirtual().start(() -> collectErrors(backend.getErrorStream()));
        InputStream out = backend.getInputStream();
        int status = 200;
        for (String line = readLine(out); line != null && !line.isEmpty(); line = readLine(out)) {
            int colon = line.indexOf(':');
            String name = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Status")) {
                status = Integer.parseInt(value.split(" ")[0]);
            } else {
                exchange.getResponseHeaders().add(name, value);
            }
        }
        exchange.sendResponseHeaders(status, 0);
        try (OutputStream body = exchange.getResponseBody()) {
            out.transferTo(body);
        }
        backend.waitFor(1, TimeUnit.MINUTES);
        requestBody.join(TimeUnit.SECONDS.toMillis(10));
        errors.join(TimeUnit.SECONDS.toMillis(10));
    }

    private static void putHeader(HttpExchange exchange, Map<String, String> env, String header, String variable) {
        String value = exchange.getRequestHeaders().getFirst(header);
        if (value != null) {
            env.put(variable, value);
        }
    }

    /** One CGI header line (LF or CRLF ended), or null at the end of the stream. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            line.write(c);
        }
        if (c < 0 && line.size() == 0) {
            return null;
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    private static void copyAndClose(InputStream from, OutputStream to) {
        try (from; to) {
            from.transferTo(to);
        } catch (IOException e) {
            // the backend exited early; its status line says why
        }
    }

    private void collectErrors(InputStream errors) {
        try (errors) {
            byte[] bytes = errors.readAllBytes();
            synchronized (backendErrors) {
                backendErrors.write(bytes);
            }
        } catch (IOException e) {
            // best effort: only used in failure messages
        }
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool " + args[0] + " failed: " + output);
        }
    }
}
