// Site-wide scripts. Pages work without JavaScript; scripts only enhance them.
(() => {
    // Printing shows everything: folded sections (a plan's commitments) open for the paper and fold back after.
    let opened = [];
    window.addEventListener('beforeprint', () => {
        opened = [...document.querySelectorAll('main details:not([open])')];
        opened.forEach(d => { d.open = true; });
    });
    window.addEventListener('afterprint', () => {
        opened.forEach(d => { d.open = false; });
        opened = [];
    });

    // Sections marked to fold on a phone (the search's filters) start folded there, so the results come first.
    if (window.matchMedia('(max-width: 991.98px)').matches) {
        document.querySelectorAll('details[data-fold-on-phone]').forEach(d => { d.open = false; });
    }

    // A search form marked data-apply-on-change searches again as soon as a box is ticked or the order changed
    // (its Search button stays, for the words and for a page without scripts). The control changed gets the
    // focus back on the new page, so a keyboard user carries on where they were.
    document.querySelectorAll('form[data-apply-on-change]').forEach(form => {
        const key = 'apply-on-change:' + form.id;
        const last = sessionStorage.getItem(key);
        sessionStorage.removeItem(key);
        const control = last && document.getElementById(last);
        if (control) {
            // A phone folds the filters (above): the box just ticked is in them, so they stay open.
            const folded = control.closest('details');
            if (folded) {
                folded.open = true;
            }

            control.focus();
        }

        form.querySelectorAll('[data-apply-hint]').forEach(hint => { hint.hidden = false; });
        form.addEventListener('change', event => {
            const control = event.target;
            // Boxes only: a select changes on every arrow key in some browsers, so it waits for the button.
            if (control.matches('input[type=checkbox]')) {
                sessionStorage.setItem(key, control.id);
                form.requestSubmit();
            }
        });
    });

    // A "print" button is shown only where a script can press it.
    document.querySelectorAll('[data-print-page]').forEach(button => {
        button.classList.remove('d-none');
        button.addEventListener('click', () => window.print());
    });

    // A form that takes files up to a size (data-max-bytes) refuses a larger one here, with the server's own
    // message (data-too-large) at its field, before sending it; so too files that together pass the form's
    // total (data-max-total-bytes, message data-too-much). Without JavaScript the server says the same.
    document.querySelectorAll('form[data-max-bytes]').forEach(form => {
        form.addEventListener('submit', event => {
            const inputs = [...form.querySelectorAll('input[type=file]')];
            const sizes = input => [...(input.files || [])].map(f => f.size);
            let input = inputs.find(i => sizes(i).some(size => size > Number(form.dataset.maxBytes)));
            let message = form.dataset.tooLarge;
            const total = inputs.flatMap(sizes).reduce((sum, size) => sum + size, 0);
            if (!input && form.dataset.maxTotalBytes && total > Number(form.dataset.maxTotalBytes)) {
                input = inputs.filter(i => sizes(i).length > 0).pop();
                message = form.dataset.tooMuch;
            }

            const error = input && document.getElementById(input.id + '-error');
            if (!error) {
                return;
            }

            event.preventDefault();
            error.textContent = message;
            error.classList.add('d-block');
            input.classList.add('is-invalid');
            input.setAttribute('aria-invalid', 'true');
            input.setAttribute('aria-describedby', ((input.getAttribute('aria-describedby') || '') + ' ' + error.id).trim());
            input.focus();
        });
    });
})();
