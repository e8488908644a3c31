import createDOMPurify from 'dompurify';
import MarkdownIt from 'markdown-it';

/** Turns model Markdown into HTML that is safe to assign to `innerHTML`. */
export type MarkdownRenderer = (markdown: string) => string;

/** Elements a model answer may never produce, even if Markdown rendering let one through. */
const FORBIDDEN_TAGS = ['style', 'img', 'svg', 'math', 'form', 'input', 'button', 'textarea', 'select', 'iframe',
    'frame', 'object', 'embed', 'video', 'audio', 'source', 'link', 'meta', 'base'];

/**
 * Builds the renderer for one window (the webview's, or jsdom's in tests). Model output is untrusted: raw HTML in it
 * stays text (markdown-it with `html: false`), links may only be http(s) or mailto, images become plain links (a
 * remote image would be fetched without the user asking, and its URL can carry the conversation away), and
 * DOMPurify removes whatever else could run script or load content. Code blocks keep their language as a class.
 */
export function createMarkdownRenderer(window: Window): MarkdownRenderer {
    const purify = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
    purify.addHook('afterSanitizeAttributes', node => {
        if (node.tagName === 'A') {
            const href = node.getAttribute('href') ?? '';
            if (!/^(https?:|mailto:)/i.test(href)) {
                node.removeAttribute('href');
            } else {
                node.setAttribute('title', href);
                node.setAttribute('rel', 'noopener noreferrer');
            }
        }
    });
    const md = new MarkdownIt({ html: false, linkify: true, breaks: false, typographer: false });
    // only URLs with a scheme become links: "outputs.tf" or "deploy.sh" is a file name, not a domain
    md.linkify.set({ fuzzyLink: false, fuzzyEmail: false });
    md.renderer.rules.image = (tokens, index) => {
        const token = tokens[index];
        const src = md.utils.escapeHtml(token.attrGet('src') ?? '');
        const alt = md.utils.escapeHtml(token.content || 'image');
        return `<a href="${src}">[image: ${alt}]</a>`;
    };
    return markdown => purify.sanitize(md.render(markdown), {
        USE_PROFILES: { html: true },
        FORBID_TAGS: FORBIDDEN_TAGS,
        FORBID_ATTR: ['style', 'srcset', 'action', 'formaction'],
    }) as unknown as string;
}
