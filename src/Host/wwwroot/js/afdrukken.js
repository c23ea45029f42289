// Buttons marked data-afdrukken print the page. They are hidden in the HTML and shown here, so a browser without
// JavaScript never offers a button that does nothing.
for (const button of document.querySelectorAll('[data-afdrukken]')) {
    button.hidden = false;
    button.addEventListener('click', () => window.print());
}
