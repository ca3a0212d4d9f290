/* global window, document */
'use strict';

/**
 * Renders the Block Kit kfrelease sends (header, section with text, fields and an accessory,
 * context, divider, actions, input) into DOM nodes. Text only ever reaches the page escaped.
 */
(function () {
  const EMOJI = {
    white_check_mark: '✅',
    heavy_check_mark: '✔️',
    raised_hand: '✋',
    hourglass: '⏳',
    hourglass_flowing_sand: '⏳',
    warning: '⚠️',
    rotating_light: '🚨',
    no_entry: '⛔',
    red_circle: '🔴',
    large_green_circle: '🟢',
    large_yellow_circle: '🟡',
    x: '❌',
    calendar: '📅',
    spiral_calendar_pad: '🗓️',
    memo: '📝',
    tada: '🎉',
    rocket: '🚀',
    bell: '🔔',
    package: '📦',
    bug: '🐛',
    eyes: '👀',
    point_right: '👉',
    clipboard: '📋',
    lock: '🔒',
    construction: '🚧',
    information_source: 'ℹ️',
  };
  const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
  const esc = (text) => String(text).replace(/[&<>"']/g, (c) => ENTITIES[c]);
  const unslack = (text) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

  function styled(text) {
    return esc(text)
      .replace(/(^|[\s(>])\*([^*\n]+)\*(?=$|[\s.,;:!?)<])/g, '$1<b>$2</b>')
      .replace(/(^|[\s(>])_([^_\n]+)_(?=$|[\s.,;:!?)<])/g, '$1<i>$2</i>')
      .replace(/(^|[\s(>])~([^~\n]+)~(?=$|[\s.,;:!?)<])/g, '$1<s>$2</s>')
      .replace(/:([a-z0-9_+-]+):/g, (all, name) => EMOJI[name] || all);
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

  /** `<@U123>`, `<#C123|name>`, `<!here>`, `<https://x|label>`. */
  function control(inner, names) {
    const [target, label] = inner.split('|');
    if (target.startsWith('@')) {
      const id = target.slice(1);
      return `<span class="mention">@${esc(label || names[id] || id)}</span>`;
    }
    if (target.startsWith('#')) return `<span class="mention">#${esc(label || target.slice(1))}</span>`;
    if (target.startsWith('!')) return `<span class="mention">@${esc(target.slice(1).split('^')[0])}</span>`;
    const url = unslack(target);
    if (!/^(https?:|mailto:)/i.test(url)) return esc(label || url);
    return `<a href="${esc(url)}" target="_blank" rel="noopener noreferrer">${formatted(label || url)}</a>`;
  }

  function mrkdwnHtml(text, names) {
    let html = '';
    let last = 0;
    String(text).replace(/<([^<>\n]+)>/g, (all, inner, offset) => {
      html += formatted(text.slice(last, offset)) + control(inner, names);
      last = offset + all.length;
      return all;
    });
    return html + formatted(text.slice(last));
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /** A text object: mrkdwn is formatted, plain_text shown as it is. */
  function textNode(object, names, tag) {
    const node = el(tag || 'div', 'bk-text');
    if (!object) return node;
    if (object.type === 'mrkdwn') node.innerHTML = mrkdwnHtml(object.text || '', names);
    else node.textContent = object.text || '';
    return node;
  }

  function optionsOf(element) {
    const groups = element.option_groups || [];
    return (element.options || []).concat(...groups.map((g) => g.options || []));
  }

  /** One interactive element. In an input block its value is read on submit; elsewhere it acts. */
  function element(def, blockId, ctx, inInput) {
    const acts = !inInput || def.dispatch_action;
    const stored = ((ctx.values || {})[blockId] || {})[def.action_id];
    const tag = (node, type) => {
      node.dataset.blockId = blockId;
      node.dataset.actionId = def.action_id;
      node.dataset.type = type;
      return node;
    };
    if (def.type === 'button') {
      const button = el(
        'button',
        `bk-button ${def.style || ''}`.trim(),
        (def.text && def.text.text) || 'Button',
      );
      button.type = 'button';
      button.addEventListener('click', () =>
        ctx.onAction({
          type: 'button',
          action_id: def.action_id,
          block_id: blockId,
          value: def.value,
          text: def.text,
        }),
      );
      return button;
    }
    if (def.type === 'static_select' || def.type === 'overflow') {
      const select = tag(el('select', 'bk-select'), def.type);
      const placeholder = el('option', '', (def.placeholder && def.placeholder.text) || 'Choose…');
      placeholder.value = '';
      select.append(placeholder);
      const chosen = stored ? stored.selected_option : def.initial_option;
      for (const option of optionsOf(def)) {
        const node = el('option', '', option.text.text);
        node.value = option.value;
        node.selected = Boolean(chosen && chosen.value === option.value);
        select.append(node);
      }
      select.addEventListener('change', () => {
        const option = optionsOf(def).find((o) => o.value === select.value);
        const selected = option ? { text: option.text, value: option.value } : null;
        ctx.remember(blockId, def.action_id, { type: def.type, selected_option: selected });
        if (acts && selected)
          ctx.onAction({
            type: def.type,
            action_id: def.action_id,
            block_id: blockId,
            selected_option: selected,
          });
      });
      return select;
    }
    if (def.type === 'datepicker') {
      const input = tag(el('input', 'bk-date'), 'datepicker');
      input.type = 'date';
      input.value = (stored ? stored.selected_date : def.initial_date) || '';
      input.addEventListener('change', () => {
        ctx.remember(blockId, def.action_id, { type: 'datepicker', selected_date: input.value || null });
        if (acts && input.value)
          ctx.onAction({
            type: 'datepicker',
            action_id: def.action_id,
            block_id: blockId,
            selected_date: input.value,
          });
      });
      return input;
    }
    if (def.type === 'plain_text_input') {
      const input = tag(el(def.multiline ? 'textarea' : 'input', 'bk-input'), 'plain_text_input');
      if (def.placeholder) input.placeholder = def.placeholder.text;
      if (def.max_length) input.maxLength = def.max_length;
      input.value = (stored ? stored.value : def.initial_value) || '';
      input.addEventListener('input', () =>
        ctx.remember(blockId, def.action_id, { type: 'plain_text_input', value: input.value }),
      );
      return input;
    }
    return el('span', 'bk-unsupported', `(${def.type} is not shown in the sandbox)`);
  }

  function block(def, index, ctx) {
    const id = def.block_id || `block-${index}`;
    const names = ctx.names;
    switch (def.type) {
      case 'header':
        return textNode(def.text, names, 'h3');
      case 'divider':
        return el('hr', 'bk-divider');
      case 'context': {
        const node = el('div', 'bk-context');
        for (const item of def.elements || []) {
          node.append(
            item.type === 'image' ? el('span', '', item.alt_text || '') : textNode(item, names, 'span'),
          );
        }
        return node;
      }
      case 'section': {
        const node = el('div', 'bk-section');
        const body = el('div', 'bk-section-body');
        if (def.text) body.append(textNode(def.text, names));
        if (def.fields) {
          const grid = el('div', 'bk-fields');
          for (const field of def.fields) grid.append(textNode(field, names));
          body.append(grid);
        }
        node.append(body);
        if (def.accessory) node.append(element(def.accessory, id, ctx, false));
        return node;
      }
      case 'actions': {
        const node = el('div', 'bk-actions');
        for (const item of def.elements || []) node.append(element(item, id, ctx, false));
        return node;
      }
      case 'input': {
        const node = el('div', 'bk-input-block');
        node.dataset.blockId = id;
        const label = el('label', 'bk-label', (def.label && def.label.text) || '');
        if (def.optional) label.append(el('span', 'bk-optional', ' (optional)'));
        const field = element(def.element, id, ctx, true);
        node.append(label, field);
        if (def.hint) node.append(el('div', 'bk-hint', def.hint.text));
        const error = (ctx.errors || {})[id];
        if (error) node.append(el('div', 'bk-error', error));
        return node;
      }
      default:
        return el('div', 'bk-unsupported', `(a ${def.type} block is not shown in the sandbox)`);
    }
  }

  /** The state of every input in `root`, shaped like a view's `state.values`. */
  function collect(root) {
    const values = {};
    for (const node of root.querySelectorAll('[data-action-id]')) {
      const { blockId, actionId, type } = node.dataset;
      let value;
      if (type === 'plain_text_input') value = { type, value: node.value === '' ? null : node.value };
      else if (type === 'datepicker') value = { type, selected_date: node.value || null };
      else {
        const option = node.selectedOptions[0];
        value = {
          type,
          selected_option: node.value
            ? { text: { type: 'plain_text', text: option.text }, value: node.value }
            : null,
        };
      }
      values[blockId] = Object.assign(values[blockId] || {}, { [actionId]: value });
    }
    return values;
  }

  function render(blocks, ctx) {
    const fragment = document.createDocumentFragment();
    (blocks || []).forEach((def, index) => fragment.append(block(def, index, ctx)));
    return fragment;
  }

  window.BlockKit = { render, collect, mrkdwnHtml };
})();
