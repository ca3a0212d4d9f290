/* global window */
'use strict';

/**
 * Text as Slack shows it: mrkdwn (bold, italics, strike, code, links, mentions, dates) and emoji
 * shortcodes, from the table emoji-shortcodes.js sets (Slack's own, from emoji-datasource). Text
 * only ever reaches the page escaped.
 */
(function () {
  const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
  const esc = (text) => String(text).replace(/[&<>"']/g, (c) => ENTITIES[c]);
  const unslack = (text) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

  /** `:alarm_clock:` as ⏰; a skin tone after an emoji is dropped; an unknown name stays as typed. */
  function emojified(text) {
    const table = window.EMOJI_SHORTCODES || {};
    return String(text).replace(/:([a-z0-9_+-]+):/g, (all, name) => {
      if (/^skin-tone-\d$/.test(name)) return '';
      return Object.prototype.hasOwnProperty.call(table, name) ? table[name] : all;
    });
  }

  function styled(text) {
    return emojified(
      esc(text)
        .replace(/(^|[\s(>])\*([^*\n]+)\*(?=$|[\s.,;:!?)<])/g, '$1<b>$2</b>')
        .replace(/(^|[\s(>])_([^_\n]+)_(?=$|[\s.,;:!?)<])/g, '$1<i>$2</i>')
        .replace(/(^|[\s(>])~([^~\n]+)~(?=$|[\s.,;:!?)<])/g, '$1<s>$2</s>'),
    );
  }

  /** Slack's mrkdwn without its control sequences: code first, so nothing inside it is styled. */
  function formatted(raw) {
    return unslack(raw)
      .split(/(```[\s\S]*?```|`[^`\n]+`)/)
      .map((part) => {
        if (part.startsWith('```') && part.length >= 6) return `<pre>${esc(part.slice(3, -3))}</pre>`;
        if (part.startsWith('`') && part.length >= 2) return `<code>${esc(part.slice(1, -1))}</code>`;
        return styled(part);
      })
      .join('')
      .replace(/\n/g, '<br>');
  }

  /** `<@U123>`, `<#C123|name>`, `<!here>`, `<!date^…|fallback>`, `<https://x|label>`. */
  function control(inner, names) {
    const bar = inner.indexOf('|');
    const target = bar < 0 ? inner : inner.slice(0, bar);
    const label = bar < 0 ? '' : inner.slice(bar + 1);
    if (target.startsWith('@')) {
      const id = target.slice(1);
      return `<span class="mention">@${esc(label || names[id] || id)}</span>`;
    }
    // Slack shows a channel mention without a label by the channel's name, as it knows it.
    if (target.startsWith('#')) {
      const id = target.slice(1);
      return `<span class="mention">#${esc(label || names[id] || id)}</span>`;
    }
    // Slack writes a date in the reader's own zone; the console shows the fallback kfrelease wrote.
    if (target.startsWith('!date^')) return `<span class="bk-date-token">${formatted(label)}</span>`;
    if (target.startsWith('!')) {
      const name = label || `@${target.slice(1).split('^')[0]}`;
      return `<span class="mention">${esc(name)}</span>`;
    }
    const url = unslack(target);
    if (!/^(https?:|mailto:)/i.test(url)) return esc(label || url);
    return `<a href="${esc(url)}" target="_blank" rel="noopener noreferrer">${formatted(label || url)}</a>`;
  }

  /** One run of lines: its controls (mentions, links, dates) and the mrkdwn between them. */
  function inlineHtml(source, names) {
    let html = '';
    let last = 0;
    source.replace(/<([^<>\n]+)>/g, (all, inner, offset) => {
      html += formatted(source.slice(last, offset)) + control(inner, names || {});
      last = offset + all.length;
      return all;
    });
    return html + formatted(source.slice(last));
  }

  /**
   * `<@U123>`: mentions show names from `names`, which also names channels. Lines that kfrelease
   * starts with a raw `>` (an escaped `&gt;` is text) are a block quote, as in Slack, except inside
   * a code block.
   */
  function mrkdwnHtml(text, names) {
    const runs = [];
    let inCode = false;
    for (const line of String(text).split('\n')) {
      const quoted = !inCode && line.startsWith('>');
      if ((line.match(/```/g) || []).length % 2 === 1) inCode = !inCode;
      const run = runs[runs.length - 1];
      const content = quoted ? line.slice(1) : line;
      if (run && run.quoted === quoted) run.lines.push(content);
      else runs.push({ quoted, lines: [content] });
    }
    return runs
      .map((run) => {
        const html = inlineHtml(run.lines.join('\n'), names);
        return run.quoted ? `<blockquote class="bk-quote">${html}</blockquote>` : html;
      })
      .join('');
  }

  /** A plain_text object's text as Slack shows it: shortcodes as emoji unless `emoji` is false. */
  function plainText(object) {
    if (!object) return '';
    const text = object.text || '';
    return object.type === 'plain_text' && object.emoji === false ? text : emojified(text);
  }

  window.BlockKitText = { esc, emojified, mrkdwnHtml, plainText };
})();
