/* Guanxi web form snippet: renders every <div data-guanxi-form="KEY"> on the page from
 * GET /api/v1/public/forms/KEY and sends it as JSON to .../submissions. No dependencies, no
 * cookies (credentials are never sent), plain DOM so it works on any site that embeds it. */
(function () {
  'use strict';
  var script = document.currentScript;
  var base = script && script.src ? script.src.replace(/\/api\/v1\/public\/forms\/embed\.js.*$/, '') : '';
  var REQUIRED = { en: 'Required', 'zh-CN': '必填', 'zh-TW': '必填' };
  var FAILED = { en: 'Sending failed, please try again.', 'zh-CN': '提交失败，请重试。', 'zh-TW': '送出失敗，請重試。' };
  var BUSY = { en: 'Too many submissions, please try again in a minute.', 'zh-CN': '提交过于频繁，请一分钟后再试。', 'zh-TW': '送出過於頻繁，請一分鐘後再試。' };

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs) if (Object.prototype.hasOwnProperty.call(attrs, k)) e.setAttribute(k, attrs[k]);
    if (text != null) e.textContent = text;
    return e;
  }

  function input(field, id) {
    var attrs = { id: id, name: field.key, style: 'width:100%;box-sizing:border-box;padding:6px;font:inherit' };
    if (field.required) attrs.required = 'required';
    if (field.max) attrs.maxlength = String(field.max);
    if (field.type === 'longtext') return el('textarea', Object.assign(attrs, { rows: '4' }));
    if (field.type === 'boolean') return el('input', { id: id, name: field.key, type: 'checkbox' });
    if (field.type === 'select' || field.type === 'multiselect') {
      var s = el('select', attrs);
      if (field.type === 'multiselect') s.multiple = true;
      else s.appendChild(el('option', { value: '' }, ''));
      (field.options || []).forEach(function (o) { s.appendChild(el('option', { value: o.value }, o.label)); });
      return s;
    }
    var types = { email: 'email', phone: 'tel', url: 'url', number: 'number', date: 'date' };
    attrs.type = types[field.type] || 'text';
    return el('input', attrs);
  }

  function valueOf(field, control) {
    if (field.type === 'boolean') return control.checked;
    if (field.type === 'multiselect') return Array.prototype.filter.call(control.options, function (o) { return o.selected; }).map(function (o) { return o.value; });
    if (field.type === 'number') return control.value === '' ? null : Number(control.value);
    return control.value;
  }

  function build(box, form) {
    var lang = form.locale;
    var f = el('form', { 'data-guanxi-form-rendered': form.key, novalidate: 'novalidate' });
    f.appendChild(el('h2', { style: 'margin:0 0 1rem' }, form.name));
    var controls = {};
    var errors = {};
    form.fields.forEach(function (field, i) {
      var id = 'gx-' + form.key + '-' + i;
      var row = el('p', { style: 'margin:0 0 .75rem' });
      row.appendChild(el('label', { for: id, style: 'display:block;margin-bottom:2px' }, field.label + (field.required ? ' *' : '')));
      controls[field.key] = input(field, id);
      row.appendChild(controls[field.key]);
      errors[field.key] = el('span', { role: 'alert', style: 'color:#cf1322;font-size:.9em' });
      row.appendChild(errors[field.key]);
      f.appendChild(row);
    });
    // People never see or reach the honeypot; a bot filling every input fills it too.
    var trap = el('div', { 'aria-hidden': 'true', style: 'position:absolute;left:-10000px;top:auto;width:1px;height:1px;overflow:hidden' });
    trap.appendChild(el('input', { type: 'text', name: form.honeypot, tabindex: '-1', autocomplete: 'off' }));
    f.appendChild(trap);
    var status = el('p', { role: 'status', 'aria-live': 'polite' });
    var button = el('button', { type: 'submit', style: 'padding:6px 16px;font:inherit' }, form.submit_label);
    f.appendChild(button);
    f.appendChild(status);
    f.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var body = {};
      form.fields.forEach(function (field) {
        errors[field.key].textContent = '';
        body[field.key] = valueOf(field, controls[field.key]);
      });
      body[form.honeypot] = f.elements[form.honeypot].value;
      button.disabled = true;
      status.textContent = '';
      fetch(base + '/api/v1/public/forms/' + encodeURIComponent(form.key) + '/submissions?locale=' + encodeURIComponent(lang), {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), credentials: 'omit',
      }).then(function (r) {
        return r.json().then(function (res) { return { ok: r.ok, status: r.status, res: res }; });
      }).then(function (a) {
        button.disabled = false;
        if (a.ok) {
          var done = el('p', { role: 'status', 'data-guanxi-form-done': form.key }, a.res.data.message);
          f.parentNode.replaceChild(done, f);
          return;
        }
        var details = a.res && a.res.error && Array.isArray(a.res.error.details) ? a.res.error.details : [];
        details.forEach(function (d) { if (errors[d.field]) errors[d.field].textContent = d.code === 'required' ? REQUIRED[lang] || REQUIRED.en : d.message; });
        status.textContent = a.status === 429 ? BUSY[lang] || BUSY.en : details.length ? '' : (a.res && a.res.error && a.res.error.message) || FAILED[lang] || FAILED.en;
      }).catch(function () {
        button.disabled = false;
        status.textContent = FAILED[lang] || FAILED.en;
      });
    });
    box.textContent = '';
    box.appendChild(f);
  }

  function render(box) {
    var key = box.getAttribute('data-guanxi-form');
    var lang = box.getAttribute('data-locale') || document.documentElement.lang || navigator.language || 'en';
    fetch(base + '/api/v1/public/forms/' + encodeURIComponent(key) + '?locale=' + encodeURIComponent(lang), { credentials: 'omit' })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (res) { build(box, res.data); })
      .catch(function () { box.textContent = ''; });
  }

  Array.prototype.forEach.call(document.querySelectorAll('[data-guanxi-form]'), render);
})();
