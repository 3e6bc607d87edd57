// Behaviour of the pages, kept out of the markup so that the Content-Security-Policy can forbid inline script.
document.addEventListener('click', function (event) {
    var trigger = event.target.closest('[data-print]');
    if (trigger) {
        event.preventDefault();
        window.print();
    }
});

// After a refused submit the error summary (first in the page) takes the focus, so that a screen reader
// reads it out and the keyboard starts from its links to the fields. Deferred: the page is parsed by now.
(function () {
    var summary = document.querySelector('.error-summary');
    if (summary) {
        if (!summary.hasAttribute('tabindex')) {
            summary.setAttribute('tabindex', '-1');
        }
        summary.focus();
    }
})();
