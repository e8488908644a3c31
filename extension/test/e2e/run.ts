/**
 * End-to-end test of the Daalu extension in a real code-server (4.100.3) driven through Debian's headless chromium,
 * with the real agent server (daalu.jar inside the .vsix) and the project's scripted model server (testkit.jar).
 *
 * Needs: extension/scripts/install-test-deps.sh (chromium, code-server, npm ci) and `mvn -B -q -DskipTests package`
 * at the repository root (daalu.jar, testkit.jar). Run: `npm run e2e`, which packages the .vsix first.
 * Screenshots of every step go to extension/test-results/. Prints "N passed, M failed" and exits non-zero on a
 * failure; after a failed step the steps that depend on it are not run and count as failed.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Browser } from 'playwright-core';
import { resolveJava } from '../../src/server/javaRuntime';
import { CodeServer } from './codeServer';
import { ModelServer } from './modelServer';
import { launchBrowser, Workbench } from './workbench';

const extensionRoot = path.resolve(__dirname, '../../..');
const repoRoot = path.resolve(extensionRoot, '..');
const artifacts = path.join(extensionRoot, 'test-results');
const STEP_TIMEOUT_MS = 150_000;

const OUTPUTS_TF = 'output "bucket" {\n  value = aws_s3_bucket.logs.id\n}\n';
const CANARY = 'command-ran.canary';
const HOSTILE = '\n\nInjected by the model: <script>alert("script ran")</script> <img src=x onerror="alert(\'img ran\')"> '
    + '[click me](javascript:alert("link ran"))';

/** One scripted model answer per chat request, in the order the steps below cause them. */
function modelScript(): object {
    return {
        model: 'qwen2.5-coder-14b',
        maxModelLen: 32768,
        // a condensing or summary request (no tools offered) gets this answer and uses up no step
        toolless: { type: 'text', text: 'Earlier: the user asked about main.tf and its outputs.' },
        steps: [
            { type: 'text', text: 'The `main.tf` file defines one S3 bucket, `aws_s3_bucket.logs`, with **versioning** enabled.'
                + '\n\n```hcl\nresource "aws_s3_bucket" "logs" {}\n```' + HOSTILE, delayMs: 60 },
            { type: 'toolCalls', calls: [{ name: 'write_file', arguments: { path: 'outputs.tf', content: OUTPUTS_TF } }], fragments: 4 },
            { type: 'text', text: 'I added outputs.tf with the bucket id.' },
            { type: 'toolCalls', calls: [{ name: 'run_command', arguments: { command: `touch ${CANARY}` } }] },
            { type: 'text', text: 'Understood: I did not run it.' },
            { type: 'toolCalls', calls: [{ name: 'run_command', arguments: { command: 'sleep 600' } }] },
            { type: 'text', text: 'Counting slowly: one two three four five six', cutAfterChunks: 2, holdOpen: true },
        ],
    };
}

function makeWorkspace(dir: string): string {
    const ws = path.join(dir, 'infra');
    fs.mkdirSync(path.join(ws, 'modules', 's3'), { recursive: true });
    fs.writeFileSync(path.join(ws, 'main.tf'), 'module "logs" {\n  source = "./modules/s3"\n  name   = var.bucket_name\n}\n');
    fs.writeFileSync(path.join(ws, 'variables.tf'), 'variable "bucket_name" {\n  type = string\n}\n');
    fs.writeFileSync(path.join(ws, 'modules', 's3', 'main.tf'),
        'resource "aws_s3_bucket" "logs" {\n  bucket = var.name\n}\n\nresource "aws_s3_bucket_versioning" "logs" {\n'
        + '  bucket = aws_s3_bucket.logs.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n');
    fs.writeFileSync(path.join(ws, 'modules', 's3', 'variables.tf'), 'variable "name" {\n  type = string\n}\n');
    return ws;
}

