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

// Forms that carry documents (data-upload-form). Without JavaScript they are posted as they are. With it, a file
// over the limit is refused at its field before anything is sent (what was typed stays), and the form is sent in
// the background so that a large upload shows its progress; the answer then replaces the page as a post would.
(function () {
    function fieldError(input, message) {
        var field = input.closest('.field');
        var id = input.id + '-error';
        var error = document.getElementById(id);
        if (!message) {
            if (error && error.hasAttribute('data-from-script')) {
                error.remove();
                field.classList.remove('field--error');
                input.removeAttribute('aria-invalid');
            }
            return;
        }
        if (!error) {
            error = document.createElement('p');
            error.className = 'error-message';
            error.id = id;
            error.setAttribute('data-from-script', '');
            input.parentNode.insertBefore(error, input);
            input.setAttribute('aria-describedby', (input.getAttribute('aria-describedby') || '') + ' ' + id);
        }
        error.textContent = '';
        var prefix = document.createElement('span');
        prefix.className = 'visually-hidden';
        prefix.textContent = input.getAttribute('data-error-prefix') || '';
        error.appendChild(prefix);
        error.appendChild(document.createTextNode(message));
        field.classList.add('field--error');
        input.setAttribute('aria-invalid', 'true');
    }

    function tooLarge(input) {
        var file = input.files && input.files[0];
        return file && file.size > Number(input.getAttribute('data-max-bytes'));
    }

    document.addEventListener('change', function (event) {
        var input = event.target;
        if (input.matches && input.matches('form[data-upload-form] input[type=file]')) {
            fieldError(input, tooLarge(input) ? input.getAttribute('data-too-large') : null);
        }
    });

    document.addEventListener('submit', function (event) {
        var form = event.target;
        if (!form.matches('form[data-upload-form]') || !window.FormData || !window.XMLHttpRequest) {
            return;
        }
        var inputs = Array.prototype.slice.call(form.querySelectorAll('input[type=file]'));
        var chosen = inputs.filter(function (input) { return input.files && input.files.length > 0; });
        var refused = chosen.filter(tooLarge);
        refused.forEach(function (input) { fieldError(input, input.getAttribute('data-too-large')); });
        var fieldset = form.querySelector('fieldset[data-max-request-bytes]');
        var total = chosen.reduce(function (sum, input) { return sum + input.files[0].size; }, 0);
        if (refused.length === 0 && fieldset && total > Number(fieldset.getAttribute('data-max-request-bytes'))) {
            refused = chosen;
            fieldError(chosen[chosen.length - 1], fieldset.getAttribute('data-too-large-all'));
        }
        if (refused.length > 0) {
            event.preventDefault();
            refused[0].focus();
            return;
        }
        if (chosen.length === 0) {
            return;
        }
        event.preventDefault();
        var progress = form.querySelector('[data-upload-progress]');
        var bar = progress && progress.querySelector('progress');
        var percent = progress && progress.querySelector('[data-upload-percent]');
        if (progress) {
            progress.hidden = false;
        }
        var buttons = form.querySelectorAll('button[type=submit]');
        buttons.forEach(function (button) { button.disabled = true; });
        var request = new XMLHttpRequest();
        request.open('POST', form.action);
        request.upload.addEventListener('progress', function (e) {
            if (e.lengthComputable && bar) {
                var done = Math.round(e.loaded * 100 / e.total);
                bar.value = done;
                percent.textContent = done + '%';
            }
        });
        request.addEventListener('load', function () {
            if (request.responseURL && request.responseURL !== window.location.href) {
                // the 303 after a post was followed: the address becomes that page's, as after a plain post
                window.history.pushState(null, '', request.responseURL);
            }
            var answer = new DOMParser().parseFromString(request.responseText, 'text/html');
            document.replaceChild(document.adoptNode(answer.documentElement), document.documentElement);
            var summary = document.getElementById('error-summary') || document.getElementById('problem') || document.getElementById('notice')
                || document.getElementById('main');
            if (summary) {
                summary.focus();
            }
        });
        request.addEventListener('error', function () {
            // the connection failed: post the form the plain way, which says what happened
            buttons.forEach(function (button) { button.disabled = false; });
            form.submit();
        });
        request.send(new FormData(form));
    });
})();
