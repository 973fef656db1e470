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

    // A "print" button is shown only where a script can press it.
    document.querySelectorAll('[data-print-page]').forEach(button => {
        button.classList.remove('d-none');
        button.addEventListener('click', () => window.print());
    });
})();
