// Behaviour of the pages, kept out of the markup so that the Content-Security-Policy can forbid inline script.
document.addEventListener('click', function (event) {
    var trigger = event.target.closest('[data-print]');
    if (trigger) {
        event.preventDefault();
        window.print();
    }
});