/** A Java 21+ for the server: $DAALU_E2E_JAVA, else JAVA_HOME, else a JDK under /usr/lib/jvm. */
async function findJava(): Promise<string> {
    const candidates = [process.env.DAALU_E2E_JAVA, process.env.JAVA_HOME && path.join(process.env.JAVA_HOME, 'bin', 'java'),
        ...fs.readdirSync('/usr/lib/jvm').map(d => path.join('/usr/lib/jvm', d, 'bin', 'java'))].filter(Boolean) as string[];
    for (const candidate of candidates) {
        try {
            return (await resolveJava(candidate, {})).executable;
        } catch {
            // too old or missing: try the next
        }
    }
    throw new Error('no Java 21+ found: set DAALU_E2E_JAVA');
}

type Step = { name: string; run: () => Promise<void> };

async function main(): Promise<number> {
    fs.rmSync(artifacts, { recursive: true, force: true });
    fs.mkdirSync(artifacts, { recursive: true });
    const vsix = path.join(extensionRoot, `daalu-${JSON.parse(fs.readFileSync(path.join(extensionRoot, 'package.json'), 'utf8')).version}.vsix`);
    if (!fs.existsSync(vsix)) {
        throw new Error(`no ${vsix}: run npm run package first`);
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'daalu-e2e-'));
    const ws = makeWorkspace(dir);
    const java = await findJava();
    const logFile = path.join(artifacts, 'e2e.log');
    const log = (line: string) => fs.appendFileSync(logFile, `${line}\n`);
    const model = new ModelServer(path.join(repoRoot, 'testkit', 'target', 'testkit.jar'), java);
    const endpoint = await model.start(modelScript(), dir);
    const product = JSON.parse(fs.readFileSync(path.join(extensionRoot, 'code-server', 'settings.json'), 'utf8'));
    const codeServer = new CodeServer({
        dir, workspace: ws, vsix, log,
        settings: {
            ...product,
            'security.workspace.trust.enabled': false,
            'workbench.startupEditor': 'none',
            'workbench.tips.enabled': false,
            'daalu.javaPath': java,
            'daalu.modelEndpoint': endpoint,
            'daalu.model': 'qwen2.5-coder-14b',
            // the DOM renderer keeps the terminal's text readable by the test
            'terminal.integrated.gpuAcceleration': 'off',
        },
        // the agent server's own config, sessions and index stay inside this run's folder
        env: { ...process.env, XDG_CONFIG_HOME: path.join(dir, 'config'), XDG_DATA_HOME: path.join(dir, 'data'), XDG_CACHE_HOME: path.join(dir, 'cache') },
    });
    let browser: Browser | undefined;
    let passed = 0;
    let failed = 0;
    try {
        const url = await codeServer.start();
        browser = await launchBrowser();
        const wb = await Workbench.open(browser, url, artifacts);
        const all = steps(wb, ws, model);
        for (const step of all) {
            const started = Date.now();
            try {
                await withTimeout(step.run(), STEP_TIMEOUT_MS, step.name);
                passed++;
                console.log(`ok - ${step.name} (${((Date.now() - started) / 1000).toFixed(1)}s)`);
            } catch (err) {
                failed++;
                console.log(`not ok - ${step.name}: ${(err as Error).message}`);
                await wb.screenshot(`failed-${step.name.replace(/\W+/g, '-')}`).catch(() => undefined);
                break;
            }
        }
        failed = all.length - passed;
    } finally {
        await browser?.close().catch(() => undefined);
        await codeServer.stop();
        await model.stop();
        fs.rmSync(dir, { recursive: true, force: true });
    }
    console.log(`${passed} passed, ${failed} failed`);
    console.log(`screenshots and log: ${artifacts}`);
    return failed === 0 ? 0 : 1;
}

