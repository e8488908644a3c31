import { ChildProcess, execFile, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** code-server as installed by scripts/install-test-deps.sh (override with $DAALU_CODE_SERVER). */
export function codeServerBinary(): string {
    const cache = process.env.DAALU_TEST_CACHE ?? path.join(os.homedir(), '.cache', 'daalu');
    const binary = process.env.DAALU_CODE_SERVER ?? path.join(cache, 'code-server-4.100.3', 'node_modules', '.bin', 'code-server');
    if (!fs.existsSync(binary)) {
        throw new Error(`code-server is not installed at ${binary}: run extension/scripts/install-test-deps.sh`);
    }
    return binary;
}

export interface CodeServerOptions {
    /** Holds user-data/ and extensions/. */
    dir: string;
    workspace: string;
    /** The user settings.json content. */
    settings: Record<string, unknown>;
    vsix: string;
    env: NodeJS.ProcessEnv;
    log(line: string): void;
}

/**
 * One code-server on 127.0.0.1 with auth off, its own user data and extensions folders, and the given user
 * settings. {@link start} installs the .vsix with `--install-extension` first, as an operator would.
 */
export class CodeServer {
    private child?: ChildProcess;
    url = '';

    constructor(private readonly options: CodeServerOptions) {}

    async start(timeoutMs = 90_000): Promise<string> {
        const o = this.options;
        const userData = path.join(o.dir, 'user-data');
        const extensions = path.join(o.dir, 'extensions');
        fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
        fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(o.settings, null, 2));
        const common = ['--user-data-dir', userData, '--extensions-dir', extensions];
        const installed = await run(codeServerBinary(), [...common, '--install-extension', o.vsix, '--force'], o.env);
        o.log(installed.trim());
        this.child = spawn(codeServerBinary(), [
            ...common, '--auth', 'none', '--bind-addr', '127.0.0.1:0', '--disable-telemetry', '--disable-update-check',
            '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened', o.workspace,
        ], { env: o.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
        this.url = await new Promise<string>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error('code-server did not report its address in time')), timeoutMs);
            const onData = (data: Buffer) => {
                for (const line of data.toString('utf8').split('\n').filter(Boolean)) {
                    o.log(`[code-server] ${line}`);
                    const match = /HTTP server listening on (http:\/\/[^\s]+)/.exec(line);
                    if (match) {
                        clearTimeout(timer);
                        resolve(match[1].replace(/\/$/, ''));
                    }
                }
            };
            this.child!.stdout!.on('data', onData);
            this.child!.stderr!.on('data', onData);
            this.child!.on('exit', code => { clearTimeout(timer); reject(new Error(`code-server exited with ${code}`)); });
        });
        return this.url;
    }

    /** Ends code-server and everything it started (its extension host, and so the Daalu server). */
    async stop(): Promise<void> {
        const child = this.child;
        if (!child || child.exitCode !== null || child.pid === undefined) {
            return;
        }
        const exited = new Promise<void>(resolve => child.once('exit', () => resolve()));
        process.kill(-child.pid, 'SIGTERM');
        const timer = setTimeout(() => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* already gone */ } }, 5_000);
        await exited;
        clearTimeout(timer);
    }
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
    return new Promise((resolve, reject) => {
        execFile(command, args, { env, timeout: 120_000 }, (err, stdout, stderr) => {
            if (err) {
                reject(new Error(`${path.basename(command)} ${args.join(' ')} failed: ${stderr || err.message}`));
            } else {
                resolve(stdout);
            }
        });
    });
}
