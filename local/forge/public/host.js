// The host page's side of the bridge: answers what Custom UI frames ask of Jira (context,
// invoke, fetchProduct, navigate, flags, modals), like the Forge host in Jira Cloud.
(function () {
  var frames = window.__FORGE_FRAMES__ || {};
  var listeners = [];

  function frameWindow(frameId) {
    var el = document.querySelector('iframe[data-frame-id="' + frameId + '"]');
    return el ? el.contentWindow : null;
  }

  function reply(frameId, id, ok, result, error) {
    var win = frameWindow(frameId);
    if (win) win.postMessage({ forgeBridge: 'reply', id: id, ok: ok, result: result, error: error }, '*');
  }

  function callback(frameId, callbackId, payload) {
    var win = frameWindow(frameId);
    if (win) win.postMessage({ forgeBridge: 'callback', callbackId: callbackId, payload: payload }, '*');
  }

  function postJson(url, body) {
    return fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    }).then(function (r) {
      return r.json();
    });
  }

  var handlers = {
    getContext: function (frame) {
      return frame.context;
    },
    invoke: function (frame, payload) {
      return postJson('/forge/invoke', {
        moduleKey: frame.context.moduleKey,
        functionKey: payload.functionKey,
        payload: payload.payload,
        context: frame.context,
      }).then(function (answer) {
        if (!answer.ok && answer.needsConsent) showConsent(frame, answer.consent || {});
        if (!answer.ok) throw new Error(answer.message);
        return answer.body;
      });
    },
    fetchProduct: function (frame, payload) {
      return postJson('/forge/fetch-product', payload);
    },
    navigate: function (frame, payload) {
      var url = payload.url;
      if (!url && payload.target === 'issue') url = '/browse/' + encodeURIComponent(payload.issueKey);
      if (!url && payload.target === 'projectPage')
        url = '/projects/' + encodeURIComponent(payload.projectKey) + '/backlog';
      if (!url) throw new Error('The local Forge host cannot navigate to ' + JSON.stringify(payload));
      if (payload.type === 'new-tab') window.open(url, '_blank');
      else window.location.href = url;
      return null;
    },
    showFlag: function (frame, payload) {
      showFlag(payload);
      return null;
    },
    closeFlag: function (frame, payload) {
      var el = document.getElementById('flag-' + payload.id);
      if (el) el.remove();
      return null;
    },
    openModal: function (frame, payload) {
      openModal(frame, payload);
      return true;
    },
    close: function (frame) {
      closeModal(frame, undefined);
      return null;
    },
    submit: function (frame, payload) {
      // A custom field's edit: on the issue view Jira saves the value; on create it keeps it
      // for the create request.
      if (frame.fieldEdit) {
        return postJson('/forge/field-value', {
          issueId: frame.fieldEdit.issueId,
          fieldId: frame.fieldEdit.fieldId,
          value: payload,
        }).then(function (answer) {
          if (answer.status >= 400) {
            var body = answer.body ? JSON.parse(answer.body) : {};
            throw new Error(
              (body.errorMessages || []).concat(Object.values(body.errors || {})).join(' ') ||
                'Jira answered ' + answer.status,
            );
          }
          closeModal(frame, payload);
          window.location.reload();
          return null;
        });
      }
      if (frame.createField) {
        window.__createFieldValues = window.__createFieldValues || {};
        window.__createFieldValues[frame.createField] = payload;
        var status = document.querySelector('[data-field-status="' + frame.createField + '"]');
        if (status)
          status.textContent =
            'Set: ' +
            ((payload && payload.clauses && payload.clauses.length) || 0) +
            ' clause(s) will be saved with the issue.';
        return null;
      }
      closeModal(frame, payload);
      return null;
    },
    refresh: function (frame) {
      if (/^\/browse\//.test(window.location.pathname)) return refreshIssueView(frame);
      setTimeout(function () {
        window.location.reload();
      }, 50);
      return null;
    },
    reload: function () {
      window.location.reload();
      return null;
    },
    on: function (frame, payload) {
      listeners.push({ frameId: frame.id, event: payload.event, callbackId: payload.callback });
      return null;
    },
    emit: function (frame, payload) {
      listeners.forEach(function (l) {
        if (l.event === payload.event) callback(l.frameId, l.callbackId, payload.payload);
      });
      return null;
    },
    enableTheming: function () {
      return null;
    },
    emitReadyEvent: function () {
      return null;
    },
    changeWindowTitle: function () {
      return null;
    },
  };

  // view.refresh() from a module of the issue view: like Jira (Connect's AP.jira.refreshIssuePage,
  // "refresh an issue page without reloading the browser"), the issue is read again and shown as
  // it is now: Jira's own fields and the app's other modules of the issue view (its custom
  // field's view and edit, its context panel) render again with the issue's current values. The
  // module that asked keeps its state. Jira does not do this by itself when the person viewing
  // the issue changed it, so a panel that writes the issue's field must ask.
  function refreshIssueView(caller) {
    return fetch(window.location.href, { credentials: 'same-origin' })
      .then(function (r) {
        return r.text();
      })
      .then(function (html) {
        var next = new window.DOMParser().parseFromString(html, 'text/html');
        var script = Array.prototype.find.call(next.querySelectorAll('script'), function (s) {
          return s.textContent.indexOf('window.__FORGE_FRAMES__') === 0;
        });
        if (!script) return true;
        var page = {};
        new Function('window', script.textContent)(page);
        Object.keys(page.__FORGE_LAUNCHERS__ || {}).forEach(function (id) {
          launchers[id] = page.__FORGE_LAUNCHERS__[id];
        });
        ['#issue-summary', '.issue-side dl'].forEach(function (selector) {
          var now = document.querySelector(selector);
          var fresh = next.querySelector(selector);
          if (now && fresh) now.innerHTML = fresh.innerHTML;
        });
        Object.keys(page.__FORGE_FRAMES__ || {}).forEach(function (id) {
          if (id === caller.id || !frames[id]) return;
          frames[id] = page.__FORGE_FRAMES__[id];
          var win = frameWindow(id);
          if (win) win.location.reload();
        });
        return true;
      });
  }

  window.addEventListener('message', function (event) {
    var m = event.data;
    if (!m || !m.forgeBridge || !frames[m.frameId]) return;
    var frame = frames[m.frameId];
    if (m.forgeBridge === 'resize') {
      var el = document.querySelector('iframe[data-frame-id="' + m.frameId + '"]');
      if (el && !el.hasAttribute('data-fixed-height')) el.style.height = Math.max(m.height, 40) + 'px';
      return;
    }
    if (m.forgeBridge !== 'call') return;
    var handler = handlers[m.name];
    if (!handler) return reply(m.frameId, m.id, false, null, 'The local Forge host does not support ' + m.name + '.');
    Promise.resolve()
      .then(function () {
        return handler(frame, m.payload || {});
      })
      .then(
        function (result) {
          reply(m.frameId, m.id, true, result === undefined ? null : result);
        },
        function (error) {
          reply(m.frameId, m.id, false, null, error && error.message ? error.message : String(error));
        },
      );
  });

  // Like Jira: when a function fails with NeedsAuthenticationError, the module's frame is
  // replaced by "Allow access" (the app's name and the scopes it asks for); after the person
  // allows it, the module loads again and works.
  function showConsent(frame, consent) {
    var iframe = document.querySelector('iframe[data-frame-id="' + frame.id + '"]');
    if (!iframe || document.getElementById('consent-' + frame.id)) return;
    var panel = document.createElement('section');
    panel.id = 'consent-' + frame.id;
    panel.className = 'forge-consent';
    panel.setAttribute('role', 'region');
    panel.setAttribute('aria-label', 'Allow access');
    var heading = document.createElement('h3');
    heading.textContent = (consent.appName || 'This app') + ' needs your permission';
    var text = document.createElement('p');
    text.textContent =
      'Allow access so ' + (consent.appName || 'this app') + ' can act on your behalf. It asks for these scopes:';
    var list = document.createElement('ul');
    (consent.scopes || []).forEach(function (scope) {
      var item = document.createElement('li');
      var code = document.createElement('code');
      code.textContent = scope;
      item.appendChild(code);
      list.appendChild(item);
    });
    var allow = document.createElement('button');
    allow.type = 'button';
    allow.className = 'button button-primary';
    allow.setAttribute('data-testid', 'forge-allow-access');
    allow.textContent = 'Allow access';
    allow.addEventListener('click', function () {
      allow.disabled = true;
      postJson('/forge/consent', {}).then(function () {
        window.location.reload();
      });
    });
    panel.appendChild(heading);
    panel.appendChild(text);
    panel.appendChild(list);
    panel.appendChild(allow);
    iframe.style.display = 'none';
    iframe.parentNode.insertBefore(panel, iframe);
  }

  function showFlag(options) {
    var host = document.getElementById('flags');
    var el = document.createElement('div');
    el.id = 'flag-' + options.id;
    el.className = 'flag flag-' + (options.type || 'info');
    el.setAttribute('role', 'status');
    var title = document.createElement('strong');
    title.textContent = options.title || '';
    var body = document.createElement('div');
    body.textContent = options.description || '';
    el.appendChild(title);
    el.appendChild(body);
    host.appendChild(el);
    setTimeout(
      function () {
        el.remove();
      },
      options.isAutoDismiss === false ? 30000 : 8000,
    );
  }

  var modalSeq = 0;
  function openModal(opener, options) {
    var context = Object.assign({}, opener.context, { modal: options.context || {} });
    openModalFrame(
      { resource: options.resource || opener.resource, context: context, opener: opener.id, onClose: options.onClose },
      options,
    );
  }

  function openModalFrame(spec, options) {
    var id = 'modal-' + ++modalSeq;
    var resource = spec.resource;
    var context = Object.assign({}, spec.context, { localId: id });
    frames[id] = {
      id: id,
      resource: resource,
      context: context,
      opener: spec.opener,
      onClose: spec.onClose,
      modal: true,
      fieldEdit: spec.fieldEdit,
    };
    var overlay = document.createElement('div');
    overlay.className = 'modal-overlay';
    overlay.id = 'overlay-' + id;
    overlay.innerHTML =
      '<div class="modal modal-' +
      (typeof options.size === 'string' ? options.size : 'medium') +
      '" role="dialog" aria-modal="true"></div>';
    var dialog = overlay.firstChild;
    if (options.title) {
      var heading = document.createElement('h2');
      heading.textContent = options.title;
      dialog.appendChild(heading);
    }
    var iframe = document.createElement('iframe');
    iframe.className = 'forge-frame';
    iframe.setAttribute('data-frame-id', id);
    iframe.setAttribute('title', options.title || 'App dialog');
    iframe.src = '/forge/resource/' + encodeURIComponent(resource) + '/index.html?frame=' + encodeURIComponent(id);
    dialog.appendChild(iframe);
    overlay.addEventListener('click', function (e) {
      if (e.target === overlay && options.closeOnOverlayClick !== false) closeModal(frames[id], undefined);
    });
    document.addEventListener('keydown', function onKey(e) {
      if (e.key === 'Escape' && options.closeOnEscape !== false && frames[id]) {
        document.removeEventListener('keydown', onKey);
        closeModal(frames[id], undefined);
      }
    });
    document.body.appendChild(overlay);
  }

  function closeModal(frame, payload) {
    if (!frame || !frame.modal) return;
    var overlay = document.getElementById('overlay-' + frame.id);
    if (overlay) overlay.remove();
    delete frames[frame.id];
    if (frame.onClose) callback(frame.opener, frame.onClose, payload);
    // A module Jira opened from its own page (a sprint action) may have changed what the page
    // shows, as Jira's backlog refreshes after one.
    if (!frame.opener && !frame.fieldEdit) window.location.reload();
  }

  // Modules that Jira opens in a modal from its own UI (sprint actions in the backlog).
  var launchers = window.__FORGE_LAUNCHERS__ || {};
  document.querySelectorAll('[data-forge-launcher]').forEach(function (button) {
    button.addEventListener('click', function () {
      var launcher = launchers[button.getAttribute('data-forge-launcher')];
      if (launcher)
        openModalFrame(
          {
            resource: launcher.resource,
            context: launcher.context,
            opener: null,
            onClose: null,
            fieldEdit: launcher.fieldEdit,
          },
          { title: launcher.title, size: 'large' },
        );
    });
  });

  // The user switcher.
  var switcher = document.getElementById('user-switcher');
  if (switcher) {
    switcher.addEventListener('change', function () {
      postJson('/forge/user', { accountId: switcher.value }).then(function () {
        window.location.reload();
      });
    });
  }
})();
