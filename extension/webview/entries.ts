import type { ApprovalView, Entry, ToolEntry } from '../src/chat/messages';
import type { MarkdownRenderer } from './markdown';

/** What an entry's buttons do; the webview posts these to the extension. */
export interface EntryActions {
    decide(approvalId: string, decision: 'approve' | 'deny', reason?: string): void;
    openDiff(approvalId: string): void;
}

/**
 * Builds the DOM of one transcript entry. Model Markdown goes through the sanitising renderer; everything else
 * (user text, tool arguments and output, diffs, commands) is set as text, never as HTML.
 */
export function renderEntry(doc: Document, entry: Entry, render: MarkdownRenderer, actions: EntryActions,
                            wasOpen?: boolean): HTMLElement {
    const root = el(doc, 'div', `entry ${entry.kind}`);
    root.dataset.id = entry.id;
    switch (entry.kind) {
        case 'user':
            root.append(el(doc, 'div', 'bubble', entry.text));
            break;
        case 'assistant':
            root.append(markdownBlock(doc, entry.text, render, entry.streaming));
            break;
        case 'notice':
            root.classList.add(entry.level);
            root.setAttribute('role', entry.level === 'error' ? 'alert' : 'status');
            root.textContent = entry.text;
            break;
        case 'tool':
            root.append(toolCard(doc, entry, actions, wasOpen));
            break;
    }
    return root;
}

/** The body of an assistant entry; also used to redraw it while text streams in. */
export function markdownBlock(doc: Document, text: string, render: MarkdownRenderer, streaming: boolean): HTMLElement {
    const block = el(doc, 'div', streaming ? 'markdown streaming' : 'markdown');
    block.innerHTML = render(text);
    return block;
}

const STATE_LABEL: Record<ToolEntry['state'], string> = {
    running: 'running', ok: 'done', error: 'failed', denied: 'denied', cancelled: 'cancelled',
};

function toolCard(doc: Document, entry: ToolEntry, actions: EntryActions, wasOpen?: boolean): HTMLElement {
    const pending = entry.approval?.state === 'pending';
    const card = el(doc, 'details', `tool-card state-${entry.state}`) as HTMLDetailsElement;
    // a card opens by itself while it asks for approval, and closes again once answered unless the user opened it
    card.open = pending || (wasOpen ?? false);
    if (pending) {
        card.dataset.autoOpen = 'true';
    }
    const summary = el(doc, 'summary');
    summary.append(
        el(doc, 'span', 'tool-name', entry.tool),
        el(doc, 'span', 'tool-target', target(entry)),
        el(doc, 'span', `tool-status status-${pending ? 'approval' : entry.state}`, pending ? 'needs approval' : STATE_LABEL[entry.state]),
    );
    card.append(summary);
    if (entry.args) {
        card.append(collapsible(doc, 'tool-args', 'Arguments', el(doc, 'pre', 'args', entry.args)));
    }
    if (entry.approval) {
        card.append(approvalBlock(doc, entry.approval, actions));
    }
    if (entry.output !== undefined) {
        card.append(collapsible(doc, 'tool-result', entry.truncated ? 'Result (truncated)' : 'Result', el(doc, 'pre', 'output', entry.output)));
    }
    return card;
}

function approvalBlock(doc: Document, approval: ApprovalView, actions: EntryActions): HTMLElement {
    const block = el(doc, 'div', `approval kind-${approval.kind} approval-${approval.state}`);
    block.append(el(doc, 'p', 'approval-summary', approval.summary));
    if (approval.kind === 'command') {
        block.append(section(doc, 'Command', el(doc, 'pre', 'command', approval.command ?? '')));
        const where = `Working directory: ${approval.cwd ?? '.'}`
            + (approval.timeoutSeconds ? ` · timeout ${approval.timeoutSeconds}s` : '');
        block.append(el(doc, 'p', 'cwd', where));
    } else if (approval.diff) {
        block.append(diffBlock(doc, approval.diff));
    } else if (approval.path) {
        block.append(el(doc, 'p', 'path', approval.path));
    }
    if (approval.state !== 'pending') {
        block.append(el(doc, 'p', 'decision', decisionText(approval)));
        return block;
    }
    const buttons = el(doc, 'div', 'approval-actions');
    if (approval.canOpenDiff) {
        const open = button(doc, 'Open diff', 'secondary open-diff', () => actions.openDiff(approval.approvalId));
        open.title = 'Compare the current file with the proposed content in the editor';
        buttons.append(open);
    }
    const approve = button(doc, 'Approve', 'approve', () => actions.decide(approval.approvalId, 'approve'));
    const reason = el(doc, 'input', 'reason') as HTMLInputElement;
    reason.type = 'text';
    reason.placeholder = 'Reason for denying (optional)';
    reason.setAttribute('aria-label', 'Reason for denying (optional)');
    const deny = button(doc, 'Deny', 'secondary deny', () => actions.decide(approval.approvalId, 'deny', reason.value));
    reason.addEventListener('keydown', event => {
        if (event.key === 'Enter') {
            event.preventDefault();
            deny.click();
        }
    });
    buttons.append(approve);
    const denyRow = el(doc, 'div', 'approval-actions deny-row');
    denyRow.append(reason, deny);
    block.append(buttons, denyRow);
    return block;
}

function diffBlock(doc: Document, diff: string): HTMLElement {
    const pre = el(doc, 'pre', 'diff');
    for (const line of diff.replace(/\n$/, '').split('\n')) {
        const kind = line.startsWith('+++') || line.startsWith('---') ? 'file'
            : line.startsWith('@@') ? 'hunk' : line.startsWith('+') ? 'add' : line.startsWith('-') ? 'del' : 'ctx';
        pre.append(el(doc, 'span', `line ${kind}`, `${line}\n`));
    }
    return pre;
}

function decisionText(approval: ApprovalView): string {
    const why = approval.reason ? `: ${approval.reason}` : '';
    switch (approval.state) {
        case 'approved': return 'Approved';
        case 'denied': return `Denied${why}`;
        case 'withdrawn': return `Withdrawn${why}`;
        case 'expired': return `Expired${why}`;
        default: return '';
    }
}

/** The one argument that says what a call is about: a path, a command or a query. */
function target(entry: ToolEntry): string {
    if (entry.approval?.command) {
        return entry.approval.command;
    }
    try {
        const args = JSON.parse(entry.args) as Record<string, unknown>;
        for (const key of ['path', 'command', 'query', 'pattern']) {
            if (typeof args?.[key] === 'string') {
                return args[key] as string;
            }
        }
    } catch {
        // not JSON: the raw text is shown in the card
    }
    return '';
}

function collapsible(doc: Document, className: string, title: string, body: HTMLElement): HTMLElement {
    const details = el(doc, 'details', className);
    details.append(el(doc, 'summary', undefined, title), body);
    return details;
}

function section(doc: Document, title: string, body: HTMLElement): HTMLElement {
    const wrap = el(doc, 'div', 'section');
    wrap.append(el(doc, 'div', 'section-title', title), body);
    return wrap;
}

function button(doc: Document, label: string, className: string, onClick: () => void): HTMLButtonElement {
    const b = el(doc, 'button', className, label) as HTMLButtonElement;
    b.type = 'button';
    b.addEventListener('click', onClick);
    return b;
}

function el(doc: Document, tag: string, className?: string, text?: string): HTMLElement {
    const node = doc.createElement(tag);
    if (className) {
        node.className = className;
    }
    if (text !== undefined) {
        node.textContent = text;
    }
    return node;
}
