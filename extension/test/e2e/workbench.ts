import * as fs from 'node:fs';
import * as path from 'node:path';
import { Browser, chromium, Frame, FrameLocator, Locator, Page } from 'playwright-core';

/** Debian's chromium, headless, with nothing of its own reaching the network. */
export async function launchBrowser(): Promise<Browser> {
    return chromium.launch({
        executablePath: process.env.DAALU_CHROMIUM ?? '/usr/bin/chromium',
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
            '--disable-component-update', '--no-first-run', '--disable-dev-shm-usage'],
    });
}

/**
 * The code-server workbench in one page, with what the steps of the e2e do to it: the activity bar, the command
 * palette, the Daalu chat webview (two nested iframes deep), and screenshots.
 */
export class Workbench {
    /** Dialogs (alert, confirm) any frame tried to open: model output must never open one. */
    readonly dialogs: string[] = [];

    constructor(readonly page: Page, private readonly artifacts: string) {
        page.on('dialog', dialog => {
            this.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
            void dialog.dismiss();
        });
    }

    static async open(browser: Browser, url: string, artifacts: string): Promise<Workbench> {
        const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
        // generous: CI shares two cores with builds, and a cold webview or JVM can take a while
        page.setDefaultTimeout(60_000);
        const workbench = new Workbench(page, artifacts);
        await page.goto(url);
        await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
        return workbench;
    }

    async screenshot(name: string): Promise<string> {
        fs.mkdirSync(this.artifacts, { recursive: true });
        const file = path.join(this.artifacts, `${name}.png`);
        await this.page.screenshot({ path: file });
        return file;
    }

    activityItem(label: string): Locator {
        return this.page.locator(`.activitybar .action-item a[aria-label^="${label}"]`);
    }

    /** The chat view's document: the webview's inner frame that holds our page. */
    chat(): FrameLocator {
        return this.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    }

    /** The same document as {@link chat}, as a Frame (for evaluating and waiting on functions in it). */
    async chatFrame(): Promise<Frame> {
        const outer = await (await this.page.locator('iframe.webview.ready').elementHandle())?.contentFrame();
        const inner = await (await outer?.locator('#active-frame').elementHandle())?.contentFrame();
        if (!inner) {
            throw new Error('the chat view has no webview frame');
        }
        return inner;
    }

    /** Runs a command from the palette by its full title, e.g. "Daalu: Show Repo Map". */
    async runCommand(title: string): Promise<void> {
        // the row whose label is the title, not merely one that contains its words
        const label = new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(,|$)`);
        const row = this.page.locator('.quick-input-list .monaco-list-row').filter({
            has: this.page.locator('.label-name', { hasText: label }),
        }).first();
        await this.openPalette(title);
        try {
            await row.click({ timeout: 7_500 });
        } catch {
            // the workbench closes the palette when something else takes the focus (a terminal closing, a
            // notification): open it once more
            await this.openPalette(title);
            await row.click({ timeout: 7_500 });
        }
    }

    /** Opens the command palette filtered by `query`, and returns the labels of what it lists. */
    async paletteEntries(query: string): Promise<string[]> {
        await this.openPalette(query);
        const rows = this.page.locator('.quick-input-list .monaco-list-row');
        await rows.first().waitFor({ timeout: 15_000 });
        const labels = await rows.evaluateAll(els => els.map(e => e.getAttribute('aria-label') ?? e.textContent ?? ''));
        return labels;
    }

    async closePalette(): Promise<void> {
        await this.page.keyboard.press('Escape');
        await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    }

    private async openPalette(query: string): Promise<void> {
        // focus the workbench itself (not a webview), so F1 reaches it
        await this.page.locator('.part.editor').click({ position: { x: 20, y: 60 } });
        await this.page.keyboard.press('F1');
        const input = this.page.locator('.quick-input-widget input');
        await input.waitFor({ timeout: 15_000 });
        await input.fill(`>${query}`);
    }
}
