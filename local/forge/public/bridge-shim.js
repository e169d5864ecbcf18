// Runs inside each Custom UI iframe before the app's bundle: provides the `__bridge` object
// that @forge/bridge calls, and carries each call to the host page with postMessage, as the
// real Forge host does. Callbacks (modal onClose, event listeners) stay in this frame.
(function () {
  var frameId = document.currentScript.getAttribute('data-frame-id');
  var pending = {};
  var callbacks = {};
  var seq = 0;

  function keepCallback(fn) {
    var id = 'cb' + ++seq;
    callbacks[id] = fn;
    return id;
  }

  function post(name, payload) {
    return new Promise(function (resolve, reject) {
      var id = ++seq;
      pending[id] = { resolve: resolve, reject: reject };
      window.parent.postMessage({ forgeBridge: 'call', frameId: frameId, id: id, name: name, payload: payload }, '*');
    });
  }

  window.addEventListener('message', function (event) {
    if (event.source !== window.parent || !event.data) return;
    var m = event.data;
    if (m.forgeBridge === 'reply' && pending[m.id]) {
      var p = pending[m.id];
      delete pending[m.id];
      if (m.ok) p.resolve(m.result);
      else p.reject(new Error(m.error || 'Bridge call failed'));
    } else if (m.forgeBridge === 'callback' && callbacks[m.callbackId]) {
      callbacks[m.callbackId](m.payload);
    }
  });

  window.__bridge = {
    callBridge: function (name, payload) {
      if (name === 'openModal' && payload && typeof payload.onClose === 'function') {
        var rest = Object.assign({}, payload, { onClose: keepCallback(payload.onClose) });
        return post(name, rest);
      }
      if (name === 'on' && payload && typeof payload.callback === 'function') {
        return post(name, Object.assign({}, payload, { callback: keepCallback(payload.callback) })).then(function () {
          return { unsubscribe: function () {} };
        });
      }
      return post(name, payload === undefined ? null : JSON.parse(JSON.stringify(payload)));
    },
  };

  // Forge sizes a Custom UI frame to its content, growing and shrinking with it: the height
  // reported is the body's (its content's height plus its margins, what iframe-resizer measures
  // by default), never the document's scroll height, which is at least the frame's own height
  // and so would let a frame grow but never shrink after a long tab gave way to a short one.
  var lastHeight = 0;
  function contentHeight() {
    var body = document.body;
    if (!body) return 0;
    var style = window.getComputedStyle(body);
    return body.scrollHeight + (parseFloat(style.marginTop) || 0) + (parseFloat(style.marginBottom) || 0);
  }
  function reportHeight() {
    var height = Math.ceil(contentHeight());
    if (height !== lastHeight) {
      lastHeight = height;
      window.parent.postMessage({ forgeBridge: 'resize', frameId: frameId, height: height }, '*');
    }
  }
  new ResizeObserver(reportHeight).observe(document.documentElement);
  document.addEventListener('DOMContentLoaded', function () {
    new ResizeObserver(reportHeight).observe(document.body);
  });
  window.addEventListener('load', reportHeight);
  setInterval(reportHeight, 250);
})();
