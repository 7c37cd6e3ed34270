package org.sherloc.opensearch;

import java.nio.file.Path;
import java.nio.file.Paths;

import org.codelibs.opensearch.runner.OpenSearchRunner;

/**
 * Starts one OpenSearch node in this JVM with codelibs' OpenSearchRunner (the distribution's
 * bootstrap refuses to run as root and is not on Maven Central).
 *
 * <p>Usage: {@code NodeLauncher <home-dir> [http-port] [transport-port]}. The node listens on
 * 127.0.0.1 only, forms a single-node cluster named "sherloc" and keeps its data, logs and config
 * under {@code <home-dir>/node_1}. It runs until the process is stopped (SIGTERM closes it cleanly).
 */
public final class NodeLauncher {

    /** Only the modules that the portal's index needs: HTTP, the language analyzers, scripts. */
    static final String MODULES = String.join(",",
            "org.opensearch.transport.Netty4Plugin",
            "org.opensearch.analysis.common.CommonAnalysisPlugin",
            "org.opensearch.painless.PainlessPlugin");

    private NodeLauncher() {
    }

    public static void main(final String[] args) throws Exception {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: NodeLauncher <home-dir> [http-port] [transport-port]");
            System.exit(2);
        }
        final Path home = Paths.get(args[0]).toAbsolutePath();
        final int httpPort = args.length > 1 ? Integer.parseInt(args[1]) : 9200;
        final int transportPort = args.length > 2 ? Integer.parseInt(args[2]) : 9300;
        final long started = System.nanoTime();

        final OpenSearchRunner runner = new OpenSearchRunner();
        runner.onBuild((index, settings) -> {
            settings.put("discovery.type", "single-node");
            settings.put("network.host", "127.0.0.1");
            settings.put("http.port", String.valueOf(httpPort));
            settings.put("transport.port", String.valueOf(transportPort));
            settings.put("cluster.name", "sherloc");
            settings.put("node.name", "sherloc-" + index);
            // A nearly full disk on a build machine must not turn the indices read-only.
            settings.put("cluster.routing.allocation.disk.threshold_enabled", "false");
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                runner.close();
            } catch (final Exception e) {
                System.err.println("closing the node failed: " + e);
            }
        }, "sherloc-node-shutdown"));

        try {
            runner.build(OpenSearchRunner.newConfigs()
                    .basePath(home.toString())
                    .numOfNode(1)
                    .clusterName("sherloc")
                    .moduleTypes(MODULES));
        } catch (final Exception e) {
            System.err.println("OpenSearch node failed to start:");
            e.printStackTrace();
            System.exit(1);
        }
        System.out.printf("OpenSearch node up on http://127.0.0.1:%d/ in %.1fs (home %s)%n", httpPort,
                (System.nanoTime() - started) / 1e9, home);
        while (!runner.isClosed()) {
            Thread.sleep(1000);
        }
    }
}
