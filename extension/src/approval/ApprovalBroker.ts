import { CancellationToken, Emitter, Event } from 'vscode-jsonrpc/node';
import { ApprovalRequestParams, ApprovalResponse } from '../protocol';
import { ApprovalState } from '../chat/messages';

/** How one approval ended. */
export interface ApprovalSettled {
    approvalId: string;
    state: Exclude<ApprovalState, 'pending'>;
    reason?: string;
}

interface Pending {
    request: ApprovalRequestParams;
    resolve(response: ApprovalResponse): void;
}

/**
 * Holds the server's pending `approval/request`s until the user answers each one. An answer applies to exactly one
 * approval id (the preview the user saw); a second answer, or an answer to an id that is gone, does nothing.
 * Anything other than an explicit Approve is a deny: a withdrawal, a cancelled request, or {@link denyAll}.
 */
export class ApprovalBroker {
    private readonly pending = new Map<string, Pending>();
    private readonly settled = new Emitter<ApprovalSettled>();

    /** Fires once per approval, when it stops being pending. */
    readonly onDidSettle: Event<ApprovalSettled> = this.settled.event;

    /** Registers a request; the promise settles with the user's decision (never rejects). */
    request(request: ApprovalRequestParams, token?: CancellationToken): Promise<ApprovalResponse> {
        return new Promise(resolve => {
            this.settle(request.approvalId, 'withdrawn', 'Replaced by a newer request with the same id.');
            this.pending.set(request.approvalId, { request, resolve });
            token?.onCancellationRequested(() => this.settle(request.approvalId, 'withdrawn', 'The turn was cancelled.'));
        });
    }

    /** The user's answer. Returns false when the approval is no longer pending. */
    decide(approvalId: string, decision: 'approve' | 'deny', reason?: string): boolean {
        return this.settle(approvalId, decision === 'approve' ? 'approved' : 'denied', reason);
    }

    /** The server no longer wants the answer (`approval/withdrawn`). */
    withdraw(approvalId: string, reason?: string): boolean {
        return this.settle(approvalId, 'withdrawn', reason ?? undefined);
    }

    /** Denies everything pending, e.g. when the server died or the user started a new chat. */
    denyAll(state: 'withdrawn' | 'expired', reason: string): void {
        for (const approvalId of [...this.pending.keys()]) {
            this.settle(approvalId, state, reason);
        }
    }

    /** A pending request, e.g. for its proposed content; undefined once settled. */
    get(approvalId: string): ApprovalRequestParams | undefined {
        return this.pending.get(approvalId)?.request;
    }

    get size(): number {
        return this.pending.size;
    }

    private settle(approvalId: string, state: ApprovalSettled['state'], reason?: string): boolean {
        const entry = this.pending.get(approvalId);
        if (!entry) {
            return false;
        }
        this.pending.delete(approvalId);
        entry.resolve(state === 'approved'
            ? { decision: 'approve' }
            : { decision: 'deny', reason: state === 'denied' ? reason ?? null : null });
        this.settled.fire({ approvalId, state, reason });
        return true;
    }
}
