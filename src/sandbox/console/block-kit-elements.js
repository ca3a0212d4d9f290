/* global window, document, BlockKitText */
'use strict';

/**
 * Block Kit's interactive elements as form controls: buttons, overflow menus, static and user
 * selects, radio buttons, checkboxes, date pickers, text and URL inputs. In an input block a value
 * is read on submit (collect), unless the block has `dispatch_action`; elsewhere a change acts at
 * once, as a `block_actions` with the element's type.
 */
(function () {
  const T = BlockKitText;
  let radioGroups = 0;

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function optionsOf(def) {
    const groups = def.option_groups || [];
    return (def.options || []).concat(...groups.map((g) => g.options || []));
  }

  /** An option's label: its text (mrkdwn or plain) and its description, if any. */
  function optionLabel(option, names) {
    const label = el('span', 'bk-option-text');
    if (option.text && option.text.type === 'mrkdwn') label.innerHTML = T.mrkdwnHtml(option.text.text, names);
    else label.textContent = T.plainText(option.text);
    if (!option.description) return label;
    const wrap = el('span', 'bk-option');
    wrap.append(label, el('span', 'bk-option-description', T.plainText(option.description)));
    return wrap;
  }

  const picked = (option) => (option ? { text: option.text, value: option.value } : null);

  /** Marks a control whose value belongs in the view's state, as Slack keeps it. */
  function stateful(node, blockId, def) {
    node.dataset.blockId = blockId;
    node.dataset.actionId = def.action_id;
    node.dataset.type = def.type;
    return node;
  }

  function button(def, blockId, ctx) {
    const node = el('button', `bk-button ${def.style || ''}`.trim(), T.plainText(def.text) || 'Button');
    node.type = 'button';
    if (def.url) node.dataset.url = def.url;
    node.addEventListener('click', () => {
      if (def.url) window.open(def.url, '_blank', 'noopener');
      ctx.onAction({
        type: 'button',
        action_id: def.action_id,
        block_id: blockId,
        value: def.value,
        text: def.text,
      });
    });
    return node;
  }

  /** The ⋯ menu: each option is a button that acts at once. */
  function overflow(def, blockId, ctx) {
    const menu = el('details', 'bk-overflow');
    const summary = el('summary', 'bk-overflow-toggle', '⋯');
    summary.setAttribute('aria-label', 'More actions');
    const list = el('div', 'bk-overflow-menu');
    list.setAttribute('role', 'menu');
    for (const option of def.options || []) {
      const item = el('button', 'bk-overflow-item');
      item.type = 'button';
      item.setAttribute('role', 'menuitem');
      item.append(optionLabel(option, ctx.names));
      item.addEventListener('click', () => {
        menu.open = false;
        if (option.url) window.open(option.url, '_blank', 'noopener');
        ctx.onAction({
          type: 'overflow',
          action_id: def.action_id,
          block_id: blockId,
          selected_option: picked(option),
        });
      });
      list.append(item);
    }
    menu.append(summary, list);
    return menu;
  }

  function staticSelect(def, blockId, ctx, acts, stored) {
    const select = stateful(el('select', 'bk-select'), blockId, def);
    const placeholder = el('option', '', T.plainText(def.placeholder) || 'Choose…');
    placeholder.value = '';
    select.append(placeholder);
    const chosen = stored ? stored.selected_option : def.initial_option;
    const add = (parent, option) => {
      const node = el('option', '', T.plainText(option.text));
      node.value = option.value;
      node.selected = Boolean(chosen && chosen.value === option.value);
      parent.append(node);
    };
    for (const option of def.options || []) add(select, option);
    for (const group of def.option_groups || []) {
      const node = el('optgroup');
      node.label = T.plainText(group.label);
      for (const option of group.options || []) add(node, option);
      select.append(node);
    }
    select.addEventListener('change', () => {
      const selected = picked(optionsOf(def).find((o) => o.value === select.value));
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

  /** Anyone of the workspace, as Slack's user picker offers them. */
  function usersSelect(def, blockId, ctx, acts, stored) {
    const select = stateful(el('select', 'bk-select'), blockId, def);
    const placeholder = el('option', '', T.plainText(def.placeholder) || 'Choose someone…');
    placeholder.value = '';
    select.append(placeholder);
    const chosen = stored ? stored.selected_user : def.initial_user;
    for (const person of ctx.people || []) {
      const node = el('option', '', person.name);
      node.value = person.id;
      node.selected = person.id === chosen;
      select.append(node);
    }
    select.addEventListener('change', () => {
      const user = select.value || null;
      ctx.remember(blockId, def.action_id, { type: 'users_select', selected_user: user });
      if (acts && user)
        ctx.onAction({
          type: 'users_select',
          action_id: def.action_id,
          block_id: blockId,
          selected_user: user,
        });
    });
    return select;
  }

  /** Radio buttons or checkboxes: a group of options, one or several chosen. */
  function choices(def, blockId, ctx, acts, stored) {
    const multiple = def.type === 'checkboxes';
    const group = stateful(el('div', multiple ? 'bk-checkboxes' : 'bk-radios'), blockId, def);
    group.setAttribute('role', multiple ? 'group' : 'radiogroup');
    const name = `bk-choice-${(radioGroups += 1)}`;
    const chosen = stored
      ? multiple
        ? stored.selected_options || []
        : [stored.selected_option].filter(Boolean)
      : multiple
        ? def.initial_options || []
        : [def.initial_option].filter(Boolean);
    const options = def.options || [];
    for (const option of options) {
      const row = el('label', 'bk-choice');
      const input = el('input');
      input.type = multiple ? 'checkbox' : 'radio';
      input.name = name;
      input.value = option.value;
      input.checked = chosen.some((c) => c.value === option.value);
      row.append(input, optionLabel(option, ctx.names));
      group.append(row);
    }
    group.dataset.options = JSON.stringify(options.map(picked));
    group.addEventListener('change', () => {
      const inputs = [...group.querySelectorAll('input')];
      const selected = options.filter((_option, index) => inputs[index].checked);
      const value = multiple
        ? { type: def.type, selected_options: selected.map(picked) }
        : { type: def.type, selected_option: picked(selected[0]) };
      ctx.remember(blockId, def.action_id, value);
      if (acts) ctx.onAction(Object.assign({ action_id: def.action_id, block_id: blockId }, value));
    });
    return group;
  }

  function datepicker(def, blockId, ctx, acts, stored) {
    const input = stateful(el('input', 'bk-date'), blockId, def);
    input.type = 'date';
    input.value = (stored ? stored.selected_date : def.initial_date) || '';
    if (def.placeholder) input.setAttribute('aria-placeholder', T.plainText(def.placeholder));
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

  /** plain_text_input (one line or several) and url_text_input. */
  function textInput(def, blockId, ctx, stored) {
    const multiline = def.type === 'plain_text_input' && def.multiline;
    const input = stateful(el(multiline ? 'textarea' : 'input', 'bk-input'), blockId, def);
    if (def.type === 'url_text_input') input.type = 'url';
    if (def.placeholder) input.placeholder = T.plainText(def.placeholder);
    if (def.max_length) input.maxLength = def.max_length;
    input.value = (stored ? stored.value : def.initial_value) || '';
    input.addEventListener('input', () =>
      ctx.remember(blockId, def.action_id, { type: def.type, value: input.value }),
    );
    return input;
  }

  /**
   * One interactive element. `dispatch`: it sits in an input block with dispatch_action, so a
   * change is sent at once as well as kept for the submission.
   */
  function element(def, blockId, ctx, place) {
    const acts = place !== 'input' || Boolean(ctx.dispatch);
    const stored = ((ctx.values || {})[blockId] || {})[def.action_id];
    switch (def.type) {
      case 'button':
        return button(def, blockId, ctx);
      case 'overflow':
        return overflow(def, blockId, ctx);
      case 'static_select':
        return staticSelect(def, blockId, ctx, acts, stored);
      case 'users_select':
        return usersSelect(def, blockId, ctx, acts, stored);
      case 'radio_buttons':
      case 'checkboxes':
        return choices(def, blockId, ctx, acts, stored);
      case 'datepicker':
        return datepicker(def, blockId, ctx, acts, stored);
      case 'plain_text_input':
      case 'url_text_input':
        return textInput(def, blockId, ctx, stored);
      case 'image':
        return el('span', 'bk-image', def.alt_text || '');
      default:
        return el('span', 'bk-unsupported', `(${def.type} is not shown in the sandbox)`);
    }
  }

  /** The state of one control, shaped as Slack puts it in `view.state.values`. */
  function stateOf(node) {
    const type = node.dataset.type;
    const optionOf = (input) => JSON.parse(node.dataset.options || '[]').find((o) => o.value === input.value);
    switch (type) {
      case 'plain_text_input':
      case 'url_text_input':
        return { type, value: node.value === '' ? null : node.value };
      case 'datepicker':
        return { type, selected_date: node.value || null };
      case 'users_select':
        return { type, selected_user: node.value || null };
      case 'radio_buttons': {
        const checked = node.querySelector('input:checked');
        return { type, selected_option: checked ? optionOf(checked) : null };
      }
      case 'checkboxes':
        return { type, selected_options: [...node.querySelectorAll('input:checked')].map(optionOf) };
      default: {
        const option = node.selectedOptions[0];
        const text = { type: 'plain_text', text: option ? option.text : '' };
        return { type, selected_option: node.value ? { text, value: node.value } : null };
      }
    }
  }

  /** The state of every control in `root`, shaped like a view's `state.values`. */
  function collect(root) {
    const values = {};
    for (const node of root.querySelectorAll('[data-action-id]')) {
      const { blockId, actionId } = node.dataset;
      values[blockId] = Object.assign(values[blockId] || {}, { [actionId]: stateOf(node) });
    }
    return values;
  }

  window.BlockKitElements = { element, collect };
})();
