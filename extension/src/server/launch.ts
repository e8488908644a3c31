import * as fs from 'node:fs';
import * as path from 'node:path';

/** The `daalu.*` settings that decide how the agent server is started. Empty strings mean "not set". */
export interface DaaluSettings {
    serverPath: string;
    javaPath: string;
    modelEndpoint: string;
    model: string;
}

/** How to start one Java process of the agent server: executable, arguments and environment. */
export interface LaunchSpec {
    command: string;
    args: string[];
    env: NodeJS.ProcessEnv;
}

/** Where the jar ships inside the packaged extension. */
export const BUNDLED_JAR = path.join('server', 'daalu.jar');

/** A settings problem the user can fix; its message says how. */
export class LaunchError extends Error {}

/**
 * The agent server jar: the `daalu.serverPath` setting, else the jar shipped in the extension.
 *
 * @throws LaunchError when that file does not exist
 */
export function resolveJar(settings: DaaluSettings, extensionRoot: string): string {
    const configured = settings.serverPath.trim();
    const jar = configured || path.join(extensionRoot, BUNDLED_JAR);
    if (!fs.existsSync(jar)) {
        throw new LaunchError(configured
            ? `The Daalu server jar ${jar} (daalu.serverPath) does not exist. Point daalu.serverPath at daalu.jar.`
            : `This Daalu extension ships no server jar (${jar} is missing). Set daalu.serverPath to a daalu.jar.`);
    }
    return jar;
}

/**
 * The command line for a subcommand of the jar, e.g. `['serve', '--stdio']` or `['chat']`, with the JVM flags the
 * launcher `bin/daalu` uses: tree-sitter is native code, deep syntax trees need a larger stack, and a bounded heap
 * (1 GiB holds a kernel-sized index and its repo-map graph; the JVM's default, a quarter of RAM, would let it grow
 * past that for nothing).
 */
export function launchSpec(java: string, jar: string, subcommand: string[], settings: DaaluSettings,
                           baseEnv: NodeJS.ProcessEnv): LaunchSpec {
    return {
        command: java,
        args: ['--enable-native-access=ALL-UNNAMED', '-Xss16m', '-Xmx1g', '-jar', jar, ...subcommand],
        env: serverEnv(settings, baseEnv),
    };
}

/** The child's environment: the editor's, plus the model settings the server reads from its environment. */
export function serverEnv(settings: DaaluSettings, baseEnv: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { ...baseEnv };
    if (settings.modelEndpoint.trim()) {
        env.DAALU_MODEL_ENDPOINT = settings.modelEndpoint.trim();
    }
    if (settings.model.trim()) {
        env.DAALU_MODEL = settings.model.trim();
    }
    return env;
}
