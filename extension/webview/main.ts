import type { Entry, FromWebview, ToWebview } from '../src/chat/messages';
import { EntryActions, markdownBlock, renderEntry } from './entries';
import { createMarkdownRenderer } from './markdown';

interface VsCodeApi {
    postMessage(message: FromWebview): void;
    getState(): { draft?: string } | undefined;
    setState(state: { draft?: string }): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/**
 * The chat view's UI: draws what the extension sends and reports what the user does. It holds no conversation
 * state of its own beyond the draft in the input box (kept in the webview state, so it survives the view being
 * hidden).
 */
const vscode = acquireVsCodeApi();
const render = createMarkdownRenderer(window);
const log = document.getElementById('log')!;
const empty = document.getElementById('empty')!;
const form = document.getElementById('composer') as HTMLFormElement;
const input = document.getElementById('input') as HTMLTextAreaElement;
const sendButton = document.getElementById('send') as HTMLButtonElement;
const stopButton = document.getElementById('stop') as HTMLButtonElement;

const texts = new Map<string, string>();
const dirty = new Set<string>();
let busy = false;

const actions: EntryActions = {
    decide: (approvalId, decision, reason) => vscode.postMessage({ type: 'decide', approvalId, decision, reason }),
    openDiff: approvalId => vscode.postMessage({ type: 'openDiff', approvalId }),
};

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
    const message = event.data;
    switch (message.type) {
        case 'state':
            log.replaceChildren();
            texts.clear();
            message.state.entries.forEach(upsert);
            setBusy(message.state.busy);
            break;
        case 'entry':
            upsert(message.entry);
            break;
        case 'append':
            texts.set(message.id, (texts.get(message.id) ?? '') + message.text);
            scheduleRedraw(message.id);
            break;
        case 'busy':
            setBusy(message.busy);
            break;
    }
    empty.hidden = log.childElementCount > 0;
});

function upsert(entry: Entry): void {
    const stick = nearBottom();
    const existing = log.querySelector<HTMLElement>(`:scope > [data-id="${CSS.escape(entry.id)}"]`);
    const card = existing?.querySelector<HTMLDetailsElement>('details.tool-card');
    const wasOpen = card ? card.open && card.dataset.autoOpen !== 'true' : undefined;
    const node = renderEntry(document, entry, render, actions, wasOpen);
    if (entry.kind === 'assistant') {
        texts.set(entry.id, entry.text);
        dirty.delete(entry.id);
    }
    if (existing) {
        existing.replaceWith(node);
    } else {
        log.append(node);
    }
    if (stick) {
        scrollToEnd();
    }
}

/** Streaming: redraw an answer at most once per frame, however many deltas arrive. */
function scheduleRedraw(id: string): void {
    if (dirty.has(id)) {
        return;
    }
    dirty.add(id);
    requestAnimationFrame(() => {
        if (!dirty.delete(id)) {
            return;
        }
        const entry = log.querySelector<HTMLElement>(`:scope > [data-id="${CSS.escape(id)}"]`);
        if (entry) {
            const stick = nearBottom();
            entry.replaceChildren(markdownBlock(document, texts.get(id) ?? '', render, true));
            if (stick) {
                scrollToEnd();
            }
        }
    });
}

function setBusy(value: boolean): void {
    busy = value;
    stopButton.hidden = !value;
    sendButton.disabled = value;
    document.body.classList.toggle('busy', value);
}

function send(): void {
    const text = input.value.trim();
    if (!text || busy) {
        return;
    }
    vscode.postMessage({ type: 'send', text });
    input.value = '';
    vscode.setState({ draft: '' });
}

function nearBottom(): boolean {
    const scroller = document.scrollingElement ?? document.body;
    return scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 80;
}

function scrollToEnd(): void {
    const scroller = document.scrollingElement ?? document.body;
    scroller.scrollTop = scroller.scrollHeight;
}

form.addEventListener('submit', event => {
    event.preventDefault();
    send();
});
input.addEventListener('keydown', event => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        send();
    }
});
input.addEventListener('input', () => vscode.setState({ draft: input.value }));
stopButton.addEventListener('click', () => vscode.postMessage({ type: 'stop' }));
document.addEventListener('keydown', event => {
    if (event.key === 'Escape' && busy) {
        event.preventDefault();
        vscode.postMessage({ type: 'stop' });
    }
});

input.value = vscode.getState()?.draft ?? '';
setBusy(false);
vscode.postMessage({ type: 'ready' });
input.focus();