function steps(wb: Workbench, ws: string, model: ModelServer): Step[] {
    const page = wb.page;
    const chat = () => wb.chat();
    const lastEntry = (kind: string) => chat().locator(`#log > .entry.${kind}`).last();
    const send = async (text: string) => {
        await chat().locator('#input').fill(text);
        await chat().locator('#input').press('Enter');
    };
    return [
        {
            name: 'the built-in chat and Copilot entry points are hidden',
            run: async () => {
                await page.locator('.statusbar-item', { hasText: 'Daalu' }).first().waitFor();
                const chatEntries = await page.locator('.titlebar [aria-label*="Chat" i], .titlebar [aria-label*="Copilot" i], '
                    + '.activitybar [aria-label*="Chat" i]:not([aria-label^="Daalu"]), .auxiliarybar [aria-label*="Copilot" i], '
                    + '.statusbar-item [aria-label*="Copilot" i]').count();
                assert(chatEntries === 0, `found ${chatEntries} chat/Copilot entry points in the title bar, activity bar or status bar`);
                await wb.screenshot('01-workbench-no-builtin-chat');
                const copilot = await wb.paletteEntries('copilot');
                assert(copilot.every(l => /no matching/i.test(l)), `the palette offers Copilot commands: ${copilot.join(' | ')}`);
                await wb.closePalette();
                const chatCommands = await wb.paletteEntries('chat: open');
                assert(chatCommands.every(l => /no matching/i.test(l) || /daalu/i.test(l)), `the palette offers chat commands: ${chatCommands.join(' | ')}`);
                await wb.screenshot('02-palette-no-chat-commands');
                await wb.closePalette();
            },
        },
        {
            name: 'the Daalu icon opens the chat view',
            run: async () => {
                await wb.activityItem('Daalu').click();
                await chat().locator('#input').waitFor();
                await chat().locator('#empty').waitFor();
                // Shift+Enter is a new line, not a send
                await chat().locator('#input').fill('first line');
                await chat().locator('#input').press('Shift+Enter');
                assert(await chat().locator('#input').inputValue() === 'first line\n', 'Shift+Enter did not add a line');
                assert(await chat().locator('#log > .entry').count() === 0, 'Shift+Enter sent the message');
                await chat().locator('#input').fill('');
                // the status bar shows the model once the server has initialized; a failed start shows in the chat
                const failure = chat().locator('#log > .entry.notice.error').first();
                const outcome = await Promise.race([
                    page.locator('.statusbar-item .codicon-hubot').first().waitFor({ timeout: 120_000 }).then(() => 'ready'),
                    failure.waitFor({ timeout: 120_000 }).then(() => 'failed'),
                ].map(wait => wait.catch(() => 'timed out')));
                assert(outcome === 'ready', `the server did not start (${outcome}): ${await failure.textContent().catch(() => '')}`);
                await wb.screenshot('03-daalu-view');
            },
        },
        {
            name: 'a message gets a streamed, rendered and sanitised reply',
            run: async () => {
                await send('Describe main.tf');
                await chat().locator('#log > .entry.user', { hasText: 'Describe main.tf' }).waitFor();
                const answer = lastEntry('assistant');
                // the answer is drawn while it streams (one word every 60 ms), before the turn ends
                await answer.locator('.markdown.streaming').waitFor();
                assert(!(await answer.textContent())?.includes('Injected by the model'), 'the answer arrived in one piece, not streamed');
                await answer.locator('strong', { hasText: 'versioning' }).waitFor();
                await answer.locator('pre code.language-hcl').waitFor();
                await answer.filter({ hasText: 'Injected by the model' }).waitFor();
                await answer.locator('.markdown:not(.streaming)').waitFor();
                assert(await answer.locator('script, img').count() === 0, 'model markup became elements');
                assert(await answer.locator('a[href^="javascript"]').count() === 0, 'a javascript: link survived');
                assert(wb.dialogs.length === 0, `model output ran script: ${wb.dialogs.join('; ')}`);
                await chat().locator('#send:not([disabled])').waitFor();
                await wb.screenshot('04-streamed-reply');
            },
        },
        {
            name: 'a proposed write waits for approval, shows its diff, and is written only on Approve',
            run: async () => {
                await send('Add an outputs file for the bucket id');
                const card = chat().locator('.tool-card', { hasText: 'write_file' }).last();
                await card.locator('.approval-pending').waitFor();
                await card.locator('.diff .line.add', { hasText: 'aws_s3_bucket.logs.id' }).waitFor();
                assert(!fs.existsSync(path.join(ws, 'outputs.tf')), 'the file was written before Approve');
                await wb.screenshot('05-write-approval');
                await card.locator('button.open-diff').click();
                await page.locator('.monaco-diff-editor .view-lines', { hasText: 'aws_s3_bucket.logs.id' }).first().waitFor();
                await page.locator('.tab', { hasText: 'outputs.tf' }).first().waitFor();
                await wb.screenshot('06-diff-editor');
                assert(!fs.existsSync(path.join(ws, 'outputs.tf')), 'opening the diff wrote the file');
                await card.locator('button.approve').click();
                await card.locator('.decision', { hasText: 'Approved' }).waitFor({ state: 'attached' });
                await card.locator('.tool-status.status-ok').waitFor();
                await lastEntry('assistant').filter({ hasText: 'I added outputs.tf' }).waitFor();
                assert(fs.readFileSync(path.join(ws, 'outputs.tf'), 'utf8') === OUTPUTS_TF, 'outputs.tf does not hold the approved content');
                await wb.screenshot('07-write-approved');
            },
        },
        {
            name: 'a denied command does not run, and the model hears the reason',
            run: async () => {
                await send('Clean up the build outputs');
                const card = chat().locator('.tool-card', { hasText: 'run_command' }).last();
                await card.locator('pre.command', { hasText: `touch ${CANARY}` }).waitFor();
                await card.locator('.cwd', { hasText: 'Working directory: .' }).waitFor();
                await wb.screenshot('08-command-approval');
                await card.locator('input.reason').fill('not on this branch');
                await card.locator('button.deny').click();
                await card.locator('.decision', { hasText: 'Denied: not on this branch' }).waitFor({ state: 'attached' });
                await lastEntry('assistant').filter({ hasText: 'I did not run it' }).waitFor();
                assert(!fs.existsSync(path.join(ws, CANARY)), 'the denied command ran: the canary exists');
                const chats = (await model.requests()).filter(r => r.path === '/v1/chat/completions');
                const toolMessages = chats[chats.length - 1]?.body?.messages?.filter(m => m.role === 'tool') ?? [];
                assert(JSON.stringify(toolMessages.at(-1)?.content ?? '').includes('not on this branch'),
                    'the denial reason did not reach the model');
                await wb.screenshot('09-command-denied');
            },
        },
        {
            name: 'Stop cancels a turn and removes its pending approval',
            run: async () => {
                await send('Run the slow integration suite');
                const card = chat().locator('.tool-card', { hasText: 'sleep 600' }).last();
                await card.locator('.approval-pending').waitFor();
                await chat().locator('#stop').click();
                await card.locator('.decision', { hasText: 'Withdrawn' }).waitFor({ state: 'attached' });
                await chat().locator('#stop').waitFor({ state: 'hidden' });
                await chat().locator('#log > .entry.notice').last().waitFor();
                await wb.screenshot('10-stopped');
            },
        },
        {
            name: 'Escape in the chat view stops a streaming answer',
            run: async () => {
                const notices = await chat().locator('#log > .entry.notice').count();
                await send('Count to a million');
                await lastEntry('assistant').filter({ hasText: 'Counting' }).waitFor();
                await chat().locator('#stop').waitFor();
                await chat().locator('#input').press('Escape');
                await chat().locator('#stop').waitFor({ state: 'hidden' });
                const notice = chat().locator('#log > .entry.notice').nth(notices);
                await notice.waitFor();
                assert(/cancel|stop/i.test(await notice.innerText()), `the turn ended some other way: ${await notice.innerText()}`);
                await wb.screenshot('10b-escape-stopped');
            },
        },
        {
            name: 'the conversation is restored when the view is hidden and shown again',
            run: async () => {
                const before = await chat().locator('#log > .entry').count();
                await wb.activityItem('Explorer').click();
                await page.locator('iframe.webview.ready').first().waitFor({ state: 'detached' }).catch(() => undefined);
                await wb.activityItem('Daalu').click();
                await chat().locator('#log > .entry').nth(before - 1).waitFor();
                assert(await chat().locator('#log > .entry').count() === before, 'the restored view lost or gained entries');
                await chat().locator('.decision', { hasText: 'Approved' }).waitFor({ state: 'attached' });
                await wb.screenshot('11-restored');
            },
        },
        {
            name: 'Daalu: Show Repo Map opens the map as a read-only document',
            run: async () => {
                await wb.runCommand('Daalu: Show Repo Map');
                await page.locator('.tab', { hasText: 'Repo Map.txt' }).waitFor();
                const editor = page.locator('.editor-instance .view-lines').last();
                await editor.filter({ hasText: 'aws_s3_bucket' }).waitFor();
                await wb.screenshot('12-repo-map');
            },
        },
        {
            name: 'Daalu: Search Repository lists hits and opens the picked one at its line',
            run: async () => {
                await wb.runCommand('Daalu: Search Repository');
                const input = page.locator('.quick-input-widget input');
                await input.fill('aws_s3_bucket_versioning');
                await input.press('Enter');
                const hit = page.locator('.quick-input-list .monaco-list-row', { hasText: 'modules/s3/main.tf:5' });
                await hit.waitFor();
                await wb.screenshot('13-search');
                await input.press('Enter');
                await page.locator('.tab.active', { hasText: 'main.tf' }).waitFor();
                await page.locator('.statusbar-item', { hasText: 'Ln 5, Col' }).waitFor();
            },
        },
        {
            name: 'Daalu: Open Chat in Terminal runs daalu chat in an integrated terminal',
            run: async () => {
                await wb.runCommand('Daalu: Open Chat in Terminal');
                const rows = page.locator('.terminal-wrapper.active .xterm-rows');
                await rows.filter({ hasText: '/help for commands' }).waitFor({ timeout: 60_000 });
                assert((await rows.innerText()).includes(`daalu chat in ${ws}`), 'the terminal chat runs in another folder');
                await page.locator('.terminal-wrapper.active .xterm-helper-textarea').focus();
                await page.keyboard.type('/map');
                await page.keyboard.press('Enter');
                await rows.filter({ hasText: 'aws_s3_bucket' }).waitFor();
                await wb.screenshot('15-chat-in-terminal');
                await page.keyboard.press('Control+D');
                // the chat ends and its terminal closes; wait, or the closing takes the focus from the next step's palette
                await rows.waitFor({ state: 'detached', timeout: 30_000 });
            },
        },
        {
            name: 'the chat view follows the editor\'s colour theme',
            run: async () => {
                // (clicking the icon of the view container already shown would hide the side bar)
                await wb.runCommand('Daalu: Focus on Chat View');
                await chat().locator('#input').waitFor();
                const frame = await wb.chatFrame();
                const light = await frame.evaluate(() => getComputedStyle(document.body).backgroundColor);
                await wb.runCommand('Preferences: Color Theme');
                const input = page.locator('.quick-input-widget input');
                await input.fill('Dark Modern');
                await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Dark Modern' }).first().waitFor();
                await input.press('Enter');
                await page.locator('.monaco-workbench.vs-dark').waitFor();
                const sidebar = await page.locator('.part.sidebar').evaluate(p => getComputedStyle(p).backgroundColor);
                assert(sidebar !== light, 'the theme did not change the side bar');
                // the webview gets the new --vscode-* values a moment after the workbench
                await frame.waitForFunction(expected => getComputedStyle(document.body).backgroundColor === expected, sidebar);
                await wb.screenshot('14-dark-theme');
            },
        },
    ];
}

function assert(condition: boolean, message: string): asserts condition {
    if (!condition) {
        throw new Error(message);
    }
}

function withTimeout<T>(work: Promise<T>, ms: number, name: string): Promise<T> {
    let timer: ReturnType<typeof setTimeout>;
    return Promise.race([
        work.finally(() => clearTimeout(timer)),
        new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`${name}: timed out after ${ms / 1000}s`)), ms); }),
    ]);
}

main().then(code => process.exit(code), err => {
    console.error(`e2e could not run: ${(err as Error).message}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
});
