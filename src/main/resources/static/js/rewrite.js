// The rewrite page's Copy button: shown only where the clipboard can be used, so the page without
// script (or without clipboard access) simply offers the Download button and the read-only text.
(function () {
  'use strict';
  var button = document.getElementById('copy-result');
  if (!button || !navigator.clipboard || !window.isSecureContext) {
    return;
  }
  var source = document.getElementById(button.getAttribute('data-copy-from'));
  var status = document.getElementById('copy-status');
  if (!source) {
    return;
  }
  button.hidden = false;
  button.addEventListener('click', function () {
    navigator.clipboard.writeText(source.value).then(function () {
      status.textContent = 'Copied.';
    }, function () {
      status.textContent = 'Copying failed: select the text below and copy it.';
      source.focus();
      source.select();
    });
  });
}());
