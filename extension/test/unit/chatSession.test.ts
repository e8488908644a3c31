import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { ApprovalBroker } from '../../src/approval/ApprovalBroker';
import { ChatSession, SavedChat } from '../../src/chat/ChatSession';
import { Entry, ToolEntry, ToWebview } from '../../src/chat/messages';
import { ServerSupervisor } from '../../src/server/ServerSupervisor';

/**
 * The chat session against a real child process: the supervisor starts test/fixtures/fake-java, which runs the
 * scripted JSON-RPC server (test/fixtures/fakeAgentServer.ts) over stdio with LSP framing.
 */
const fakeJava = path.resolve(__dirname, '../../../test/fixtures/fake-java');

interface Harness {
    session: ChatSession;
    supervisor: ServerSupervisor;
    broker: ApprovalBroker;
    sent: ToWebview[];
    saved: SavedChat[];
    record: string;
    log: string[];
    /** Resolves once the server's log contains `text`. */
    logged(text: string): Promise<void>;
}

let dir: string;
let harness: Harness | undefined;

beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'daalu-chat-')); });
afterEach(async () => {
    await harness?.supervisor.dispose();
    harness = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
});

function start(options: { javaPath?: string; saved?: SavedChat; env?: NodeJS.ProcessEnv; initializeTimeoutMs?: number } = {}): Harness {
    const jar = path.join(dir, 'daalu.jar');
    fs.writeFileSync(jar, 'not really a jar');
    const record = path.join(dir, 'record.json');
    const log: string[] = [];
    const waiters: (() => void)[] = [];
    const logged = (text: string) => new Promise<void>(resolve => {
        const check = () => log.join('').includes(text) ? (resolve(), true) : false;
        if (!check()) {
            waiters.push(() => { check(); });
        }
    });
    const sent: ToWebview[] = [];
    const saved: SavedChat[] = [];
    const broker = new ApprovalBroker();
    let session: ChatSession | undefined;
    const supervisor = new ServerSupervisor({
        settings: () => ({ serverPath: jar, javaPath: options.javaPath ?? fakeJava, modelEndpoint: 'http://127.0.0.1:9/v1', model: 'fake-1b' }),
        workspaceRoot: () => dir,
        extensionRoot: dir,
        clientInfo: { name: 'test', version: '0' },
        env: { ...process.env, FAKE_SERVER_RECORD: record, ...options.env },
        log: text => { log.push(text); waiters.forEach(w => w()); },
        initializeTimeoutMs: options.initializeTimeoutMs,
    }, {
        delta: p => session!.delta(p),
        toolCall: p => session!.toolCall(p),
        toolResult: p => session!.toolResult(p),
        notice: p => session!.notice(p),
        approvalRequest: (p, token) => session!.approvalRequest(p, token),
        approvalWithdrawn: p => session!.approvalWithdrawn(p),
        progress: () => undefined,
    });
    supervisor.onDidStop(({ message }) => session!.serverStopped(message));
    session = new ChatSession(supervisor, broker, { load: () => options.saved, save: chat => saved.push(chat) });
    session.onDidChange(m => sent.push(m));
    harness = { session, supervisor, broker, sent, saved, record, log, logged };
    return harness;
}

