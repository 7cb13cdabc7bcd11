/*
 * Tailnet Connect's browser helper for host pages (no build step): opens a connect session's
 * link in a popup or an iframe and resolves with how it ended.
 *
 *   TailnetConnect.open({ connectLink, mode: "popup" | "iframe", origin, container?, onEvent? })
 *     -> Promise<{ status: "connected" | "cancelled" | "error" | "closed", connectionId?, state?, outcome? }>
 *
 * `origin` is Tailnet Connect's origin (defaults to the link's): messages from anywhere else,
 * or from any window but the one opened here, are ignored. The page's own origin must be in
 * the session's allowedOrigins, or Tailnet Connect sends it nothing.
 */
(function (global) {
  "use strict";
  var PREFIX = "tailnet-connect:";

  function open(options) {
    var link = new URL(options.connectLink);
    var origin = options.origin || link.origin;
    var mode = options.mode === "iframe" ? "iframe" : "popup";
    link.searchParams.set("mode", mode);

    return new Promise(function (resolve, reject) {
      var popup = null;
      var frame = null;
      var timer = null;
      var settled = false;

      function finish(result) {
        if (settled) return;
        settled = true;
        global.removeEventListener("message", onMessage);
        if (timer) global.clearInterval(timer);
        if (frame && frame.parentNode) frame.parentNode.removeChild(frame);
        if (popup && !popup.closed) popup.close();
        resolve(result);
      }

      function onMessage(event) {
        if (event.origin !== origin) return;
        var source = frame ? frame.contentWindow : popup;
        if (!source || event.source !== source) return;
        var data = event.data;
        if (!data || typeof data.type !== "string" || data.type.indexOf(PREFIX) !== 0) return;
        if (typeof options.onEvent === "function") options.onEvent(data);
        var kind = data.type.slice(PREFIX.length);
        if (kind === "connected" || kind === "cancelled" || kind === "error") {
          finish({ status: kind, connectionId: data.connectionId, state: data.state, outcome: data.outcome });
        }
      }

      global.addEventListener("message", onMessage);
      if (mode === "popup") {
        popup = global.open(link.toString(), "tailnet-connect", "popup,width=640,height=780");
        if (!popup) {
          global.removeEventListener("message", onMessage);
          reject(new Error("The browser blocked the popup: call TailnetConnect.open from a click handler."));
          return;
        }
        // Closing the popup is an outcome too: the host is never left waiting.
        timer = global.setInterval(function () {
          if (popup.closed) finish({ status: "closed" });
        }, 400);
      } else {
        frame = global.document.createElement("iframe");
        frame.src = link.toString();
        frame.title = "Connect your tailnet";
        frame.style.cssText = "width:100%;min-height:720px;border:0";
        (options.container || global.document.body).appendChild(frame);
      }
    });
  }

  global.TailnetConnect = { open: open };
})(window);
