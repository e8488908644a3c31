import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The oldest Java the agent server runs on. */
export const MIN_JAVA_MAJOR = 21;

/** A usable Java: the executable to run and its major version. */
export interface JavaRuntime {
    executable: string;
    major: number;
    /** Where it came from, for messages: the setting, JAVA_HOME or PATH. */
    source: 'daalu.javaPath' | 'JAVA_HOME' | 'PATH';
}

/** A Java problem the user can fix; its message says how. */
export class JavaError extends Error {}

/**
 * Picks the java executable: the `daalu.javaPath` setting, else `$JAVA_HOME/bin/java`, else `java` on the PATH.
 * Only the first source that is set is used, so a wrong setting is reported rather than silently skipped.
 */
export function chooseJava(configured: string | undefined, env: NodeJS.ProcessEnv): Pick<JavaRuntime, 'executable' | 'source'> {
    if (configured && configured.trim()) {
        return { executable: configured.trim(), source: 'daalu.javaPath' };
    }
    if (env.JAVA_HOME && env.JAVA_HOME.trim()) {
        return { executable: path.join(env.JAVA_HOME.trim(), 'bin', 'java'), source: 'JAVA_HOME' };
    }
    return { executable: 'java', source: 'PATH' };
}

/**
 * The major version in `java -version` output, e.g. 17 for `openjdk version "17.0.12"` and 8 for `"1.8.0_292"`;
 * undefined when the output names no version.
 */
export function parseJavaMajor(versionOutput: string): number | undefined {
    const match = /version "(\d+)(?:\.(\d+))?[^"]*"/.exec(versionOutput);
    if (!match) {
        return undefined;
    }
    const first = Number(match[1]);
    return first === 1 && match[2] !== undefined ? Number(match[2]) : first;
}

/**
 * Finds the Java to run the server with and checks it is Java 21 or newer by running `java -version`.
 *
 * @throws JavaError with a message that names the executable, what is wrong, and the setting to change
 */
export async function resolveJava(configured: string | undefined, env: NodeJS.ProcessEnv, timeoutMs = 15_000): Promise<JavaRuntime> {
    const chosen = chooseJava(configured, env);
    if (chosen.source !== 'PATH' && !fs.existsSync(chosen.executable)) {
        throw new JavaError(`Daalu needs Java ${MIN_JAVA_MAJOR} or newer, but ${chosen.executable} (from ${chosen.source}) does not exist. `
            + 'Set daalu.javaPath to the java executable of a JDK 21+.');
    }
    const output = await versionOutput(chosen.executable, env, timeoutMs).catch((err: NodeJS.ErrnoException) => {
        const why = err.code === 'ENOENT' ? 'was not found' : `could not be run (${err.message})`;
        throw new JavaError(`Daalu needs Java ${MIN_JAVA_MAJOR} or newer, but ${chosen.executable} (from ${chosen.source}) ${why}. `
            + 'Install a JDK 21+ and set daalu.javaPath (or JAVA_HOME) to it.');
    });
    const major = parseJavaMajor(output);
    if (major === undefined) {
        throw new JavaError(`Could not tell the Java version of ${chosen.executable} (from ${chosen.source}); `
            + `Daalu needs Java ${MIN_JAVA_MAJOR} or newer. Set daalu.javaPath to the java of a JDK 21+.`);
    }
    if (major < MIN_JAVA_MAJOR) {
        throw new JavaError(`Daalu needs Java ${MIN_JAVA_MAJOR} or newer, but ${chosen.executable} (from ${chosen.source}) is Java ${major}. `
            + 'Set daalu.javaPath (or JAVA_HOME) to a JDK 21+.');
    }
    return { ...chosen, major };
}

function versionOutput(executable: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<string> {
    return new Promise((resolve, reject) => {
        execFile(executable, ['-version'], { timeout: timeoutMs, env }, (err, stdout, stderr) => {
            // a string code is a spawn failure (ENOENT, EACCES); killed means it hung past the timeout
            if (err && (typeof (err as NodeJS.ErrnoException).code === 'string' || err.killed)) {
                reject(err);
                return;
            }
            // java prints its version on stderr; a non-zero exit with a version line still tells us the version
            resolve(`${stderr}\n${stdout}`);
        });
    });
}