/** Resolves once `predicate` holds for the session's state after some change (no sleeping). */
function until(h: Harness, predicate: (entries: Entry[]) => boolean): Promise<void> {
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out; entries: ${JSON.stringify(h.session.state().entries)}`)), 10_000);
        const check = () => {
            if (predicate(h.session.state().entries)) {
                clearTimeout(timer);
                sub.dispose();
                resolve();
            }
        };
        const sub = h.session.onDidChange(check);
        check();
    });
}

const pendingApproval = (entries: Entry[]) =>
    entries.some(e => e.kind === 'tool' && e.approval?.state === 'pending');
const tool = (h: Harness) => h.session.state().entries.find((e): e is ToolEntry => e.kind === 'tool')!;

describe('a chat session with a real server process', () => {
    it('starts the server with the jar, the serve --stdio command and the model settings, and streams an answer', async () => {
        const h = start();
        await h.session.send('hello');
        const entries = h.session.state().entries;
        assert.deepEqual(entries.map(e => e.kind), ['user', 'assistant', 'notice']);
        assert.equal((entries[1] as { text: string }).text, 'Hello, **world**');
        assert.equal((entries[2] as { text: string }).text, 'History condensed to fit.', 'chat/notice is shown');
        assert.deepEqual(h.sent.filter(m => m.type === 'append').map(m => (m as { text: string }).text), ['**world**']);
        const record = JSON.parse(fs.readFileSync(h.record, 'utf8'));
        assert.deepEqual(record.argv, ['--enable-native-access=ALL-UNNAMED', '-Xss16m', '-Xmx1g', '-jar', path.join(dir, 'daalu.jar'), 'serve', '--stdio']);
        assert.equal(record.endpoint, 'http://127.0.0.1:9/v1');
        assert.equal(record.model, 'fake-1b');
        assert.equal(fs.realpathSync(record.cwd), fs.realpathSync(dir));
        assert.match(h.log.join(''), /fake server: initialize/, 'server stderr reaches the log');
        assert.equal(h.session.state().busy, false);
    });

    it('continues the same server session on the next message', async () => {
        const h = start();
        await h.session.send('hello');
        await h.session.send('hello');
        assert.equal(h.saved[h.saved.length - 1].sessionId, 's1');
    });

    it('applies nothing until Approve, then reports the approved result', async () => {
        const h = start();
        const turn = h.session.send('write');
        await until(h, pendingApproval);
        assert.equal(tool(h).state, 'running');
        assert.equal(tool(h).approval?.path, 'notes.txt');
        h.session.handle({ type: 'decide', approvalId: 'a1', decision: 'approve' });
        await turn;
        assert.equal(tool(h).state, 'ok');
        assert.equal(tool(h).approval?.state, 'approved');
        const last = h.session.state().entries.at(-1) as { text: string };
        assert.equal(last.text, 'Applied.');
    });

    it('sends a denial with the user\'s reason to the server', async () => {
        const h = start();
        const turn = h.session.send('command');
        await until(h, pendingApproval);
        h.session.handle({ type: 'decide', approvalId: 'a1', decision: 'deny', reason: 'not on prod' });
        await turn;
        assert.equal(tool(h).state, 'denied');
        assert.equal(tool(h).output, 'denied: not on prod');
        assert.equal(tool(h).approval?.reason, 'not on prod');
    });

    it('stops a running turn with chat/cancel; the withdrawn prompt goes away', async () => {
        const h = start();
        const turn = h.session.send('hang');
        await until(h, pendingApproval);
        h.session.stop();
        await turn;
        const state = h.session.state();
        assert.equal(tool(h).approval?.state, 'withdrawn');
        assert.equal(tool(h).state, 'cancelled');
        assert.equal(h.broker.size, 0);
        assert.deepEqual({ ...state.entries.at(-1), id: undefined }, { kind: 'notice', id: undefined, level: 'info', text: 'Stopped by the user.' });
        assert.equal(state.busy, false);
    });

    it('says the server died, and restarts it with the next message', async () => {
        const h = start();
        await h.session.send('crash');
        await until(h, entries => entries.some(e => e.kind === 'notice'));
        const notice = h.session.state().entries.find(e => e.kind === 'notice') as { text: string; level: string };
        assert.equal(notice.level, 'error');
        assert.match(notice.text, /The Daalu server stopped \(exit code 3\): fake server: out of memory \(simulated\)\. Your next message restarts it\./);
        assert.equal(h.session.state().busy, false);
        await h.session.send('hello');
        assert.equal((h.session.state().entries.at(-2) as { text: string }).text, 'Hello, **world**');
    });

    it('explains an old Java instead of starting it', async () => {
        const old = path.join(dir, 'java17');
        fs.writeFileSync(old, '#!/bin/sh\necho \'openjdk version "17.0.12" 2024-07-16\' >&2\n', { mode: 0o755 });
        const h = start({ javaPath: old });
        await h.session.send('hello');
        const notice = h.session.state().entries.at(-1) as { kind: string; text: string };
        assert.equal(notice.kind, 'notice');
        assert.equal(notice.text, `Daalu needs Java 21 or newer, but ${old} (from daalu.javaPath) is Java 17. Set daalu.javaPath (or JAVA_HOME) to a JDK 21+.`);
    });

    it('Stop works while the server is still starting', async () => {
        const h = start({ env: { FAKE_SERVER_HANG_INITIALIZE: '1' } });
        const turn = h.session.send('hello');
        await h.logged('fake server: initialize');
        h.session.stop();
        await turn;
        assert.equal(h.session.state().busy, false);
        assert.equal((h.session.state().entries.at(-1) as { text: string }).text, 'Stopped.');
    });

    it('gives up on a server that never answers initialize, and says so', async () => {
        const h = start({ env: { FAKE_SERVER_HANG_INITIALIZE: '1' }, initializeTimeoutMs: 1_500 });
        await h.session.send('hello');
        assert.match((h.session.state().entries.at(-1) as { text: string }).text,
            /^The Daalu server did not answer initialize within 2 s, so it was stopped/);
        assert.equal(h.supervisor.runningConnection(), undefined);
    });

    it('starts a new session when the stored one is gone from the server', async () => {
        const h = start({ saved: { sessionId: 'gone', state: { entries: [], busy: false } } });
        await h.session.send('hello');
        const texts = h.session.state().entries.map(e => e.kind === 'notice' || e.kind === 'assistant' ? e.text : e.kind);
        assert.deepEqual(texts, ['user', 'The previous session is no longer on the server; this message starts a new one.',
            'Hello, **world**', 'History condensed to fit.']);
    });

    it('New Chat during a turn stops it and leaves its late events out of the new conversation', async () => {
        const h = start();
        const turn = h.session.send('hang');
        await until(h, pendingApproval);
        h.session.newChat();
        await turn;
        assert.deepEqual(h.session.state().entries, []);
        assert.equal(h.broker.size, 0);
        await h.session.send('hello');
        assert.deepEqual(h.session.state().entries.map(e => e.kind), ['user', 'assistant', 'notice']);
    });
});
