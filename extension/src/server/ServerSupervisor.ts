import { Emitter, Event, ResponseError } from 'vscode-jsonrpc/node';
import { InitializeResult } from '../protocol';
import { AgentConnection, describeExit, ExitInfo, ServerEvents } from './AgentConnection';
import { resolveJava } from './javaRuntime';
import { DaaluSettings, launchSpec, resolveJar } from './launch';

/** What the supervisor needs from its host; the extension passes VS Code's settings and Output channel. */
export interface SupervisorHost {
    settings(): DaaluSettings;
    /** The open workspace folder, or undefined when none is open. */
    workspaceRoot(): string | undefined;
    extensionRoot: string;
    clientInfo: { name: string; version: string };
    env: NodeJS.ProcessEnv;
    /** The server's stderr and the supervisor's own lines (the Output channel "Daalu"). */
    log(text: string): void;
    /** How long `initialize` may take before the server is given up on (default 120 s). */
    initializeTimeoutMs?: number;
}

const DEFAULT_INITIALIZE_TIMEOUT_MS = 120_000;

/** A server that is running and initialized. */
export interface StartedServer {
    connection: AgentConnection;
    initialized: InitializeResult;
}

/** Why the server is not available; the message says what to do. */
export class ServerUnavailableError extends Error {}

/**
 * Starts the agent server when it is first needed, and again on the next use after it died: nothing restarts it
 * behind the user's back. Concurrent callers of {@link server} share one start. After {@link markStale} (settings
 * changed) the next use restarts it, but never while a turn is running.
 */
export class ServerSupervisor {
    private current?: Promise<StartedServer>;
    private live?: AgentConnection;
    private stale = false;
    private readonly ready = new WeakSet<AgentConnection>();
    private readonly starting = new Emitter<void>();
    private readonly started = new Emitter<InitializeResult>();
    private readonly failedToStart = new Emitter<string>();
    private readonly stopped = new Emitter<{ info: ExitInfo; message: string }>();

    /** Fires when a start begins. */
    readonly onWillStart: Event<void> = this.starting.event;
    /** Fires after each successful initialize. */
    readonly onDidStart: Event<InitializeResult> = this.started.event;
    /** Fires when a start fails, with the message for the user (also the rejection of {@link server}). */
    readonly onDidFailToStart: Event<string> = this.failedToStart.event;
    /** Fires when an initialized server that was not asked to stop ends, with a message for the user. */
    readonly onDidStop: Event<{ info: ExitInfo; message: string }> = this.stopped.event;

    constructor(private readonly host: SupervisorHost, private readonly events: Omit<ServerEvents, 'stderr'>) {}

    /**
     * The running server, started (and initialized) first if needed.
     *
     * @throws ServerUnavailableError when no workspace is open, Java or the jar is wrong, or initialize fails
     */
    async server(): Promise<StartedServer> {
        if (this.stale && this.live && this.live.activeTurns === 0) {
            await this.stop();
        }
        if (!this.current) {
            this.stale = false;
            const starting = this.start();
            this.current = starting;
            starting.catch((err: Error) => {
                if (this.current === starting) {
                    this.current = undefined;
                }
                this.failedToStart.fire(err.message);
            });
        }
        return this.current;
    }

    /** The connection if a server is running now; never starts one. */
    runningConnection(): AgentConnection | undefined {
        return this.live?.running ? this.live : undefined;
    }

    /** Restart with the new settings at the next use that finds no turn running. */
    markStale(): void {
        this.stale = true;
    }

    /** Stops the server, if one runs, and waits for it to end. */
    async stop(): Promise<void> {
        const live = this.live;
        this.current = undefined;
        this.live = undefined;
        if (live) {
            await live.stop();
        }
    }

    dispose(): Promise<void> {
        const done = this.stop();
        this.starting.dispose();
        this.started.dispose();
        this.failedToStart.dispose();
        this.stopped.dispose();
        return done;
    }

    private async start(): Promise<StartedServer> {
        const root = this.host.workspaceRoot();
        if (!root) {
            throw new ServerUnavailableError('Open a folder first: Daalu works on the files of a workspace folder.');
        }
        this.starting.fire();
        const settings = this.host.settings();
        let spec;
        try {
            const java = await resolveJava(settings.javaPath, this.host.env);
            spec = launchSpec(java.executable, resolveJar(settings, this.host.extensionRoot), ['serve', '--stdio'], settings, this.host.env);
        } catch (err) {
            throw new ServerUnavailableError((err as Error).message);
        }
        this.host.log(`[daalu extension] starting: ${spec.command} ${spec.args.join(' ')} (in ${root})\n`);
        const connection = AgentConnection.start(spec, root, { ...this.events, stderr: text => this.host.log(text) });
        this.live = connection;
        connection.exited.then(info => this.onExit(connection, info));
        const timeoutMs = this.host.initializeTimeoutMs ?? DEFAULT_INITIALIZE_TIMEOUT_MS;
        let timer: ReturnType<typeof setTimeout> | undefined;
        try {
            const initialized = await Promise.race([
                connection.initialize({ workspaceRoot: root, clientInfo: this.host.clientInfo }),
                connection.exited.then(info => { throw new ServerUnavailableError(describeExit(info)); }),
                new Promise<never>((_, reject) => {
                    timer = setTimeout(() => reject(new ServerUnavailableError(`The Daalu server did not answer initialize `
                        + `within ${Math.round(timeoutMs / 1000)} s, so it was stopped; its log is in the Output channel "Daalu".`)), timeoutMs);
                }),
            ]);
            clearTimeout(timer);
            this.ready.add(connection);
            this.started.fire(initialized);
            return { connection, initialized };
        } catch (err) {
            clearTimeout(timer);
            await connection.stop();
            if (err instanceof ServerUnavailableError) {
                throw err;
            }
            const message = err instanceof ResponseError ? err.message : String(err);
            throw new ServerUnavailableError(`The Daalu server could not open the workspace: ${message}`);
        }
    }

    private onExit(connection: AgentConnection, info: ExitInfo): void {
        this.host.log(`[daalu extension] server ended (code ${info.code}, signal ${info.signal})\n`);
        if (this.live === connection) {
            this.live = undefined;
            this.current = undefined;
        }
        // a server that died while starting is reported by the start's own error
        if (!info.requested && this.ready.has(connection)) {
            this.stopped.fire({ info, message: describeExit(info) });
        }
    }
}
