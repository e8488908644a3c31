// Builds daalu-<version>.vsix: type-checks, bundles for production, copies the agent server jar into server/,
// and packs with vsce. The jar is agent-server/target/daalu.jar (build it with `mvn -B -q -DskipTests package` at
// the repository root), or the file named by DAALU_SERVER_JAR.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const jar = resolve(process.env.DAALU_SERVER_JAR ?? join(root, '..', 'agent-server', 'target', 'daalu.jar'));
if (!existsSync(jar)) {
    console.error(`package: no server jar at ${jar}. Build it first: (cd ${resolve(root, '..')} && mvn -B -q -DskipTests package)`);
    process.exit(1);
}
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });
run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.', '--noEmit']);
run(process.execPath, [join(root, 'esbuild.mjs'), '--production']);
mkdirSync(join(root, 'server'), { recursive: true });
copyFileSync(jar, join(root, 'server', 'daalu.jar'));
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const out = join(root, `daalu-${version}.vsix`);
run(process.execPath, [join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies',
    '--allow-missing-repository', '--skip-license', '--out', out]);
console.log(out);
