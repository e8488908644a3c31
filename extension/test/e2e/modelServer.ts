import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** One recorded request of the scripted server (see testkit/README.md, GET /_scripted/requests). */
export interface RecordedRequest {
    method: string;
    path: string;
    body?: { messages?: { role: string; content?: unknown }[] } | null;
}

/**
 * The project's scripted OpenAI-compatible model server (testkit/target/testkit.jar, `--script FILE`) as a
 * process: one scripted step answers one chat request, in order.
 */
export class ModelServer {
    private child?: ChildProcess;
    private base = '';

    constructor(private readonly jar: string, private readonly java: string) {}

    /** Writes the script, starts the server, and resolves with the base URL to configure (…/v1). */
    async start(script: object, dir: string, timeoutMs = 30_000): Promise<string> {
        if (!fs.existsSync(this.jar)) {
            throw new Error(`no scripted model server at ${this.jar}: build it with mvn -B -q -DskipTests package`);
        }
        const file = path.join(dir, 'model-script.json');
        fs.writeFileSync(file, JSON.stringify(script, null, 2));
        this.child = spawn(this.java, ['-jar', this.jar, '--script', file], { stdio: ['ignore', 'pipe', 'pipe'] });
        let stderr = '';
        this.child.stderr!.on('data', d => { stderr += d; });
        const port = await new Promise<string>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error('the scripted model server did not print its port')), timeoutMs);
            this.child!.stdout!.once('data', (d: Buffer) => { clearTimeout(timer); resolve(d.toString().trim()); });
            this.child!.once('exit', code => { clearTimeout(timer); reject(new Error(`the scripted model server exited (${code}): ${stderr}`)); });
        });
        this.base = `http://127.0.0.1:${port}`;
        return `${this.base}/v1`;
    }

    /** What it has received so far, chat requests and others. */
    async requests(): Promise<RecordedRequest[]> {
        const res = await fetch(`${this.base}/_scripted/requests`);
        return ((await res.json()) as { requests: RecordedRequest[] }).requests;
    }

    async stop(): Promise<void> {
        const child = this.child;
        if (child && child.exitCode === null) {
            const exited = new Promise(resolve => child.once('exit', resolve));
            child.kill('SIGTERM');
            await exited;
        }
    }
}
