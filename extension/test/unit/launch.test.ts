import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { DaaluSettings, launchSpec, resolveJar } from '../../src/server/launch';

const none: DaaluSettings = { serverPath: '', javaPath: '', modelEndpoint: '', model: '' };

describe('launching the server', () => {
    it('uses the jar shipped in the extension unless daalu.serverPath names one', () => {
        const root = fs.mkdtempSync(path.join(os.tmpdir(), 'daalu-ext-'));
        fs.mkdirSync(path.join(root, 'server'));
        fs.writeFileSync(path.join(root, 'server', 'daalu.jar'), '');
        assert.equal(resolveJar(none, root), path.join(root, 'server', 'daalu.jar'));
        const own = path.join(root, 'own.jar');
        fs.writeFileSync(own, '');
        assert.equal(resolveJar({ ...none, serverPath: ` ${own} ` }, root), own);
    });

    it('says which jar is missing and which setting to change', () => {
        const root = fs.mkdtempSync(path.join(os.tmpdir(), 'daalu-ext-'));
        assert.throws(() => resolveJar(none, root), /ships no server jar .*Set daalu.serverPath/);
        assert.throws(() => resolveJar({ ...none, serverPath: '/nope/daalu.jar' }, root),
            /The Daalu server jar \/nope\/daalu.jar \(daalu.serverPath\) does not exist/);
    });

    it('passes the model settings as environment variables, and leaves them alone when unset', () => {
        const spec = launchSpec('/jdk/bin/java', '/x/daalu.jar', ['serve', '--stdio'],
            { ...none, modelEndpoint: ' http://127.0.0.1:8000/v1 ', model: 'qwen2.5-coder-14b' }, { PATH: '/bin', DAALU_MODEL: 'old' });
        assert.equal(spec.command, '/jdk/bin/java');
        assert.deepEqual(spec.args, ['--enable-native-access=ALL-UNNAMED', '-Xss16m', '-Xmx1g', '-jar', '/x/daalu.jar', 'serve', '--stdio']);
        assert.deepEqual(spec.env, { PATH: '/bin', DAALU_MODEL_ENDPOINT: 'http://127.0.0.1:8000/v1', DAALU_MODEL: 'qwen2.5-coder-14b' });
        assert.deepEqual(launchSpec('java', 'j', ['chat'], none, { DAALU_MODEL: 'from-env' }).env, { DAALU_MODEL: 'from-env' });
    });
});
