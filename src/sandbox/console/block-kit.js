/* global window, document, BlockKitText, BlockKitElements */
'use strict';

/**
 * Renders the Block Kit kfrelease sends (header, section with text, fields and an accessory,
 * context, divider, image, actions, input) into DOM nodes; the elements in them come from
 * block-kit-elements.js, their text from block-kit-text.js. Text only ever reaches the page escaped.
 */
(function () {
  const T = BlockKitText;

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /** A text object: mrkdwn is formatted, plain_text shown as it is (with its emoji). */
  function textNode(object, names, tag) {
    const node = el(tag || 'div', 'bk-text');
    if (!object) return node;
    if (object.type === 'mrkdwn') node.innerHTML = T.mrkdwnHtml(object.text || '', names);
    else node.textContent = T.plainText(object);
    return node;
  }

  function section(def, id, ctx) {
    const node = el('div', 'bk-section');
    const body = el('div', 'bk-section-body');
    if (def.text) body.append(textNode(def.text, ctx.names));
    if (def.fields) {
      const grid = el('div', 'bk-fields');
      for (const field of def.fields) grid.append(textNode(field, ctx.names));
      body.append(grid);
    }
    node.append(body);
    if (def.accessory) {
      const accessory = el('div', 'bk-accessory');
      accessory.append(BlockKitElements.element(def.accessory, id, ctx, 'accessory'));
      node.append(accessory);
    }
    return node;
  }

  function input(def, id, ctx) {
    const node = el('div', 'bk-input-block');
    node.dataset.blockId = id;
    const label = el('label', 'bk-label', T.plainText(def.label));
    if (def.optional) label.append(el('span', 'bk-optional', ' (optional)'));
    const field = BlockKitElements.element(
      def.element,
      id,
      Object.assign({}, ctx, { dispatch: def.dispatch_action === true }),
      'input',
    );
    // A label names its field; a group of radio buttons or checkboxes is named by the label's text.
    if (field.matches('input, textarea, select')) {
      field.id = `bk-field-${id}`;
      label.htmlFor = field.id;
    } else field.setAttribute('aria-label', label.textContent);
    node.append(label, field);
    if (def.hint) node.append(el('div', 'bk-hint', T.plainText(def.hint)));
    const error = (ctx.errors || {})[id];
    if (error) node.append(el('div', 'bk-error', error));
    return node;
  }

  function block(def, index, ctx) {
    const id = def.block_id || `block-${index}`;
    switch (def.type) {
      case 'header':
        return textNode(def.text, ctx.names, 'h3');
      case 'divider':
        return el('hr', 'bk-divider');
      case 'image':
        return el('div', 'bk-image', (def.title && T.plainText(def.title)) || def.alt_text || '');
      case 'context': {
        const node = el('div', 'bk-context');
        for (const item of def.elements || []) {
          node.append(
            item.type === 'image' ? el('span', '', item.alt_text || '') : textNode(item, ctx.names, 'span'),
          );
        }
        return node;
      }
      case 'section':
        return section(def, id, ctx);
      case 'actions': {
        const node = el('div', 'bk-actions');
        for (const item of def.elements || [])
          node.append(BlockKitElements.element(item, id, ctx, 'actions'));
        return node;
      }
      case 'input':
        return input(def, id, ctx);
      default:
        return el('div', 'bk-unsupported', `(a ${def.type} block is not shown in the sandbox)`);
    }
  }

  /**
   * `ctx`: names (Slack ID -> name, for mentions), people (for user pickers), values (what was
   * typed, by block and action id), errors (by block id), remember(blockId, actionId, value) and
   * onAction(action).
   */
  function render(blocks, ctx) {
    const fragment = document.createDocumentFragment();
    (blocks || []).forEach((def, index) => fragment.append(block(def, index, ctx)));
    return fragment;
  }

  window.BlockKit = { render, collect: BlockKitElements.collect, mrkdwnHtml: T.mrkdwnHtml };
})();
