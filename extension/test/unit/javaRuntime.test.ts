import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { chooseJava, JavaError, parseJavaMajor, resolveJava } from '../../src/server/javaRuntime';

function fakeJava(dir: string, script: string): string {
    const file = path.join(dir, `java-${Math.random().toString(16).slice(2)}`);
    fs.writeFileSync(file, `#!/bin/sh\n${script}\n`, { mode: 0o755 });
    return file;
}

describe('finding Java', () => {
    it('reads the major version of every java -version style', () => {
        assert.equal(parseJavaMajor('openjdk version "21.0.4" 2024-07-16'), 21);
        assert.equal(parseJavaMajor('openjdk version "25" 2025-09-16'), 25);
        assert.equal(parseJavaMajor('java version "1.8.0_292"'), 8);
        assert.equal(parseJavaMajor('openjdk version "17.0.12" 2024-07-16\nOpenJDK Runtime'), 17);
        assert.equal(parseJavaMajor('openjdk version "22-ea" 2024-03-19'), 22);
        assert.equal(parseJavaMajor('bash: java: command not found'), undefined);
    });

    it('prefers daalu.javaPath, then JAVA_HOME, then PATH', () => {
        assert.deepEqual(chooseJava(' /opt/jdk/bin/java ', { JAVA_HOME: '/jdk' }), { executable: '/opt/jdk/bin/java', source: 'daalu.javaPath' });
        assert.deepEqual(chooseJava('', { JAVA_HOME: '/jdk' }), { executable: path.join('/jdk', 'bin', 'java'), source: 'JAVA_HOME' });
        assert.deepEqual(chooseJava(undefined, {}), { executable: 'java', source: 'PATH' });
    });

    it('accepts Java 21 and newer', async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'daalu-java-'));
        const java = fakeJava(dir, 'echo \'openjdk version "21.0.4" 2024-07-16\' >&2');
        assert.deepEqual(await resolveJava(java, {}), { executable: java, source: 'daalu.javaPath', major: 21 });
    });

    it('says clearly that an older Java will not do, and what to set', async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'daalu-java-'));
        fs.mkdirSync(path.join(dir, 'bin'));
        fs.writeFileSync(path.join(dir, 'bin', 'java'), '#!/bin/sh\necho \'openjdk version "17.0.12" 2024-07-16\' >&2\n', { mode: 0o755 });
        await assert.rejects(resolveJava('', { JAVA_HOME: dir }), (err: Error) => err instanceof JavaError
            && err.message === `Daalu needs Java 21 or newer, but ${path.join(dir, 'bin', 'java')} (from JAVA_HOME) is Java 17. `
                + 'Set daalu.javaPath (or JAVA_HOME) to a JDK 21+.');
    });

    it('names a configured java that does not exist', async () => {
        await assert.rejects(resolveJava('/nonexistent/java', {}), /\/nonexistent\/java \(from daalu.javaPath\) does not exist/);
    });

    it('says when no java is on the PATH', async () => {
        await assert.rejects(resolveJava('', { PATH: '/nonexistent' }), /java \(from PATH\) was not found/);
    });

    it('says when the version cannot be told', async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'daalu-java-'));
        await assert.rejects(resolveJava(fakeJava(dir, 'echo hello'), {}), /Could not tell the Java version/);
    });
});
