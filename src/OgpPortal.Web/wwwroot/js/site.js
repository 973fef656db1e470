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

    // A "print" button is shown only where a script can press it.
    document.querySelectorAll('[data-print-page]').forEach(button => {
        button.classList.remove('d-none');
        button.addEventListener('click', () => window.print());
    });
})();
